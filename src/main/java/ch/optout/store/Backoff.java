package ch.optout.store;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long to wait before trying again: the first pause, doubled after each failed attempt up to
 * {@code longest}, plus up to {@code jitter} of it at random so that competing retries drift apart.
 * The one place a retry loop's waits are decided.
 *
 * @param jitter the fraction of the pause that may be added at random, 0 for none
 */
public record Backoff(Duration first, Duration longest, double jitter) {
  private static final Logger LOG = LoggerFactory.getLogger(Backoff.class);

  public Backoff {
    if (first.isNegative() || longest.compareTo(first) < 0 || jitter < 0 || jitter > 1) {
      throw new IllegalArgumentException(
          "invalid backoff " + first + " to " + longest + ", jitter " + jitter);
    }
  }

  /** The same pause every time. */
  public static Backoff fixed(Duration pause) {
    return new Backoff(pause, pause, 0);
  }

  /** Doubled after each attempt, up to {@code longest}. */
  public static Backoff doubling(Duration first, Duration longest) {
    return new Backoff(first, longest, 0);
  }

  public Backoff withJitter(double fraction) {
    return new Backoff(first, longest, fraction);
  }

  /**
   * @param attempt the attempt that just failed, from 1
   * @return the pause before the next one
   */
  public Duration delay(int attempt) {
    long base = first.toMillis();
    for (int i = 1; i < attempt && base > 0 && base < longest.toMillis(); i++) {
      base = Math.min(base * 2, longest.toMillis());
    }
    long extra = (long) (base * jitter);
    return Duration.ofMillis(
        extra > 0 ? base + ThreadLocalRandom.current().nextLong(extra + 1) : base);
  }

  /** Waits {@link #delay(int)} after {@code attempt}. */
  public void pause(int attempt) throws InterruptedException {
    Thread.sleep(delay(attempt).toMillis());
  }

  /**
   * Runs a call the leader cannot go on without (saving updates, recording a handling) until it
   * returns, pausing after each failure (a {@link RuntimeException}) as long as {@code live} holds.
   *
   * @param what for the log: "save updates"
   * @param live checked after each failure: once false, the next leader takes over the work
   * @return the call's result; empty when no longer live, or interrupted while waiting
   */
  public <T> Optional<T> untilDone(String what, Supplier<T> call, BooleanSupplier live) {
    for (int attempt = 1; ; attempt++) {
      try {
        return Optional.of(call.get());
      } catch (RuntimeException e) {
        if (!live.getAsBoolean()) {
          LOG.warn(
              "cannot {} ({}), and no longer the leader: left to the next one",
              what,
              e.getMessage());
          return Optional.empty();
        }
        Duration wait = delay(attempt);
        LOG.warn("cannot {} ({}); again in {} ms", what, e.getMessage(), wait.toMillis());
        try {
          Thread.sleep(wait.toMillis());
        } catch (InterruptedException stop) {
          Thread.currentThread().interrupt();
          return Optional.empty();
        }
      }
    }
  }
}
