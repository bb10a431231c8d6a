package ch.optout.telegram;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The bot's threads, all named {@code optout-tg-…}: after close, none may be left running. */
public final class BotThreads {
  private static final String PREFIX = "optout-tg";

  private BotThreads() {}

  /** The bot's threads still alive. */
  public static List<Thread> alive() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith(PREFIX))
        .toList();
  }

  /**
   * Waits for each of the bot's threads to end, woken by its end (a closed bot starts none), for
   * {@code timeout} in all.
   *
   * @return the threads still alive then, none when all ended
   */
  public static List<Thread> awaitNone(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Thread t : alive()) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left > 0) {
        t.join(left);
      }
    }
    return alive();
  }
}
