package ch.optout.cli;

import ch.optout.chat.Reply;
import ch.optout.search.RetrievalMode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description =
        "Runs JSONL files of questions, conversations or card paraphrases (or every .jsonl file of"
            + " a folder) and prints accuracy, lead, abstention, coverage, asking back, language,"
            + " paraphrase consistency and latency, per kind.")
final class EvalCommand implements Callable<Integer> {
  @ParentCommand OptOutCommand parent;

  @Parameters(
      paramLabel = "FILE",
      arity = "1..*",
      description = "JSONL files or folders: q, lang, kind, names, expect_any… per line.")
  List<Path> files;

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
    List<Path> paths = expand(files);
    PrintWriter out = parent.spec.commandLine().getOut();
    try (Components c = Components.inMemory(parent.settings(), retrieval)) {
      if (retrieval != RetrievalMode.BM25 && !c.retriever.awaitWarm(120, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the embedding model did not load; try --mode bm25");
      }
      out.printf("mode %s%n", retrieval.name().toLowerCase(java.util.Locale.ROOT));
      EvalTally total = new EvalTally();
      for (Path path : paths) {
        EvalTally tally = new EvalTally();
        run(c, path, EvalFile.read(path), List.of(tally, total));
        tally.print(out, path.toString(), !quiet);
      }
      if (paths.size() > 1) {
        total.print(out, "all " + paths.size() + " files", false);
      }
    }
    return 0;
  }

  private static void run(Components c, Path path, List<EvalItem> items, List<EvalTally> tallies) {
    EvalScorer scorer = new EvalScorer();
    String file = path.getFileName().toString();
    // one untimed pass over the single questions first, so latency is that of a running service
    for (EvalItem item : items) {
      if (item instanceof EvalItem.Single s) {
        c.assistant.reply("eval-warm-" + file + "-" + s.line(), s.question().question());
      }
    }
    for (EvalItem item : items) {
      if (item instanceof EvalItem.Single s) {
        long start = System.nanoTime();
        Reply reply = c.assistant.reply("eval-" + file + "-" + s.line(), s.question().question());
        double ms = (System.nanoTime() - start) / 1e6;
        score(c, scorer, file, s.question(), reply, false, tallies);
        tallies.forEach(t -> t.millis.add(ms));
      } else if (item instanceof EvalItem.Conversation conversation) {
        String chat = "eval-" + file + "-" + conversation.id();
        boolean all = true;
        for (EvalCase turn : conversation.turns()) {
          Reply reply = c.assistant.reply(chat, turn.question());
          all &= score(c, scorer, file + " " + conversation.id(), turn, reply, true, tallies);
        }
        boolean whole = all;
        tallies.forEach(t -> t.conversations.add(whole));
      }
    }
  }

  private static boolean score(
      Components c,
      EvalScorer scorer,
      String where,
      EvalCase ec,
      Reply reply,
      boolean turn,
      List<EvalTally> tallies) {
    String text = c.plainText.render(reply.answer());
    EvalScorer.Verdict v = scorer.score(ec, reply, text);
    for (EvalTally t : tallies) {
      t.add(ec, reply, text, v, turn);
      if (!v.right()) {
        t.failures.add(
            String.format(
                "%s:%d: [%s] %s — %s",
                where, ec.line(), ec.kind(), ec.question(), String.join("; ", v.problems())));
      }
    }
    return v.right();
  }

  /** Files as given; a folder stands for its .jsonl files, by name. */
  private static List<Path> expand(List<Path> given) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path p : given) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          s.filter(f -> f.getFileName().toString().endsWith(".jsonl")).sorted().forEach(out::add);
        }
      } else {
        out.add(p);
      }
    }
    return out;
  }

  /** The single questions of a file (for tests that score a question set). */
  static List<EvalCase> read(Path file) throws IOException {
    return EvalFile.questions(file);
  }
}
