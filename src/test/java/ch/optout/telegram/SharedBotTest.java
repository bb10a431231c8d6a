package ch.optout.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.MutableClock;
import ch.optout.TestPipeline;
import ch.optout.store.PostgresChatStore;
import ch.optout.store.Relay;
import ch.optout.store.SignalledRelay;
import ch.optout.store.TestPostgres;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The leader of replicas sharing PostgreSQL, in this JVM: the real library against {@link
 * FakeBotApi}, the real inbox and outbox on a real server. The kill test ({@link
 * ReplicaFailoverTest}) does the same with separate processes.
 */
class SharedBotTest {
  private static final TestPipeline PIPELINE = TestPipeline.fixture();
  private static final long ALICE = 7_100_001L;
  private static final long BOB = 7_100_002L;

  private final AtomicBoolean leader = new AtomicBoolean(true);
  private final TelegramCounts counts = new TelegramCounts();
  private FakeBotApi api;
  private PostgresChatStore store;
  private SignalledRelay relay;
  private TelegramBot bot;

  /** A leader started after {@link #bot}, if any. */
  private TelegramBot next;

  @BeforeEach
  void open() throws Exception {
    TestPostgres.reset();
    api = new FakeBotApi();
    store =
        new PostgresChatStore(
            TestPostgres.url(), Optional.empty(), new MutableClock(Instant.now()));
    relay = new SignalledRelay(store.relay());
  }

  @AfterEach
  void close() {
    if (next != null) {
      next.close();
    }
    if (bot != null) {
      bot.close();
    }
    store.close();
    api.close();
    assertThat(api.violations()).isEmpty();
  }

  private void startLeader() {
    bot = leader("r1", leader::get);
  }

  /** A replica that leads while {@code leads} says so. */
  private TelegramBot leader(String replica, BooleanSupplier leads) {
    return TelegramBot.builder(
            PIPELINE.assistant(store, Clock.systemUTC()),
            PIPELINE.messages,
            new BotToken(FakeBotApi.TOKEN),
            api.telegramUrl())
        .limits(TelegramBotTest.FAST)
        .clock(Clock.systemUTC())
        .admins(AdminIds.NONE)
        .counts(counts)
        .shared(new TelegramBot.Shared(relay, leads, replica))
        .start();
  }

  @Test
  void leader_answersThroughTheInboxAndOutbox_andKeepsNoMessageText() throws Exception {
    startLeader();
    api.push(Updates.privateText(ALICE, "en", "How do I stop LinkedIn using my data?"));
    api.push(Updates.privateText(BOB, "fr", "Comment empêcher Instagram d'utiliser mes photos ?"));
    api.push(Updates.privateText(ALICE, "en", "/help"));

    api.awaitDelivered(ALICE, 2);
    api.awaitDelivered(BOB, 1);
    awaitBacklogEmpty();

    assertThat(rows("SELECT COUNT(*) FROM inbox WHERE payload IS NOT NULL")).isZero();
    assertThat(rows("SELECT COUNT(*) FROM inbox WHERE handled_at IS NOT NULL")).isEqualTo(3);
    assertThat(rows("SELECT COUNT(*) FROM outbox WHERE body IS NOT NULL OR sent_at IS NULL"))
        .isZero();
    // every reply tried exactly once: nothing was sent twice
    assertThat(rows("SELECT COUNT(*) FROM outbox WHERE attempts <> 1")).isZero();
    assertThat(rows("SELECT COUNT(*) FROM outbox WHERE attempted_by = 'r1'"))
        .isEqualTo(rows("SELECT COUNT(*) FROM outbox"));
    // chats appear as keys only
    assertThat(rows("SELECT COUNT(*) FROM inbox WHERE chat_key LIKE '%" + ALICE + "%'")).isZero();
    assertThat(api.calls("sendmessage")).allMatch(c -> c.agent().contains("replica r1"));
    assertThat(counts.answeredTotal()).isEqualTo(3);
    assertThat(counts.resentTotal()).isZero();
  }

