package ch.optout;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * What a test waits on instead of sleeping: whatever can change the awaited condition calls {@link
 * #fire()} once it has changed it, and {@link #await} checks the condition again only then. The
 * condition is checked outside the monitor, so it may take locks or query a database.
 */
public final class Signal {
  private long fired;

  /** Something the awaited conditions depend on has changed. */
  public synchronized void fire() {
    fired++;
    notifyAll();
  }

  /**
   * Waits until {@code condition} holds, checking it at once and after each {@link #fire()}.
   *
   * @return whether it held before {@code timeout} passed
   */
  public boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long seen;
      synchronized (this) {
        seen = fired;
      }
      if (condition.getAsBoolean()) {
        return true;
      }
      synchronized (this) {
        while (fired == seen) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return false;
          }
          TimeUnit.NANOSECONDS.timedWait(this, left);
        }
      }
    }
  }
}
