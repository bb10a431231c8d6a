package ch.optout.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.optout.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntBiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetentionScheduleTest {
  private static final Duration RETENTION = Duration.ofDays(90);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final InMemoryChatStore store = new InMemoryChatStore(clock);
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "test-retention"));

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void start_purgesAtOnceOnTheCallersThread() {
    store.save("old", ChatState.EMPTY.withLanguage("fr"));
    clock.advance(Duration.ofDays(91));

    try (RetentionSchedule schedule = new RetentionSchedule(store, clock, RETENTION, executor)) {
      assertThat(schedule.start(Duration.ofHours(1))).isEqualTo(1);
      assertThat(store.load("old")).isEqualTo(ChatState.EMPTY);
    }
  }

  @Test
  void afterStart_purgesAgainEachPeriod() throws Exception {
    PurgeOnlyStore purging = new PurgeOnlyStore(store::purge);
    try (RetentionSchedule schedule = new RetentionSchedule(purging, clock, RETENTION, executor)) {
      schedule.start(Duration.ofMillis(20));
      store.save("c1", ChatState.EMPTY.withLanguage("fr"));
      assertThat(store.load("c1").language()).contains("fr");

      clock.advance(Duration.ofDays(91));

      // a purge may be under way with the time before: the second from now began after
      purging.purged.drainPermits();
      assertThat(purging.purged.tryAcquire(2, 5, TimeUnit.SECONDS)).isTrue();
      assertThat(store.load("c1")).isEqualTo(ChatState.EMPTY);
    }
  }

  @Test
  void aFailingPurge_isLoggedAndTheNextOneStillRuns() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    PurgeOnlyStore flaky =
        new PurgeOnlyStore(
            (now, retention) -> {
              if (calls.incrementAndGet() == 2) {
                throw new StoreException(
                    StoreException.Reason.BUSY,
                    java.nio.file.Path.of("optout.db"),
                    "busy for the test");
              }
              return 0;
            });
    try (RetentionSchedule schedule = new RetentionSchedule(flaky, clock, RETENTION, executor)) {
      schedule.start(Duration.ofMillis(10));

      // the one at the start, the failing one, and two more
      assertThat(flaky.purged.tryAcquire(4, 5, TimeUnit.SECONDS)).isTrue();
      assertThat(calls.get()).isGreaterThanOrEqualTo(4);
    }
  }

  @Test
  void close_stopsFurtherPurges() throws Exception {
    PurgeOnlyStore counted = new PurgeOnlyStore((now, retention) -> 0);
    RetentionSchedule schedule = new RetentionSchedule(counted, clock, RETENTION, executor);
    schedule.start(Duration.ofMillis(10));
    assertThat(counted.purged.tryAcquire(2, 5, TimeUnit.SECONDS)).isTrue();

    schedule.close();
    executor.shutdown();
    // the executor has ended: no purge can run any more, and none was left queued to run
    assertThat(executor.awaitTermination(2, TimeUnit.SECONDS)).isTrue();
    assertThat(executor.shutdownNow()).isEmpty();
  }

  @Test
  void retention_mustBePositive() {
    assertThatThrownBy(() -> new RetentionSchedule(store, clock, Duration.ZERO, executor))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * A store that only purges, with {@code purge}, and releases a permit of {@link #purged} as each
   * purge ends, failed or not.
   */
  private static final class PurgeOnlyStore implements ChatStore {
    private final ToIntBiFunction<Instant, Duration> purge;
    final Semaphore purged = new Semaphore(0);

    PurgeOnlyStore(ToIntBiFunction<Instant, Duration> purge) {
      this.purge = purge;
    }

    @Override
    public int purge(Instant now, Duration retention) {
      try {
        return purge.applyAsInt(now, retention);
      } finally {
        purged.release();
      }
    }

    @Override
    public ChatState load(String chatId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void save(String chatId, ChatState state) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<ChecklistItem> checklist(String chatId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void markChecklist(String chatId, String platformId, ChecklistStatus status) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void markChecklist(
        String chatId,
        String platformId,
        ChecklistStatus status,
        java.util.Optional<LocalDate> letterOn) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void remind(String chatId, String channel, Reminder reminder) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<Reminder> reminders(String chatId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean reminderAsked(String chatId, String subject) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean deleteReminder(String chatId, String subject) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void watch(
        String chatId, String channel, Watch watch, java.util.Collection<String> known) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<Watch> watches(String chatId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean unwatch(String chatId, String platformId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean tell(String chatId, String platformId, String changeId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void resetChecklist(String chatId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ChatExport export(String chatId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void forget(String chatId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void recordFeedback(String guideId, boolean helpful) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void countAnswer(String guideId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<GuideDay> guideDays(LocalDate since) {
      throw new UnsupportedOperationException();
    }
  }
}