  @Test
  void newLeader_sendsWhatThePredecessorLeft_thenHandlesItsUpdates_andNothingTwice()
      throws Exception {
    // a predecessor died: update 1 saved but not handled (Telegram still has it: its offset was
    // never confirmed), update 2 handled with a reply whose send was under way
    ObjectNode first = Updates.privateText(ALICE, "en", "How do I stop LinkedIn using my data?");
    api.push(first);
    OutgoingJson json = new OutgoingJson();
    relay.receive(
        List.of(
            new Relay.Received(1, Optional.of(ChatRef.assistantKey(ALICE)), first.toString()),
            new Relay.Received(2, Optional.of(ChatRef.assistantKey(BOB)), "{}")));
    relay.handled(
        2,
        List.of(
            json.write(
                new Outgoing.Text(
                    BOB,
                    Optional.empty(),
                    "left by the predecessor",
                    false,
                    Optional.empty(),
                    Optional.empty()))));
    assertThat(relay.attempt(2, 0, "r0")).isEqualTo(1);

    startLeader();

    List<FakeBotApi.Call> bob = api.awaitDelivered(BOB, 1);
    assertThat(bob.get(0).text()).isEqualTo("left by the predecessor");
    api.awaitDelivered(ALICE, 1);
    awaitBacklogEmpty();
    // the next poll confirms update 1 to Telegram
    api.await(
        c -> c.method().equals("getupdates") && c.body().path("offset").asInt() >= 2,
        1,
        Duration.ofSeconds(5));
    // closed, the bot sends nothing more: what was delivered is final
    bot.close();
    bot = null;
    assertThat(api.delivered(ALICE)).as("update 1 answered once").hasSize(1);
    assertThat(api.delivered(BOB)).hasSize(1);
    assertThat(counts.resentTotal())
        .as("the reply tried before is counted as a resend")
        .isEqualTo(1);
    assertThat(rows("SELECT attempts FROM outbox WHERE update_id = 2")).isEqualTo(2);
  }

  @Test
  void leaderThatLosesTheLock_stopsPollingAndSending() throws Exception {
    startLeader();
    api.await(c -> c.method().equals("getupdates"), 1, Duration.ofSeconds(5));

    leader.set(false);

    // the poll loop has returned: nothing polls for this bot any more
    assertThat(bot.awaitLeaderPollEnded(Duration.ofSeconds(5))).isTrue();
    assertThat(bot.polling()).isFalse();
    long polls = pollsBy("r1");
    api.push(Updates.privateText(ALICE, "en", "/help"));
    // the marker: the next leader takes the update and answers it; the first never did
    next = leader("r2", () -> true);
    List<FakeBotApi.Call> answered = api.awaitDelivered(ALICE, 1);
    assertThat(answered).singleElement().satisfies(c -> assertThat(c.agent()).contains("r2"));
    assertThat(pollsBy("r1")).isEqualTo(polls);
  }

  private long pollsBy(String replica) {
    return api.calls("getupdates").stream()
        .filter(c -> c.agent().contains("(replica " + replica + ")"))
        .count();
  }

  @Test
  void close_endsTheSendsUnderWay_leavesTheQueueToTheNextLeader_andNothingIsSentTwice()
      throws Exception {
    startLeader();
    for (int i = 0; i < 6; i++) {
      api.push(Updates.privateText(ALICE, "en", i % 2 == 0 ? "/help" : "/about"));
    }
    api.awaitDelivered(ALICE, 1);

    bot.close();
    bot = null;

    long replies = rows("SELECT COUNT(*) FROM outbox");
    int sentBefore = api.delivered(ALICE).size();
    assertThat(relay.unhandled()).isEmpty();
    assertThat(sentBefore + relay.unsent().size()).isEqualTo(replies);
    assertThat(rows("SELECT COUNT(*) FROM outbox WHERE attempts > 1")).isZero();

    startLeader();

    awaitBacklogEmpty();
    // closed, the bot sends nothing more: what was delivered is final
    bot.close();
    bot = null;
    assertThat(api.delivered(ALICE)).hasSize((int) replies);
    assertThat(rows("SELECT COUNT(*) FROM outbox WHERE attempts <> 1")).isZero();
    assertThat(counts.resentTotal()).isZero();
  }

  private void awaitBacklogEmpty() throws InterruptedException {
    assertThat(relay.awaitBacklogEmpty(Duration.ofSeconds(8))).isTrue();
  }

  private static long rows(String sql) {
    return TestPostgres.count(sql);
  }
}
