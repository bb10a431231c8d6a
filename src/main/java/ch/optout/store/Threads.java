package ch.optout.store;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one thread factory: named daemon threads, visible in thread dumps and never the reason the
 * JVM cannot exit.
 */
public final class Threads {
  private Threads() {}

  /** Threads named "prefix-1", "prefix-2"… for a pool. */
  public static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> daemon(r, prefix + "-" + n.incrementAndGet());
  }

  /** Threads all named {@code name}, for an executor of one thread. */
  public static ThreadFactory single(String name) {
    return r -> daemon(r, name);
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
