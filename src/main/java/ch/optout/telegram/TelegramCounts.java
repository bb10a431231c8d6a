package ch.optout.telegram;

import java.util.concurrent.atomic.AtomicLong;

/** What the process answered and sent since it started, for {@code /metrics}. Thread-safe. */
public final class TelegramCounts {
  private final AtomicLong answered = new AtomicLong();
  private final AtomicLong declined = new AtomicLong();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong resent = new AtomicLong();

  void answered(boolean declined) {
    answered.incrementAndGet();
    if (declined) {
      this.declined.incrementAndGet();
    }
  }

  void sent() {
    sent.incrementAndGet();
  }

  void retried() {
    retried.incrementAndGet();
  }

  void failed() {
    failed.incrementAndGet();
  }

  /** A reply sent again after a crash: it may have reached the chat once already. */
  void resent() {
    resent.incrementAndGet();
  }

  /** Messages answered. */
  public long answeredTotal() {
    return answered.get();
  }

  /** Of those, the ones declined: off topic, or a service without a guide. */
  public long declinedTotal() {
    return declined.get();
  }

  /** Calls Telegram accepted. */
  public long sentTotal() {
    return sent.get();
  }

  /** Attempts repeated after a 429, a 5xx, a timeout or a reset connection. */
  public long retriedTotal() {
    return retried.get();
  }

  /** Calls refused for good or given up after their attempts. */
  public long failedTotal() {
    return failed.get();
  }

  /** Replies of a predecessor whose send had already been tried, sent again. */
  public long resentTotal() {
    return resent.get();
  }
}
