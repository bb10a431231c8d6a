package ch.optout.cli;

import ch.optout.answer.Answer;
import ch.optout.answer.Queries;
import ch.optout.answer.Question;
import ch.optout.knowledge.Language;
import ch.optout.search.RetrievalMode;
import ch.optout.search.ScoredPassage;
import ch.optout.store.Threads;
import ch.optout.understand.Reading;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Measures latency per stage and per answer (p50, p99), throughput, start-up time and heap.")
final class BenchCommand implements Callable<Integer> {
  /** What bench asks, from {@code bench/questions.txt}. Not the eval set. */
  static final List<String> QUESTIONS =
      ch.optout.knowledge.Resources.entries("bench/questions.txt");

  @ParentCommand OptOutCommand parent;

  @Option(
      names = "--rounds",
      defaultValue = "30",
      description = "Measured passes over the questions (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--mode",
      defaultValue = "hybrid",
      paramLabel = "bm25|dense|hybrid",
      description = "Retrieval to measure (default: ${DEFAULT-VALUE}).")
  String mode;

  @Override
  public Integer call() throws Exception {
    RetrievalMode retrieval =
        RetrievalMode.parse(mode)
            .orElseThrow(() -> new UsageProblem("--mode takes bm25, dense or hybrid"));
    if (rounds < 1 || rounds > 10_000) {
      throw new UsageProblem("--rounds takes 1 to 10000");
    }
    PrintWriter out = parent.spec.commandLine().getOut();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    long t0 = System.nanoTime();
    try (Components c = Components.inMemory(parent.settings(), retrieval)) {
      double readyMs = (System.nanoTime() - t0) / 1e6;
      boolean warm =
          retrieval == RetrievalMode.BM25 || c.retriever.awaitWarm(120, TimeUnit.SECONDS);
      double warmMs = (System.nanoTime() - t0) / 1e6;
      for (int i = 0; i < 3; i++) {
        stages(c, 1);
      }
      double[][] stage = stages(c, rounds);
      double[] perAnswer = answers(c, rounds, false);
      double[] perNewAnswer = answers(c, rounds, true);
      double one = throughput(c, 1);
      double two = throughput(c, 2);
      Optional<Path> jar = jar();
      double startup =
          jar.map(j -> firstAnswer(List.of(java(), "-jar", j.toString()))).orElse(-1.0);
      Optional<Path> launcher =
          jar.map(j -> j.resolveSibling("optout")).filter(Files::isExecutable);
      double launched = launcher.map(l -> firstAnswer(List.of(l.toString()))).orElse(-1.0);
      long heapPeak = heapPeak();
      System.gc();
      long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();

      out.printf(
          "OptOut bench — mode %s, %d questions x %d rounds, %d cores%n",
          retrieval.name().toLowerCase(java.util.Locale.ROOT),
          QUESTIONS.size(),
          rounds,
          Runtime.getRuntime().availableProcessors());
      out.println("| measure | p50 | p99 |");
      out.println("|---|---|---|");
      row(out, "understand", Stats.of(stage[0]));
      row(out, "retrieve", Stats.of(stage[1]));
      row(out, "compose", Stats.of(stage[2]));
      row(out, "answer, question seen before (cached embedding)", Stats.of(perAnswer));
      row(out, "answer, new question (embedding computed)", Stats.of(perNewAnswer));
      out.println();
      out.println("| measure | value |");
      out.println("|---|---|");
      out.printf("| throughput, 1 thread | %.0f answers/s |%n", one);
      out.printf("| throughput, 2 threads | %.0f answers/s |%n", two);
      out.printf("| in-process start (knowledge + BM25 index) | %.0f ms |%n", readyMs);
      out.printf(
          "| semantic search ready after | %s |%n",
          warm ? String.format("%.0f ms", warmMs) : "not loaded");
      out.printf(
          "| jar start to first answer (ask, new JVM) | %s |%n",
          startup < 0 ? "n/a (not run from the jar)" : String.format("%.0f ms", startup));
      out.printf(
          "| launcher start to first answer (target/optout ask: class-data archive, quick"
              + " compiler) | %s |%n",
          launched < 0 ? "n/a (no launcher next to the jar)" : String.format("%.0f ms", launched));
      out.printf(
          "| peak heap used (collector left to its defaults) | %d MB |%n",
          heapPeak / (1024 * 1024));
      out.printf("| live heap after a full GC | %d MB |%n", live / (1024 * 1024));
      out.printf(
          "| max heap of this run | %d MB |%n", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }
    return 0;
  }

  private static void row(PrintWriter out, String name, Stats s) {
    out.printf("| %s | %.3f ms | %.3f ms |%n", name, s.percentile(50), s.percentile(99));
  }

  /** Understanding, retrieval and composition timed apart, on the same questions. */
  private static double[][] stages(Components c, int rounds) {
    int n = rounds * QUESTIONS.size();
    double[][] ms = new double[3][n];
    int i = 0;
    for (int r = 0; r < rounds; r++) {
      for (String q : QUESTIONS) {
        long a = System.nanoTime();
        Reading u = c.understander.read(q, Language.fallback());
        long b = System.nanoTime();
        java.util.List<ScoredPassage> hits = c.search.retrieve(Queries.of(u));
        long d = System.nanoTime();
        Answer answer = c.composer.compose(new Question(u, hits));
        long e = System.nanoTime();
        if (answer.title() == null) {
          throw new IllegalStateException();
        }
        ms[0][i] = (b - a) / 1e6;
        ms[1][i] = (d - b) / 1e6;
        ms[2][i] = (e - d) / 1e6;
        i++;
      }
    }
    return ms;
  }

  /**
   * @param fresh make every question new (a round number appended), so no cache can answer it
   */
  private static double[] answers(Components c, int rounds, boolean fresh) {
    double[] ms = new double[rounds * QUESTIONS.size()];
    int i = 0;
    for (int r = 0; r < rounds; r++) {
      for (String q : QUESTIONS) {
        String question = fresh ? q + " #" + r : q;
        long a = System.nanoTime();
        c.assistant.reply("bench-" + (i % 97), question);
        ms[i++] = (System.nanoTime() - a) / 1e6;
      }
    }
    return ms;
  }

  private static double throughput(Components c, int threads) throws Exception {
    int total = 1000;
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, Threads.named("optout-bench"));
    try {
      long start = System.nanoTime();
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(
            pool.submit(
                () -> {
                  int k;
                  while ((k = next.getAndIncrement()) < total) {
                    // every question new, as in real traffic: no cached embedding
                    c.assistant.reply(
                        "bench-t" + (k % 50),
                        QUESTIONS.get(k % QUESTIONS.size()) + " #" + threads + "-" + k);
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      return total / ((System.nanoTime() - start) / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }

  /** The jar this runs from, if it runs from one. */
  private static Optional<Path> jar() {
    try {
      Path jar =
          Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return jar.toString().endsWith(".jar") ? Optional.of(jar) : Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * A new process running {@code ask}, three times: what a user waits for at the terminal, the
   * median in milliseconds; -1 if it gave no answer.
   */
  private static double firstAnswer(List<String> command) {
    double[] runs = new double[3];
    for (int i = 0; i < runs.length; i++) {
      runs[i] = onceToFirstAnswer(command);
      if (runs[i] < 0) {
        return -1;
      }
    }
    java.util.Arrays.sort(runs);
    return runs[1];
  }

  private static double onceToFirstAnswer(List<String> command) {
    List<String> ask = new java.util.ArrayList<>(command);
    ask.addAll(List.of("ask", "How do I stop LinkedIn using my CV?"));
    long start = System.nanoTime();
    try {
      Process p = new ProcessBuilder(ask).redirectErrorStream(true).start();
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String first = r.readLine();
        double ms = (System.nanoTime() - start) / 1e6;
        while (r.readLine() != null) {
          // drain
        }
        p.waitFor(30, TimeUnit.SECONDS);
        return first == null ? -1 : ms;
      }
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static long heapPeak() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
