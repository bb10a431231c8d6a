package ch.optout.store;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the queue of due reminders and alerts does on every SQL store; one subclass per store. */
abstract class FollowUpQueueContract {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  static final LocalDate DAY0 = LocalDate.parse("2026-03-01");

  final MutableClock clock = new MutableClock(T0);
  JdbcChatStore store;

  /** A store on the same database as any other it opened, keyed by the same secret. */
  abstract JdbcChatStore open(MutableClock clock);

  @BeforeEach
  void openStore() {
    store = open(clock);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  private static Reminder reminder(String subject, LocalDate dueOn) {
    return new Reminder(subject, Reminder.Kind.LETTER, "fr", DAY0, dueOn, Reminder.State.WAITING);
  }

  @Test
  void dueReminders_areThoseOfTheChannelWhoseDayHasCome_withTheirChatIds() {
    store.remind("tg:1", "telegram", reminder("linkedin", DAY0.plusMonths(1)));
    store.remind("tg:2", "telegram", reminder("meta", DAY0.plusMonths(2)));
    store.remind("terminal", "terminal", reminder("linkedin", DAY0.plusMonths(1)));

    FollowUpQueue queue = store.followUps();

    assertThat(queue.dueReminders("telegram", DAY0.plusMonths(1).minusDays(1), 10)).isEmpty();
    assertThat(queue.dueReminders("telegram", DAY0.plusMonths(1), 10))
        .containsExactly(
            new FollowUpQueue.DueReminder("tg:1", reminder("linkedin", DAY0.plusMonths(1))));
    assertThat(queue.dueReminders("telegram", DAY0.plusYears(1), 1)).hasSize(1);
    assertThat(queue.dueReminders("terminal", DAY0.plusYears(1), 10))
        .extracting(FollowUpQueue.DueReminder::chatId)
        .containsExactly("terminal");
  }

  @Test
  void queue_aDueReminder_isClaimedOnce_andItsMessageWaitsInTheOutbox() {
    store.remind("tg:1", "telegram", reminder("linkedin", DAY0.plusMonths(1)));
    FollowUpQueue queue = store.followUps();
    FollowUpQueue.ReminderClaim claim =
        new FollowUpQueue.ReminderClaim(
            "tg:1", "linkedin", DAY0.plusMonths(1), List.of("{\"q\":1}", "{\"q\":2}"));

    List<FollowUpQueue.Queued> first = queue.queue(List.of(claim));
    List<FollowUpQueue.Queued> again = queue.queue(List.of(claim));

    assertThat(first).hasSize(1);
    assertThat(first.get(0).updateId()).isNegative();
    assertThat(again).isEmpty();
    assertThat(store.reminders("tg:1").get(0).state()).isEqualTo(Reminder.State.ASKED);
    assertThat(queue.dueReminders("telegram", DAY0.plusYears(1), 10)).isEmpty();
    Relay relay = store.relay();
    assertThat(relay.unsent())
        .containsExactly(
            new Relay.Pending(first.get(0).updateId(), 0, "{\"q\":1}", 0),
            new Relay.Pending(first.get(0).updateId(), 1, "{\"q\":2}", 0));
    assertThat(relay.unhandled()).isEmpty();
    assertThat(relay.lastReceived()).as("Telegram's offset ignores follow-ups").isZero();
  }

  @Test
  void queue_aReminderMovedToAnotherDay_isNotClaimedForTheOldOne() {
    store.remind("tg:1", "telegram", reminder("linkedin", DAY0.plusMonths(1)));
    store.remind("tg:1", "telegram", reminder("linkedin", DAY0.plusMonths(2)));

    assertThat(
            store
                .followUps()
                .queue(
                    List.of(
                        new FollowUpQueue.ReminderClaim(
                            "tg:1", "linkedin", DAY0.plusMonths(1), List.of("{}")))))
        .isEmpty();
  }

  @Test
  void followers_leaveOutTheChangesKnownWhenTheyBeganFollowing() {
    store.watch("tg:1", "telegram", new Watch("meta", "fr", T0), List.of("2025-04-14"));
    store.watch("tg:2", "telegram", new Watch("meta", "en", T0), List.of());
    store.watch("tg:3", "telegram", new Watch("linkedin", "en", T0), List.of());
    store.watch("terminal", "terminal", new Watch("meta", "en", T0), List.of());
    FollowUpQueue queue = store.followUps();

    assertThat(queue.followers("telegram", "meta", "2025-04-14", 10))
        .containsExactly(new FollowUpQueue.Follower("tg:2", "meta", "en"));
    assertThat(queue.followers("telegram", "meta", "2026-06-01", 10))
        .extracting(FollowUpQueue.Follower::chatId)
        .containsExactlyInAnyOrder("tg:1", "tg:2");
  }

  @Test
  void queue_anAlert_goesOncePerChat_andNotToAChatThatStoppedFollowing() {
    store.watch("tg:1", "telegram", new Watch("meta", "fr", T0), List.of());
    store.watch("tg:2", "telegram", new Watch("meta", "en", T0), List.of());
    FollowUpQueue queue = store.followUps();
    List<FollowUpQueue.AlertClaim> claims =
        queue.followers("telegram", "meta", "2026-06-01", 10).stream()
            .map(
                f ->
                    new FollowUpQueue.AlertClaim(
                        f.chatId(),
                        "meta",
                        "2026-06-01",
                        List.of("{\"to\":\"" + f.chatId() + "\"}")))
            .toList();
    store.unwatch("tg:2", "meta");

    List<FollowUpQueue.Queued> won = queue.queue(claims);

    assertThat(won).extracting(q -> q.claim().chatId()).containsExactly("tg:1");
    assertThat(queue.queue(claims)).isEmpty();
    assertThat(queue.followers("telegram", "meta", "2026-06-01", 10)).isEmpty();
  }

  @Test
  void queue_twoReplicasClaimingTogether_queueEachMessageOnce() throws Exception {
    for (int i = 0; i < 40; i++) {
      store.watch("tg:" + i, "telegram", new Watch("meta", "en", T0), List.of());
      store.remind("tg:" + i, "telegram", reminder("linkedin", DAY0));
    }
    try (JdbcChatStore other = open(clock)) {
      List<FollowUpQueue> replicas = List.of(store.followUps(), other.followUps());
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<Integer>> runs = new ArrayList<>();
        for (FollowUpQueue q : replicas) {
          Callable<Integer> run =
              () -> {
                List<FollowUpQueue.Claim> claims = new ArrayList<>();
                for (FollowUpQueue.Follower f :
                    q.followers("telegram", "meta", "2026-06-01", 100)) {
                  claims.add(
                      new FollowUpQueue.AlertClaim(
                          f.chatId(), "meta", "2026-06-01", List.of("{}")));
                }
                for (FollowUpQueue.DueReminder d : q.dueReminders("telegram", DAY0, 100)) {
                  claims.add(
                      new FollowUpQueue.ReminderClaim(
                          d.chatId(), "linkedin", d.reminder().dueOn(), List.of("{}")));
                }
                int won = 0;
                for (int from = 0; from < claims.size(); from += 7) {
                  won += q.queue(claims.subList(from, Math.min(claims.size(), from + 7))).size();
                }
                return won;
              };
          runs.add(pool.submit(run));
        }
        int total = runs.get(0).get() + runs.get(1).get();
        assertThat(total).isEqualTo(80);
      } finally {
        pool.shutdownNow();
      }
    }
    assertThat(store.relay().unsent()).hasSize(80);
  }

