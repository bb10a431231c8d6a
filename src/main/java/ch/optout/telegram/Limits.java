package ch.optout.telegram;

import ch.optout.store.Backoff;
import java.time.Duration;
import java.util.Objects;

/**
 * How fast the bot may talk and how it waits after failures. {@link #TELEGRAM} holds the Bot API's
 * documented limits; tests shrink every duration so that a burst of twenty messages takes a second.
 *
 * @param perChat the gap between two messages to one chat (Telegram: about one per second)
 * @param global the gap between two messages overall (Telegram: 30 per second)
 * @param retryBase the first wait after a 5xx, a timeout or a reset connection; it doubles each
 *     time
 * @param retryMax the longest such wait
 * @param maxAttempts attempts of one message before giving up on 5xx, timeouts and resets (a 429 is
 *     always retried: Telegram says when)
 * @param requestTimeout how long one Bot API call may take, reading included
 * @param pollTimeoutSeconds how long one getUpdates call waits for updates on the server
 * @param pollBackOffMin the first wait after a failed getUpdates
 * @param pollBackOffMax the longest wait between failed getUpdates
 * @param drainTimeout how long a shutdown waits for the replies being prepared and sent
 * @param floodMessages messages one chat may send in {@code floodWindow} before it is asked to slow
 *     down
 * @param floodWindow the window of the per-chat flood control (see {@link FloodControl})
 */
record Limits(
    Duration perChat,
    Duration global,
    Duration retryBase,
    Duration retryMax,
    int maxAttempts,
    Duration requestTimeout,
    int pollTimeoutSeconds,
    Duration pollBackOffMin,
    Duration pollBackOffMax,
    Duration drainTimeout,
    int floodMessages,
    Duration floodWindow) {

  /** Eight messages in ten seconds is more than a person types, less than a script sends. */
  static final int FLOOD_MESSAGES = 8;

  static final Duration FLOOD_WINDOW = Duration.ofSeconds(10);

  static final Limits TELEGRAM =
      new Limits(
          Duration.ofSeconds(1),
          Duration.ofMillis(34),
          Duration.ofMillis(500),
          Duration.ofSeconds(30),
          10,
          Duration.ofSeconds(30),
          50,
          Duration.ofMillis(500),
          Duration.ofSeconds(30),
          Duration.ofSeconds(10));

  Limits {
    Objects.requireNonNull(perChat, "perChat");
    Objects.requireNonNull(global, "global");
    Objects.requireNonNull(retryBase, "retryBase");
    Objects.requireNonNull(retryMax, "retryMax");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(pollBackOffMin, "pollBackOffMin");
    Objects.requireNonNull(pollBackOffMax, "pollBackOffMax");
    Objects.requireNonNull(drainTimeout, "drainTimeout");
    Objects.requireNonNull(floodWindow, "floodWindow");
    if (floodMessages < 1 || floodWindow.isNegative() || floodWindow.isZero()) {
      throw new IllegalArgumentException(
          "flood control needs at least 1 message in a positive window, not "
              + floodMessages
              + " in "
              + floodWindow);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
    }
    if (retryMax.compareTo(retryBase) < 0 || pollBackOffMax.compareTo(pollBackOffMin) < 0) {
      throw new IllegalArgumentException("a backoff's maximum is below its minimum");
    }
    if (pollTimeoutSeconds < 0) {
      throw new IllegalArgumentException(
          "pollTimeoutSeconds must be 0 or more, not " + pollTimeoutSeconds);
    }
  }

  /** The same limits with the default flood control. */
  Limits(
      Duration perChat,
      Duration global,
      Duration retryBase,
      Duration retryMax,
      int maxAttempts,
      Duration requestTimeout,
      int pollTimeoutSeconds,
      Duration pollBackOffMin,
      Duration pollBackOffMax,
      Duration drainTimeout) {
    this(
        perChat,
        global,
        retryBase,
        retryMax,
        maxAttempts,
        requestTimeout,
        pollTimeoutSeconds,
        pollBackOffMin,
        pollBackOffMax,
        drainTimeout,
        FLOOD_MESSAGES,
        FLOOD_WINDOW);
  }

  /** How long getUpdates may answer 409 Conflict before the bot stops: see {@link PollWatch}. */
  Duration conflictLimit() {
    return PollWatch.CONFLICT;
  }

  /** These limits with another flood control, for tests. */
  Limits withFlood(int messages, Duration window) {
    return new Limits(
        perChat,
        global,
        retryBase,
        retryMax,
        maxAttempts,
        requestTimeout,
        pollTimeoutSeconds,
        pollBackOffMin,
        pollBackOffMax,
        drainTimeout,
        messages,
        window);
  }

  /**
   * The longest wait for one call's answer: OkHttp's own limit, plus a margin for the library's
   * threads.
   */
  Duration callTimeout() {
    return requestTimeout.plusSeconds(2);
  }

  /** The waits before resending after a 5xx, a timeout or a reset: doubling, capped. */
  Backoff retry() {
    return Backoff.doubling(retryBase, retryMax);
  }

  /**
   * The waits after a failed getUpdates, or a failed store call while polling: doubling, capped.
   */
  Backoff pollBackOff() {
    return Backoff.doubling(pollBackOffMin, pollBackOffMax);
  }
}
