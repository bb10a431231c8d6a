package ch.optout.telegram;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Named daemon threads: visible in thread dumps, and never the reason the JVM cannot exit. */
final class Threads implements ThreadFactory {
  private final String prefix;
  private final AtomicInteger count = new AtomicInteger();

  Threads(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public Thread newThread(Runnable r) {
    Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
    t.setDaemon(true);
    return t;
  }
}
