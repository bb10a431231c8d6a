package ch.optout.telegram;

import ch.optout.store.Backoff;
import org.telegram.telegrambots.longpolling.interfaces.BackOff;

/**
 * The library's wait between failed getUpdates calls, taken from a {@link Backoff} (doubling from a
 * minimum to a cap) and reset by the library on success. Unlike the library's default it never
 * grows past the cap, so polling resumes within the cap of Telegram coming back.
 */
final class PollBackOff implements BackOff {
  private final Backoff waits;
  private int failures;

  PollBackOff(Backoff waits) {
    this.waits = waits;
  }

  @Override
  public synchronized void reset() {
    failures = 0;
  }

  @Override
  public synchronized long nextBackOffMillis() {
    failures++;
    return waits.delay(failures).toMillis();
  }
}
