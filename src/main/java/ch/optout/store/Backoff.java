package ch.optout.store;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before trying again: the first pause, doubled after each failed attempt up to
 * {@code longest}, plus up to {@code jitter} of it at random so that competing retries drift apart.
 * The one place a retry loop's waits are decided.
 *
 * @param jitter the fraction of the pause that may be added at random, 0 for none
 */
public record Backoff(Duration first, Duration longest, double jitter) {
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
    for (int i = 1; i < attempt && base < longest.toMillis(); i++) {
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
}
