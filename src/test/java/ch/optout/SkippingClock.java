package ch.optout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock that a test can move forward by hand: time runs as usual for what paces and
 * retries, and a window of minutes passes at once instead of in a sleep.
 */
public final class SkippingClock extends Clock {
  private volatile Duration skipped = Duration.ZERO;

  public void skip(Duration by) {
    skipped = skipped.plus(by);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(skipped);
  }
}
