package ch.optout.store;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link ChatStore#purge} at start and then periodically on an executor the caller owns (and
 * names, and shuts down). A failed periodic purge is logged and retried next time: one bad run must
 * not stop retention for good, which an exception escaping a scheduled task would.
 */
public final class RetentionSchedule implements AutoCloseable {
  /**
   * How often to purge after the start. Hourly rather than daily: an expired follow-up context is
   * never shown, and this way it does not outlive its hour in the file by more than another hour.
   */
  public static final Duration DEFAULT_PERIOD = Duration.ofHours(1);

  private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);

  private final ChatStore store;
  private final Clock clock;
  private final Duration retention;
  private final ScheduledExecutorService executor;
  private ScheduledFuture<?> task;

  public RetentionSchedule(
      ChatStore store, Clock clock, Duration retention, ScheduledExecutorService executor) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.retention = Objects.requireNonNull(retention, "retention");
    this.executor = Objects.requireNonNull(executor, "executor");
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be positive, not " + retention);
    }
  }

  /**
   * Purges once now, on the caller's thread so that a broken store stops the start, then every
   * {@code period}.
   *
   * @return how many rows the first purge deleted
   */
  public synchronized int start(Duration period) {
    if (task != null) {
      throw new IllegalStateException("already started");
    }
    int deleted = store.purge(clock.instant(), retention);
    long millis = period.toMillis();
    task =
        executor.scheduleWithFixedDelay(this::purgeQuietly, millis, millis, TimeUnit.MILLISECONDS);
    return deleted;
  }

  private void purgeQuietly() {
    try {
      store.purge(clock.instant(), retention);
    } catch (RuntimeException e) {
      LOG.warn("retention purge failed, will retry in the next period: {}", e.getMessage());
      LOG.debug("retention purge failure", e);
    }
  }

  /** Stops future purges; the executor stays the caller's to shut down. */
  @Override
  public synchronized void close() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
