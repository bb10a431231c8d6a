package ch.optout.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which received updates are done with — handled, and each of their replies sent or given up — so
 * that Telegram is told only of those (a getUpdates offset confirms every update below it). An
 * update whose reply is still queued when the process stops is then sent again at the next start:
 * answered twice at worst, never silently lost.
 *
 * <p>While polling, an update may hold the confirmations back for at most {@link #HOLD}: Telegram
 * sends at most 100 updates past the offset, so one reply stuck for long (a 429 asking to wait an
 * hour) would otherwise stop every chat's new messages from arriving.
 */
final class Confirmations {
  private static final Logger LOG = LoggerFactory.getLogger(Confirmations.class);

  /** How long one update may keep the later ones unconfirmed while polling. */
  static final Duration HOLD = Duration.ofMinutes(2);

  private final Clock clock;
  private final Duration hold;

  /** Updates not done with, by id: the work left (their handling, their replies) and since when. */
  private final TreeMap<Integer, Open> open = new TreeMap<>();

  /** The highest update id received. */
  private int highest;

  /** The update whose replies the current thread is deciding, while it handles one. */
  private final ThreadLocal<Integer> current = new ThreadLocal<>();

  private static final class Open {
    final Instant since;
    int work = 1;
    boolean released;

    Open(Instant since) {
      this.since = since;
    }
  }

  Confirmations(Clock clock) {
    this(clock, HOLD);
  }

  Confirmations(Clock clock, Duration hold) {
    this.clock = clock;
    this.hold = hold;
  }

  /** An update was received: it is open until {@link #done} is called once for its handling. */
  synchronized void received(int updateId) {
    highest = Math.max(highest, updateId);
    open.putIfAbsent(updateId, new Open(clock.instant()));
  }

  /** One piece of work of the update is over (its handling, or one of its replies). */
  synchronized void done(int updateId) {
    Open o = open.get(updateId);
    if (o != null && --o.work <= 0) {
      open.remove(updateId);
      notifyAll();
    }
  }

  /**
   * Runs the handling of an update on this thread: the replies queued meanwhile belong to it (see
   * {@link #more}); the update's handling is done when it returns.
   */
  void handling(int updateId, Runnable task) {
    current.set(updateId);
    try {
      task.run();
    } finally {
      current.remove();
      done(updateId);
    }
  }

  /**
   * A reply is queued on this thread: it becomes work of the update being handled, if any.
   *
   * @return the update the reply answers, which {@link #done} must then be told of once the reply
   *     is sent or given up
   */
  synchronized Optional<Integer> more() {
    Integer id = current.get();
    if (id == null) {
      return Optional.empty();
    }
    Open o = open.get(id);
    if (o == null) {
      return Optional.empty();
    }
    o.work++;
    return Optional.of(id);
  }

  /** The highest update id below which every update is done with: what a shutdown confirms. */
  synchronized int confirmable() {
    return open.isEmpty() ? highest : open.firstKey() - 1;
  }

  /**
   * What a poll may confirm: as {@link #confirmable}, but an update open for longer than the hold
   * no longer holds the others back (said once in the log).
   */
  synchronized int confirmableWhilePolling() {
    Instant limit = clock.instant().minus(hold);
    for (Map.Entry<Integer, Open> e : open.entrySet()) {
      Open o = e.getValue();
      if (o.since.isAfter(limit)) {
        return e.getKey() - 1;
      }
      if (!o.released) {
        o.released = true;
        LOG.warn(
            "update {} is still under way after {} s: it is confirmed to Telegram without waiting"
                + " any longer",
            e.getKey(),
            hold.toSeconds());
      }
    }
    return highest;
  }

  /**
   * Waits until more than {@code confirmed} can be confirmed, nothing received is open, or {@code
   * timeout} has passed. Polling again while updates are open brings them back at once (they are
   * not confirmed): this paces such polls, and lets one go as soon as there is more to confirm.
   *
   * @return whether more than {@code confirmed} can be confirmed, or nothing is open
   */
  synchronized boolean awaitBeyond(int confirmed, Duration timeout) throws InterruptedException {
    // a bound on Object.wait, a duration rather than a time of day: the monotonic clock
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!open.isEmpty() && confirmable() <= confirmed) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }
}
