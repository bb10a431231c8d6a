package ch.optout.cli;

import ch.optout.chat.Reply;
import ch.optout.search.RetrievalMode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description =
        "Runs a JSONL file of questions and prints accuracy, abstention, language and latency figures.")
final class EvalCommand implements Callable<Integer> {
  @ParentCommand OptOutCommand parent;

  @Parameters(
      paramLabel = "FILE",
      description = "JSONL: q, lang, kind, names, expect_any, cite_domains per line.")
  Path file;

  @Option(
      names = "--mode",
      paramLabel = "bm25|dense|hybrid",
      defaultValue = "hybrid",
      description = "Retrieval to measure (default: ${DEFAULT-VALUE}).")
  String mode;

  @Option(names = "--quiet", description = "Only the summary, not each failure.")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    RetrievalMode retrieval =
        RetrievalMode.parse(mode)
            .orElseThrow(
                () -> new UsageProblem("--mode takes bm25, dense or hybrid, not '" + mode + "'"));
    List<EvalCase> cases = read(file);
    PrintWriter out = parent.spec.commandLine().getOut();
    try (Components c = Components.inMemory(parent.settings(), retrieval)) {
      if (retrieval != RetrievalMode.BM25 && !c.retriever.awaitWarm(120, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the embedding model did not load; try --mode bm25");
      }
      // one untimed pass first, so latency is that of a running service, not of a cold JVM
      for (int i = 0; i < cases.size(); i++) {
        c.assistant.reply("eval-warm-" + i, cases.get(i).question());
      }
      EvalScorer scorer = new EvalScorer();
      int right = 0;
      int oos = 0;
      int declined = 0;
      int withLang = 0;
      int langRight = 0;
      Map<String, int[]> perKind = new TreeMap<>();
      int leadCases = 0;
      int leadRight = 0;
      int coverage = 0;
      int coverageHonest = 0;
      List<Integer> factLengths = new ArrayList<>();
      List<Integer> howToLengths = new ArrayList<>();
      double[] ms = new double[cases.size()];
      List<String> failures = new ArrayList<>();
      for (int i = 0; i < cases.size(); i++) {
        EvalCase ec = cases.get(i);
        long start = System.nanoTime();
        Reply reply = c.assistant.reply("eval-" + i, ec.question());
        ms[i] = (System.nanoTime() - start) / 1e6;
        String text = c.plainText.render(reply.answer());
        EvalScorer.Verdict v = scorer.score(ec, reply, text);
        int[] k = perKind.computeIfAbsent(ec.kind(), x -> new int[4]);
        k[1]++;
        if (!ec.leadAny().isEmpty()) {
          leadCases++;
          k[3]++;
          if (v.leadRight().orElse(false)) {
            leadRight++;
            k[2]++;
          }
        }
        if (ec.coverage()) {
          coverage++;
          coverageHonest += v.right() ? 1 : 0;
        }
        if (reply.answer().answered()
            && reply.answer().kind() == ch.optout.answer.AnswerKind.GUIDE) {
          boolean fact =
              reply.understanding().map(u -> !u.facets().isEmpty()).orElse(false)
                  && !ch.optout.search.IntentClassifier.asksHowTo(ec.question());
          (fact ? factLengths : howToLengths).add(text.length());
        } else if (reply.answer().answered()
            && reply.answer().kind() == ch.optout.answer.AnswerKind.INFORMATION) {
          factLengths.add(text.length());
        }
        if (v.right()) {
          right++;
          k[0]++;
        } else {
          failures.add(
              String.format(
                  "%s:%d: %s — %s",
                  file.getFileName(), ec.line(), ec.question(), String.join("; ", v.problems())));
        }
        if (ec.outOfScope()) {
          oos++;
          declined += reply.answer().answered() ? 0 : 1;
        }
        if (ec.language().isPresent()) {
          withLang++;
          langRight += v.languageRight() ? 1 : 0;
        }
      }
      Stats stats = Stats.of(ms);
      out.printf(
          "mode %s — %d questions%n",
          retrieval.name().toLowerCase(java.util.Locale.ROOT), cases.size());
      out.printf("accuracy   %.3f (%d/%d)%n", ratio(right, cases.size()), right, cases.size());
      out.printf(
          "abstention %.3f (%d/%d out-of-scope declined)%n", ratio(declined, oos), declined, oos);
      out.printf("language   %.3f (%d/%d)%n", ratio(langRight, withLang), langRight, withLang);
      out.printf(
          "lead       %.3f (%d/%d answers lead with what was asked, first %d characters)%n",
          ratio(leadRight, leadCases), leadRight, leadCases, EvalScorer.LEAD_CHARS);
      if (coverage > 0) {
        out.printf(
            "coverage   %d/%d honest (declined naming the service, or answered from its own guide)%n",
            coverageHonest, coverage);
      }
      perKind.forEach(
          (kind, k) ->
              out.printf(
                  "  %-13s %d/%d%s%n",
                  kind, k[0], k[1], k[3] == 0 ? "" : String.format("  lead %d/%d", k[2], k[3])));
      out.printf(
          "length     median %d chars for facts (%d answers), %d for how-tos (%d answers)%n",
          median(factLengths), factLengths.size(), median(howToLengths), howToLengths.size());
      out.printf(
          "latency    p50 %.2f ms, p99 %.2f ms, mean %.2f ms (after one warm-up pass; repeated questions reuse cached embeddings)%n",
          stats.percentile(50), stats.percentile(99), stats.mean());
      if (!quiet) {
        failures.forEach(f -> out.println("FAIL " + f));
      }
    }
    return 0;
  }

  private static int median(List<Integer> values) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Integer> sorted = new ArrayList<>(values);
    java.util.Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static double ratio(int a, int b) {
    return b == 0 ? 1.0 : (double) a / b;
  }

  static List<EvalCase> read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new UsageProblem("no such file: " + file);
    }
    ObjectMapper mapper = new ObjectMapper();
    List<EvalCase> cases = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      JsonNode node;
      try {
        node = mapper.readTree(line);
      } catch (IOException e) {
        throw new UsageProblem(file + ":" + (i + 1) + ": not valid JSON");
      }
      if (node == null || !node.hasNonNull("q")) {
        throw new UsageProblem(file + ":" + (i + 1) + ": needs a \"q\"");
      }
      cases.add(
          new EvalCase(
              i + 1,
              node.get("q").asText(),
              Optional.ofNullable(node.get("lang")).filter(n -> !n.isNull()).map(JsonNode::asText),
              Optional.ofNullable(node.get("kind")).map(JsonNode::asText).orElse("platform"),
              strings(node.get("names")),
              strings(node.get("expect_any")),
              strings(node.get("cite_domains")),
              strings(node.get("lead_any")),
              strings(node.get("forbid_any"))));
    }
    return cases;
  }

  private static List<String> strings(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node != null && node.isArray()) {
      node.forEach(n -> values.add(n.asText()));
    }
    return values;
  }
}
