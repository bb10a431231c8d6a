package ch.optout.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.Signal;
import ch.optout.store.DatabaseUrl;
import ch.optout.store.TestPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill test: replicas as separate JVMs running the real {@code telegram} command against one
 * PostgreSQL server and a fake Bot API with Telegram's offset and 409 rules. 1,000 questions over
 * 50 group chats, each chat asking every four seconds; at 30 % the leader is killed with SIGKILL,
 * at 50 % a new replica starts, at 70 % the leader then in place gets SIGTERM (a rolling deploy).
 * Every question must be answered, each chat's answers in order, one replica talking to Telegram at
 * a time; a duplicate may only be a reply whose send was under way in the killed process.
 */
// about 80 s by construction (three JVMs, a kill, a SIGTERM): run by `mvn test -Pkill` and CI,
// not by the default `mvn test`
@Tag("kill")
class ReplicaFailoverTest {
  private static final int CHATS = 50;
  private static final int UPDATES = 1_000;

  /**
   * Each chat asks every four seconds: 12.5 questions a second in all, under what one replica may
   * send (a typing notice and an answer per question, within Telegram's 30 calls a second).
   */
  private static final long CHAT_GAP_MS = 4_000;

  private static final long STAGGER_MS = CHAT_GAP_MS / CHATS;

  private static final long SEND_LATENCY_MS = 80;

  /** Sends under way at once in one replica: the bound on duplicates after a SIGKILL. */
  private static final int SEND_THREADS = 4;

  private static final List<String> PLATFORMS =
      List.of(
          "LinkedIn",
          "Instagram",
          "Facebook",
          "TikTok",
          "ChatGPT",
          "YouTube",
          "Snapchat",
          "Reddit",
          "Gemini",
          "Pinterest");

  @TempDir Path dir;
  private final List<Replica> replicas = new ArrayList<>();

  /** Fired as any replica prints a line, and as its output ends. */
  private final Signal printed = new Signal();

  private FakeBotApi api;

  @AfterEach
  void stopAll() {
    for (Replica r : replicas) {
      r.process.destroyForcibly();
    }
    if (api != null) {
      api.close();
    }
  }

