package ch.optout.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.KnowledgeCopy;
import ch.optout.MutableClock;
import ch.optout.TestPipeline;
import ch.optout.store.SignalledRelay;
import ch.optout.store.SqliteChatStore;
import ch.optout.store.Watch;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An alert to many followers of one platform while other chats ask questions, through the real bot,
 * a real SQLite store and {@link FakeBotApi}: the alert goes out paced, every follower gets it
 * once, and the askers' answers keep their latency (p99 within a second of the same askers without
 * the alert). 1,000 followers by default, {@code -Doptout.followers=10000} for the figure;
 * Telegram's limits are scaled (a global gap of {@code -Doptout.followers.gapMs}, 3 ms by default,
 * instead of 34) so that the run takes seconds. Prints the figures.
 */
class FollowerLoadTest {
  private static final int FOLLOWERS = Integer.getInteger("optout.followers", 300);
  private static final Duration GAP = Duration.ofMillis(Long.getLong("optout.followers.gapMs", 3));
  private static final int ASKERS = 10;

  /**
   * Between an answer and the asker's next question: people read, and Telegram lets a chat receive
   * about one message a second. Ten askers then take about a third of the global budget.
   */
  private static final Duration PAUSE = Duration.ofSeconds(1);

  private static final long FIRST_FOLLOWER = 60_000_000L;
  private static final long FIRST_ASKER = 61_000_000L;
  private static final String ALERT = "LinkedIn now also trains on private messages.";

  @TempDir Path data;
  @TempDir Path knowledgeDir;

  @Test
  void alertToManyFollowers_isPacedCompleteAndNeverDelaysAnswers() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-12-21T08:00:00Z"));
    KnowledgeCopy copy = KnowledgeCopy.of(knowledgeDir);
    Limits limits =
        new Limits(
                Duration.ofMillis(30),
                GAP,
                Duration.ofMillis(20),
                Duration.ofMillis(200),
                5,
                Duration.ofSeconds(5),
                1,
                Duration.ofMillis(20),
                Duration.ofMillis(200),
                Duration.ofSeconds(5))
            .withFlood(30, Duration.ofSeconds(10));
    try (SqliteChatStore store = new SqliteChatStore(data, clock);
        FakeBotApi api = new FakeBotApi()) {
      long setup = System.nanoTime();
      for (int i = 0; i < FOLLOWERS; i++) {
        store.watch(
            ChatRef.assistantKey(FIRST_FOLLOWER + i),
            "telegram",
            new Watch("linkedin", i % 2 == 0 ? "en" : "fr", clock.instant()),
            List.of());
      }
      long setupMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - setup);
      TestPipeline pipeline = copy.pipeline();
      SignalledRelay outbox = new SignalledRelay(store.relay());
      TelegramBot.FollowThrough followThrough =
          new TelegramBot.FollowThrough(store.followUps(), outbox, clock);

      // unloaded: the askers alone (the knowledge has no change yet)
      List<Long> unloaded;
      try (TelegramBot unused = start(pipeline, store, api, limits, followThrough)) {
        ask(api, 0, Duration.ofSeconds(1), () -> false); // warm-up, not counted
        unloaded = ask(api, 1, Duration.ofSeconds(5), () -> false);
      }

      copy.addChange("linkedin", "2026-12-20", ALERT, "LinkedIn change.", "2027-01-31");
      List<Long> loaded;
      long first;
      long last;
      try (TelegramBot unused = start(copy.pipeline(), store, api, limits, followThrough)) {
        loaded =
            ask(api, 2, Duration.ofSeconds(600), () -> alerts(api).size() >= FOLLOWERS * 2 / 3);
        List<FakeBotApi.Call> alerts =
            api.await(
                c -> c.ok() && c.chatId() >= FIRST_FOLLOWER && c.chatId() < FIRST_ASKER,
                FOLLOWERS,
                Duration.ofSeconds(600));
        first = alerts.stream().mapToLong(FakeBotApi.Call::atNanos).min().orElseThrow();
        last = alerts.stream().mapToLong(FakeBotApi.Call::atNanos).max().orElseThrow();
        // every follower told: the outbox empties as the last sends are recorded, and a message
        // claimed twice would still be in it, or delivered before it empties
        assertThat(outbox.awaitBacklogEmpty(Duration.ofSeconds(10))).isTrue();
      }