  @Test
  void unreachable_deletesTheChatsRemindersAndWatches() {
    store.watch("tg:1", "telegram", new Watch("meta", "fr", T0), List.of("2025-04-14"));
    store.remind("tg:1", "telegram", reminder("linkedin", DAY0));
    store.watch("tg:2", "telegram", new Watch("meta", "fr", T0), List.of());

    store.followUps().unreachable("tg:1");

    assertThat(store.export("tg:1").isEmpty()).isTrue();
    assertThat(store.watches("tg:2")).hasSize(1);
  }

  @Test
  void forget_dropsAFollowUpNotSentYet() {
    store.remind("tg:1", "telegram", reminder("linkedin", DAY0));
    store
        .followUps()
        .queue(List.of(new FollowUpQueue.ReminderClaim("tg:1", "linkedin", DAY0, List.of("{}"))));

    store.forget("tg:1");

    assertThat(store.relay().unsent()).isEmpty();
    assertThat(store.relay().backlog()).isZero();
  }

  @Test
  void purge_removesWhatAStoppedWatchHadSeen() {
    store.watch("tg:1", "telegram", new Watch("meta", "fr", T0), List.of("2025-04-14"));
    clock.advance(Duration.ofDays(400));

    store.purge(clock.instant(), Duration.ofDays(90));

    assertThat(store.watches("tg:1")).isEmpty();
    assertThat(store.followUps().followers("telegram", "meta", "2025-04-14", 10)).isEmpty();
  }
}