  @Test
  void killedAndStoppedLeaders_areReplaced_withNothingLost_inOrder_andDuplicatesOnlyFromTheKill()
      throws Exception {
    TestPostgres.reset();
    api = new FakeBotApi();
    // sends take a while, as on the real network: the SIGKILL finds some under way
    api.sendLatency(Duration.ofMillis(SEND_LATENCY_MS));
    for (String name : List.of("r1", "r2", "r3")) {
      replicas.add(start(name));
    }
    long readyBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    for (Replica r : replicas) {
      r.awaitReady(readyBy);
    }
    Replica first = awaitLeader(Set.of(), readyBy);

    Map<Integer, Integer> updateOfMessage = new HashMap<>();
    Map<Integer, Long> chatOfMessage = new HashMap<>();
    Random random = new Random(20261203);
    Replica killed = null;
    Replica stopped = null;
    long killedAt = 0;
    long stoppedAt = 0;
    long t0 = System.nanoTime();
    for (int k = 0; k < UPDATES; k++) {
      long due =
          t0 + TimeUnit.MILLISECONDS.toNanos((k / CHATS) * CHAT_GAP_MS + (k % CHATS) * STAGGER_MS);
      sleepUntil(due);
      if (k == UPDATES * 30 / 100) {
        killed = first;
        killedAt = System.nanoTime();
        killed.process.destroyForcibly(); // SIGKILL: nothing runs, no lock released by hand
      }
      if (k == UPDATES * 50 / 100) {
        replicas.add(start("r4"));
      }
      if (k == UPDATES * 70 / 100) {
        stopped = awaitLeader(Set.of(killed), System.nanoTime() + TimeUnit.SECONDS.toNanos(30));
        stoppedAt = System.nanoTime();
        stopped.process.destroy(); // SIGTERM: a rolling deploy
      }
      int chat = k % CHATS;
      long chatId = -1_002_000_000_000L - chat;
      int messageId = k + 1;
      String platform = PLATFORMS.get(random.nextInt(PLATFORMS.size()));
      int updateId =
          api.push(
              Updates.text(
                  chatId,
                  "supergroup",
                  5_000_000L + chat,
                  "en",
                  "@"
                      + FakeBotApi.USERNAME
                      + " how do I stop "
                      + platform
                      + " using my data for AI?",
                  messageId));
      updateOfMessage.put(messageId, updateId);
      chatOfMessage.put(messageId, chatId);
    }
    long fed = System.nanoTime();

    // every question answered, or a minute past the feed
    long deadline = fed + TimeUnit.SECONDS.toNanos(60);
    api.awaitRecorded(
        () -> answered().size() >= UPDATES, Duration.ofNanos(deadline - System.nanoTime()));
    assertThat(stopped.process.waitFor(30, TimeUnit.SECONDS))
        .as("the SIGTERM'd replica stops within 30 s")
        .isTrue();
    // every reply recorded as sent, and every send that reached Telegram answered (a killed
    // replica's included): a duplicate, if any, is in the record now
    while (backlog() > 0 && System.nanoTime() < deadline) {
      // the rows are the replicas': processes of their own, which mark a reply sent in PostgreSQL
      // after Telegram answered it, and tell this JVM nothing of it
      Thread.sleep(100);
    }
    assertThat(api.awaitNoSendsUnderWay(Duration.ofSeconds(10))).isTrue();
    long backlog = backlog();

    Map<Integer, List<FakeBotApi.Call>> replies = answered();
    List<Integer> lost =
        updateOfMessage.keySet().stream().filter(m -> !replies.containsKey(m)).sorted().toList();
    List<Integer> duplicated =
        replies.entrySet().stream()
            .filter(e -> e.getValue().size() > 1)
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    int outOfOrder = outOfOrder(replies, chatOfMessage);
    List<String> agents = leaderSequence();
    long conflicts = api.calls("getupdates").stream().filter(c -> c.status() == 409).count();
    Takeover afterKill = takeover(killed, killedAt);
    Takeover afterStop = takeover(stopped, stoppedAt);
    Map<Integer, Integer> attempts =
        attempts(duplicated.stream().map(updateOfMessage::get).toList());

    System.out.printf(
        "replica failover: %d updates over %d chats, %d replicas; lost %d, out of order %d,"
            + " duplicates %d (bound %d, all from the SIGKILL'd %s), unanswered rows left %d;"
            + " after SIGKILL first poll in %d ms, first reply in %d ms; after SIGTERM first poll"
            + " in %d ms, first reply in %d ms; leaders in turn %s; 409 answers %d%n",
        UPDATES,
        CHATS,
        replicas.size(),
        lost.size(),
        outOfOrder,
        duplicated.size(),
        SEND_THREADS,
        killed.name,
        backlog,
        afterKill.firstPollMs,
        afterKill.firstReplyMs,
        afterStop.firstPollMs,
        afterStop.firstReplyMs,
        agents,
        conflicts);

    System.out.println(tail(stopped, 12));
    assertThat(lost).as("questions never answered" + logs()).isEmpty();
    assertThat(outOfOrder).as("answers out of their chat's order").isZero();
    assertThat(backlog).as("inbox rows not handled plus outbox rows not sent").isZero();
    assertThat(agents).as("replicas in the order they talked to Telegram").doesNotHaveDuplicates();
    assertThat(agents).hasSize(3).startsWith(killed.name, stopped.name);
    assertThat(duplicated.size()).isLessThanOrEqualTo(SEND_THREADS);
    for (int message : duplicated) {
      List<FakeBotApi.Call> copies = replies.get(message);
      assertThat(copies.get(0).agent())
          .as("the first copy of a duplicated reply was sent by the killed replica")
          .contains("replica " + killed.name);
      assertThat(attempts.get(updateOfMessage.get(message)))
          .as("a duplicated reply was attempted more than once, and logged as a resend")
          .isGreaterThanOrEqualTo(2);
    }
    assertThat(afterKill.firstReplyMs).isPositive();
    assertThat(afterStop.firstReplyMs).isPositive();
    assertThat(api.violations()).isEmpty();
  }