      Map<Long, Long> perFollower =
          alerts(api).stream()
              .collect(Collectors.groupingBy(FakeBotApi.Call::chatId, Collectors.counting()));
      double seconds = (last - first) / 1e9;
      double rate = (FOLLOWERS - 1) / seconds;
      long unloadedP99 = percentile(unloaded, 99);
      long loadedP99 = percentile(loaded, 99);
      System.out.printf(
          "follower load: %d followers (set up in %d ms), alert sent in %.1f s at %.0f msg/s"
              + " (limit %.0f/s); askers' answers p50/p99 unloaded %d/%d ms (n=%d), during the"
              + " alert %d/%d ms (n=%d); lost %d, duplicated %d%n",
          FOLLOWERS,
          setupMs,
          seconds,
          rate,
          1000.0 / GAP.toMillis(),
          percentile(unloaded, 50),
          unloadedP99,
          unloaded.size(),
          percentile(loaded, 50),
          loadedP99,
          loaded.size(),
          FOLLOWERS - perFollower.size(),
          perFollower.values().stream().filter(n -> n > 1).count());

      assertThat(perFollower).as("every follower told").hasSize(FOLLOWERS);
      assertThat(perFollower.values()).as("each once").allMatch(n -> n == 1);
      assertThat(rate).as("paced").isLessThanOrEqualTo(1000.0 / GAP.toMillis() * 1.05);
      assertThat(loaded).as("askers answered during the alert").isNotEmpty();
      assertThat(loadedP99).isLessThanOrEqualTo(unloadedP99 + 1_000);
      assertThat(store.relay().backlog()).as("nothing left unsent").isZero();
      assertThat(api.violations()).isEmpty();
    }
  }

  private static TelegramBot start(
      TestPipeline pipeline,
      SqliteChatStore store,
      FakeBotApi api,
      Limits limits,
      TelegramBot.FollowThrough followThrough) {
    return TelegramBot.builder(
            pipeline.assistant(store, Clock.systemUTC()),
            pipeline.messages,
            new BotToken(FakeBotApi.TOKEN),
            api.telegramUrl())
        .limits(limits)
        .clock(Clock.systemUTC())
        .admins(AdminIds.NONE)
        .counts(new TelegramCounts())
        .followThrough(followThrough)
        .start();
  }

  private static List<FakeBotApi.Call> alerts(FakeBotApi api) {
    return api.calls("sendmessage").stream()
        .filter(c -> c.ok() && c.chatId() >= FIRST_FOLLOWER && c.chatId() < FIRST_ASKER)
        .toList();
  }

  /**
   * Askers in turn, each waiting for its answer before asking again, for at most {@code longest} or
   * until {@code done}: the latency of each answer, in ms.
   */
  private static List<Long> ask(
      FakeBotApi api, int round, Duration longest, java.util.function.BooleanSupplier done)
      throws InterruptedException {
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    long end = System.nanoTime() + longest.toNanos();
    List<Thread> askers = new ArrayList<>();
    for (int a = 0; a < ASKERS; a++) {
      long chat = FIRST_ASKER + round * ASKERS + a;
      Thread t =
          new Thread(
              () -> {
                int asked = 0;
                try {
                  while (System.nanoTime() < end && !done.getAsBoolean()) {
                    long at = System.nanoTime();
                    api.push(
                        Updates.privateText(chat, "en", "How do I stop LinkedIn using my CV?"));
                    FakeBotApi.Call reply = api.awaitDelivered(chat, ++asked).get(asked - 1);
                    latencies.add(TimeUnit.NANOSECONDS.toMillis(reply.atNanos() - at));
                    // not a wait for the bot: a person's time to read, which shapes the load
                    // (an asker's rate against Telegram's limits, which are in real time)
                    Thread.sleep(PAUSE.toMillis());
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "asker-" + a);
      t.start();
      askers.add(t);
    }
    for (Thread t : askers) {
      t.join();
    }
    return new ArrayList<>(latencies);
  }

  private static long percentile(List<Long> values, int p) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
