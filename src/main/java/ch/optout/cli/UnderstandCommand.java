package ch.optout.cli;

import ch.optout.knowledge.Language;
import ch.optout.search.RetrievalMode;
import ch.optout.understand.Reading;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "understand",
    mixinStandardHelpOptions = true,
    description =
        "Prints what OptOut understands of a message (act, scope, shape, platforms, cards, region),"
            + " one JSON object per message; with no MESSAGE, reads one per line from standard input.")
final class UnderstandCommand implements Callable<Integer> {
  @ParentCommand OptOutCommand parent;

  @Parameters(paramLabel = "MESSAGE", arity = "0..*")
  List<String> words = List.of();

  @Option(names = "--mode", paramLabel = "bm25|hybrid", defaultValue = "hybrid")
  String mode;

  @Option(names = "--explain", description = "Also print each classifier's nearest labels.")
  boolean explain;

  private Components components;

  private final ObjectMapper mapper = new ObjectMapper();

  @Override
  public Integer call() throws IOException {
    RetrievalMode retrieval =
        RetrievalMode.parse(mode)
            .orElseThrow(() -> new UsageProblem("--mode takes bm25 or hybrid, not '" + mode + "'"));
    PrintWriter out = parent.spec.commandLine().getOut();
    try (Components c = Components.inMemory(parent.settings(), retrieval)) {
      components = c;
      if (retrieval != RetrievalMode.BM25) {
        c.retriever.awaitWarm(120, TimeUnit.SECONDS);
      }
      if (!words.isEmpty()) {
        out.println(json(c.understander.read(String.join(" ", words), Language.fallback())));
      } else {
        BufferedReader in =
            new BufferedReader(new InputStreamReader(parent.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          if (!line.isBlank()) {
            out.println(json(c.understander.read(line, Language.fallback())));
            out.flush();
          }
        }
      }
    }
    return 0;
  }

  private String json(Reading r) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("text", r.text());
    if (!r.question().equals(r.text())) {
      m.put("question", r.question());
    }
    m.put("language", r.language().code());
    m.put("act", r.act().name());
    m.put("scope", r.scope().name() + ":" + r.scopeReason());
    m.put("shape", r.shape().name());
    m.put("platforms", r.platformIds());
    if (!r.lookalikes().isEmpty()) {
      m.put("lookalikes", r.lookalikes());
    }
    r.uncovered().ifPresent(u -> m.put("uncovered", u));
    m.put(
        "cards",
        r.cards().stream()
            .map(a -> a.id() + ":" + String.format(java.util.Locale.ROOT, "%.2f", a.score()))
            .toList());
    Map<String, List<String>> byDocument = new LinkedHashMap<>();
    r.cardsByDocument()
        .forEach(
            (doc, cards) ->
                byDocument.put(
                    doc,
                    cards.stream()
                        .limit(3)
                        .map(
                            a ->
                                a.id()
                                    + ":"
                                    + String.format(java.util.Locale.ROOT, "%.2f", a.score()))
                        .toList()));
    m.put("by_document", byDocument);
    r.country().ifPresent(v -> m.put("country", v));
    r.device().ifPresent(v -> m.put("device", v.name()));
    if (explain) {
      m.put("explain", components.understander.explain(r.text(), r.language()));
    }
    return mapper.writeValueAsString(m);
  }
}
