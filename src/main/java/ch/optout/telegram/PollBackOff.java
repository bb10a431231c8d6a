package ch.optout.telegram;

import java.time.Duration;
import org.telegram.telegrambots.longpolling.interfaces.BackOff;

/**
 * The wait between failed getUpdates calls: doubling from a minimum to a cap, reset by the library
 * on success. Unlike the library's default it never grows past the cap, so polling resumes within
 * {@code max} of Telegram coming back.
 */
final class PollBackOff implements BackOff {
  private final Duration min;
  private final Duration max;
  private int failures;

  PollBackOff(Duration min, Duration max) {
    this.min = min;
    this.max = max;
  }

  @Override
  public synchronized void reset() {
    failures = 0;
  }

  @Override
  public synchronized long nextBackOffMillis() {
    failures++;
    return Limits.backoff(min, max, failures).toMillis();
  }
}