  /** Replies to a question, by the question's message id, in the order Telegram took them. */
  private Map<Integer, List<FakeBotApi.Call>> answered() {
    Map<Integer, List<FakeBotApi.Call>> replies = new LinkedHashMap<>();
    for (FakeBotApi.Call c : api.calls("sendmessage")) {
      int to = c.body().path("reply_parameters").path("message_id").asInt(0);
      if (c.ok() && to > 0) {
        replies.computeIfAbsent(to, m -> new ArrayList<>()).add(c);
      }
    }
    return replies;
  }

  /** Chats whose answers (first copies) reached Telegram in another order than the questions. */
  private static int outOfOrder(
      Map<Integer, List<FakeBotApi.Call>> replies, Map<Integer, Long> chatOfMessage) {
    List<Map.Entry<Integer, FakeBotApi.Call>> firsts = new ArrayList<>();
    replies.forEach((m, calls) -> firsts.add(Map.entry(m, calls.get(0))));
    firsts.sort((a, b) -> Long.compare(a.getValue().atNanos(), b.getValue().atNanos()));
    Map<Long, Integer> last = new HashMap<>();
    int violations = 0;
    for (Map.Entry<Integer, FakeBotApi.Call> e : firsts) {
      long chat = chatOfMessage.get(e.getKey());
      Integer before = last.put(chat, e.getKey());
      if (before != null && before > e.getKey()) {
        violations++;
      }
    }
    return violations;
  }

  /**
   * The replicas in the order their requests reached Telegram, each counted again whenever it
   * follows another: one leader at a time means each appears once.
   */
  private List<String> leaderSequence() {
    List<String> sequence = new ArrayList<>();
    for (FakeBotApi.Arrival a : api.arrivals()) {
      String name = a.agent().replaceAll(".*replica ([^)]*)\\).*", "$1");
      if (sequence.isEmpty() || !sequence.get(sequence.size() - 1).equals(name)) {
        sequence.add(name);
      }
    }
    return sequence;
  }

  private record Takeover(long firstPollMs, long firstReplyMs) {}

  /** How long after {@code from} ended the next replica's first poll and first reply arrived. */
  private Takeover takeover(Replica from, long at) {
    String own = "replica " + from.name + ")";
    long poll =
        api.arrivals().stream()
            .filter(a -> a.atNanos() > at && !a.agent().contains(own))
            .filter(a -> a.method().equals("getupdates"))
            .mapToLong(FakeBotApi.Arrival::atNanos)
            .min()
            .orElse(at - 1);
    long reply =
        api.arrivals().stream()
            .filter(a -> a.atNanos() > at && !a.agent().contains(own))
            .filter(a -> a.method().equals("sendmessage"))
            .mapToLong(FakeBotApi.Arrival::atNanos)
            .min()
            .orElse(at - 1);
    return new Takeover(
        TimeUnit.NANOSECONDS.toMillis(poll - at), TimeUnit.NANOSECONDS.toMillis(reply - at));
  }

  /** The first replica not in {@code not} that says it leads, woken by what the replicas print. */
  private Replica awaitLeader(Set<Replica> not, long deadline) throws InterruptedException {
    List<Replica> leading = new ArrayList<>();
    printed.await(
        () -> {
          leading.clear();
          replicas.stream()
              .filter(r -> !not.contains(r) && !r.ended && r.leading)
              .findFirst()
              .ifPresent(leading::add);
          return !leading.isEmpty();
        },
        Duration.ofNanos(deadline - System.nanoTime()));
    if (leading.isEmpty()) {
      throw new AssertionError("no replica leads" + logs());
    }
    return leading.get(0);
  }

