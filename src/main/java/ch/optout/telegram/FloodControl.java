package ch.optout.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Flood control, consulted before an update is queued: a sender (a chat, a group member, a group as
 * a whole, the user of inline queries) may send {@code maxMessages} in a window that opens with its
 * first message; the next one is answered with one request to slow down, and the rest are dropped
 * until the window has passed. Without it a single spamming chat would grow its lane without bound
 * and hold the send queue for minutes.
 */
final class FloodControl {
  /** What to do with one update. */
  enum Verdict {
    /** Answer it as usual. */
    PASS,
    /** The first one over the limit: say once, politely, to slow down. */
    WARN,
    /** Later ones in the same window: drop without a word. */
    DROP
  }

  /** Past this many chats, windows that have ended are forgotten. */
  private static final int PURGE_ABOVE = 10_000;

  private final Clock clock;
  private final int maxMessages;
  private final Duration window;
  private final Map<Object, Window> chats = new HashMap<>();

  private static final class Window {
    Instant start;
    int count;

    Window(Instant start) {
      this.start = start;
    }
  }

  FloodControl(Clock clock, int maxMessages, Duration window) {
    if (maxMessages < 1) {
      throw new IllegalArgumentException("maxMessages must be at least 1, not " + maxMessages);
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("the flood window must be positive, not " + window);
    }
    this.clock = clock;
    this.maxMessages = maxMessages;
    this.window = window;
  }

  synchronized Verdict check(long chatId) {
    return check(Long.valueOf(chatId));
  }

  /**
   * @param sender whatever names the sender: a chat id, or a {@link Member} of a group
   */
  synchronized Verdict check(Object sender) {
    Instant now = clock.instant();
    Window w = chats.computeIfAbsent(sender, id -> new Window(now));
    if (!now.isBefore(w.start.plus(window))) {
      w.start = now;
      w.count = 0;
    }
    w.count++;
    if (chats.size() > PURGE_ABOVE) {
      chats.values().removeIf(other -> other != w && !now.isBefore(other.start.plus(window)));
    }
    if (w.count <= maxMessages) {
      return Verdict.PASS;
    }
    return w.count == maxMessages + 1 ? Verdict.WARN : Verdict.DROP;
  }

  /** One member of a group: each has a window of their own, inside the group's. */
  record Member(long chatId, long userId) {}

  /** Chats currently remembered, for tests of the purge. */
  synchronized int tracked() {
    return chats.size();
  }

  Duration window() {
    return window;
  }
}
