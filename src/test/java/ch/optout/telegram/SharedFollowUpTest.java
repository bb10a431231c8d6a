package ch.optout.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.KnowledgeCopy;
import ch.optout.MutableClock;
import ch.optout.Signal;
import ch.optout.TestPipeline;
import ch.optout.store.PostgresChatStore;
import ch.optout.store.Reminder;
import ch.optout.store.SignalledRelay;
import ch.optout.store.TestPostgres;
import ch.optout.store.Watch;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reminders and alerts across two replicas sharing PostgreSQL, in this JVM: each replica its own
 * store and bot, as separate processes have. A leader that dies while it sends a reminder leaves it
 * to the next, and two replicas that both see the same follow-ups due send each once.
 */
class SharedFollowUpTest {
  private static final String SECRET = "a-test-secret-of-at-least-thirty-two-characters";
  private static final long ALICE = 7_200_001L;
  private static final LocalDate SENT = LocalDate.parse("2026-12-03");
  private static final String QUESTION = "Did TikTok answer your objection of 3 December 2026?";

  @TempDir Path knowledgeDir;

  private final MutableClock clock = new MutableClock(Instant.parse("2027-01-03T08:00:00Z"));
  private final List<PostgresChatStore> stores = new ArrayList<>();
  private final List<TelegramBot> bots = new ArrayList<>();

  /** Fired by every replica's relay: the backlog they share emptied. */
  private final Signal relays = new Signal();

  private FakeBotApi api;

  @BeforeEach
  void open() throws Exception {
    TestPostgres.reset();
    api = new FakeBotApi();
  }

  @AfterEach
  void close() {
    bots.forEach(TelegramBot::close);
    stores.forEach(PostgresChatStore::close);
    api.close();
    assertThat(api.violations()).isEmpty();
  }

  private PostgresChatStore store() {
    PostgresChatStore s = new PostgresChatStore(TestPostgres.url(), Optional.of(SECRET), clock);
    stores.add(s);
    return s;
  }

  /** A replica that leads while {@code leader} says so. */
  private TelegramBot replica(String name, TestPipeline pipeline, AtomicBoolean leader) {
    PostgresChatStore store = store();
    SignalledRelay relay = new SignalledRelay(store.relay(), relays);
    TelegramBot bot =
        TelegramBot.builder(
                pipeline.assistant(store, clock),
                pipeline.messages,
                new BotToken(FakeBotApi.TOKEN),
                api.telegramUrl())
            .limits(TelegramBotTest.FAST)
            .clock(Clock.systemUTC())
            .admins(AdminIds.NONE)
            .counts(new TelegramCounts())
            .shared(new TelegramBot.Shared(relay, leader::get, name))
            .followThrough(new TelegramBot.FollowThrough(store.followUps(), relay, clock))
            .start();
    bots.add(bot);
    return bot;
  }

  /**
   * Waits until the replica's first look for what fell due has ended, so that whatever it claimed
   * is in the outbox, and then until nothing in the outbox is left unsent: every message any
   * replica sent is then recorded by the fake, which records a call before answering it.
   */
  private void awaitAllSent(TelegramBot replica) throws InterruptedException {
    assertThat(replica.awaitFollowUpLook(Duration.ofSeconds(10))).isTrue();
    SignalledRelay any = new SignalledRelay(stores.get(0).relay(), relays);
    assertThat(any.awaitBacklogEmpty(Duration.ofSeconds(10))).isTrue();
  }

  private static Reminder dueToday() {
    return new Reminder(
        "tiktok", Reminder.Kind.LETTER, "en", SENT, SENT.plusMonths(1), Reminder.State.WAITING);
  }

  @Test
  void leaderKilledWhileSendingADueReminder_theNextLeaderSendsItOnce() throws Exception {
    store().remind(ChatRef.assistantKey(ALICE), "telegram", dueToday());
    api.neverAnswer("r1");
    AtomicBoolean first = new AtomicBoolean(true);
    replica("r1", TestPipeline.fixture(), first);
    api.await(c -> c.method().equals("sendmessage"), 1, Duration.ofSeconds(10));

    // killed with the send under way: its session ends, and with it the lock
    first.set(false);
    TelegramBot second = replica("r2", TestPipeline.fixture(), new AtomicBoolean(true));

    List<FakeBotApi.Call> asked =
        api.await(
            c -> c.ok() && c.chatId() == ALICE && c.text().contains(QUESTION),
            1,
            Duration.ofSeconds(10));
    awaitAllSent(second);
    assertThat(api.delivered(ALICE)).hasSize(1);
    assertThat(asked.get(0).agent()).contains("replica r2");
    assertThat(TestPostgres.count("SELECT COUNT(*) FROM outbox WHERE update_id < 0"))
        .as("claimed once")
        .isEqualTo(1);
    assertThat(TestPostgres.count("SELECT attempts FROM outbox WHERE update_id < 0")).isEqualTo(2);
    assertThat(TestPostgres.count("SELECT COUNT(*) FROM reminder WHERE state = 'ASKED'"))
        .isEqualTo(1);
  }

  @Test
  void leaderKilledAtDueTime_withRemindersAndAlertsForManyChats_eachArrivesOnce() throws Exception {
    KnowledgeCopy copy =
        KnowledgeCopy.of(knowledgeDir)
            .addChange("linkedin", "2026-12-20", "LinkedIn changes.", "LinkedIn change.", "");
    PostgresChatStore setup = store();
    List<Long> chats = LongStream.range(0, 40).map(i -> 7_300_000L + i).boxed().toList();
    for (long chat : chats) {
      String key = ChatRef.assistantKey(chat);
      if (chat % 2 == 0) {
        setup.remind(key, "telegram", dueToday());
      } else {
        setup.watch(key, "telegram", new Watch("linkedin", "en", clock.instant()), List.of());
      }
    }
    api.neverAnswer("r1");
    AtomicBoolean first = new AtomicBoolean(true);
    replica("r1", copy.pipeline(), first);
    api.await(c -> c.method().equals("sendmessage"), 1, Duration.ofSeconds(10));

    first.set(false);
    TelegramBot second = replica("r2", copy.pipeline(), new AtomicBoolean(true));

    api.await(c -> c.ok() && chats.contains(c.chatId()), chats.size(), Duration.ofSeconds(15));
    awaitAllSent(second);
    for (long chat : chats) {
      assertThat(api.delivered(chat)).as("chat " + chat).hasSize(1);
      assertThat(api.delivered(chat).get(0).agent()).contains("replica r2");
    }
    assertThat(TestPostgres.count("SELECT COUNT(*) FROM outbox WHERE update_id < 0"))
        .as("each claimed once")
        .isEqualTo(chats.size());
    assertThat(TestPostgres.count("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL")).isZero();
  }
}