  private Replica start(String name) throws IOException {
    DatabaseUrl db = TestPostgres.url();
    Path data = Files.createDirectories(dir.resolve(name));
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx384m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            "ch.optout.cli.Main",
            "telegram");
    Map<String, String> env = pb.environment();
    env.put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
    env.put("TELEGRAM_API_URL", api.url());
    env.put("OPTOUT_DATABASE_URL", db.jdbcUrl().replaceFirst("^jdbc:", ""));
    db.user().ifPresent(u -> env.put("OPTOUT_DATABASE_USER", u));
    db.password().ifPresent(p -> env.put("OPTOUT_DATABASE_PASSWORD", p));
    env.put("OPTOUT_SECRET_KEY", "a-test-secret-of-at-least-thirty-two-characters");
    env.put("OPTOUT_DATA_DIR", data.toString());
    env.put("OPTOUT_KNOWLEDGE_DIR", Path.of("knowledge").toAbsolutePath().toString());
    env.put("OPTOUT_RETRIEVAL", "bm25");
    env.put("OPTOUT_LLM", "none");
    env.put("OPTOUT_REPLICA", name);
    env.put("OPTOUT_LOG_LEVEL", "INFO");
    env.remove("OPTOUT_HTTP_PORT");
    pb.redirectError(data.resolve("stderr.log").toFile());
    Replica r = new Replica(name, pb.start(), data.resolve("stderr.log"), printed);
    Thread reader = new Thread(r::read, "replica-" + name + "-stdout");
    reader.setDaemon(true);
    reader.start();
    return r;
  }

  private long backlog() throws Exception {
    return TestPostgres.count(
        "SELECT (SELECT COUNT(*) FROM inbox WHERE handled_at IS NULL)"
            + " + (SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL)");
  }

  /** Send attempts recorded for the first reply of each update. */
  private Map<Integer, Integer> attempts(List<Integer> updates) throws Exception {
    Map<Integer, Integer> result = new HashMap<>();
    try (Connection c = TestPostgres.connect();
        PreparedStatement p =
            c.prepareStatement("SELECT attempts FROM outbox WHERE update_id = ? AND seq = 0")) {
      for (int u : updates) {
        p.setLong(1, u);
        try (ResultSet r = p.executeQuery()) {
          result.put(u, r.next() ? r.getInt(1) : 0);
        }
      }
    }
    return result;
  }

  private String logs() {
    StringBuilder b = new StringBuilder();
    for (Replica r : replicas) {
      b.append("\n--- ").append(r.name).append(" stdout: ").append(r.lines);
      try {
        List<String> err = Files.readAllLines(r.stderr);
        b.append("\n--- ")
            .append(r.name)
            .append(" stderr (last 40 lines):\n")
            .append(
                err.subList(Math.max(0, err.size() - 40), err.size()).stream()
                    .collect(Collectors.joining("\n")));
      } catch (IOException e) {
        b.append(" (no stderr)");
      }
    }
    return b.toString();
  }

  private static String tail(Replica r, int n) throws IOException {
    List<String> err = Files.readAllLines(r.stderr);
    return String.join("\n", err.subList(Math.max(0, err.size() - n), err.size()));
  }

  /**
   * Not a wait for the replicas: the feed's schedule, each chat asking every four seconds, in the
   * real time the replicas pace their sends in.
   */
  private static void sleepUntil(long nanos) throws InterruptedException {
    long wait = nanos - System.nanoTime();
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }

  /** One replica process and what it printed. */
  private static final class Replica {
    final String name;
    final Process process;
    final Path stderr;
    final List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
    final Signal printed;
    volatile boolean ready;
    volatile boolean leading;

    /** The process's output ended: it died or stopped. */
    volatile boolean ended;

    Replica(String name, Process process, Path stderr, Signal printed) {
      this.name = name;
      this.process = process;
      this.stderr = stderr;
      this.printed = printed;
    }

    void read() {
      try (BufferedReader in =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          lines.add(line);
          if (line.startsWith("Standby")) {
            ready = true;
          }
          if (line.startsWith("OptOut answers on Telegram")) {
            ready = true;
            leading = true;
          }
          printed.fire();
        }
      } catch (IOException e) {
        // the process ended
      } finally {
        ended = true;
        printed.fire();
      }
    }

    /** Waits until the replica says it is ready, woken by what it prints. */
    void awaitReady(long deadline) throws InterruptedException {
      printed.await(() -> ready || ended, Duration.ofNanos(deadline - System.nanoTime()));
      if (!ready) {
        throw new AssertionError(name + " never became ready; printed " + lines);
      }
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
