package ch.optout.telegram;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages nobody is waiting for at this moment — reminders and alerts to followers — handed to the
 * {@link Sender} one at a time, and only when the {@link Pacer} has no global slot taken ahead of
 * now. Answers reserve their slots as they come; these fill the slots answers leave free, so an
 * alert to ten thousand followers takes the spare part of Telegram's 30 messages a second and never
 * queues ahead of someone asking now.
 */
final class BulkFeed {
  private static final Logger LOG = LoggerFactory.getLogger(BulkFeed.class);

  private record Item(Outgoing call, Delivery delivery) {}

  private final Sender sender;
  private final Pacer pacer;
  private final ScheduledExecutorService scheduler;
  private final Duration tick;
  private final ArrayDeque<Item> waiting = new ArrayDeque<>();
  private boolean scheduled;
  private boolean stopped;

  /**
   * @param tick how often to look for a free slot: the global gap between two messages
   */
  BulkFeed(Sender sender, Pacer pacer, ScheduledExecutorService scheduler, Duration tick) {
    this.sender = sender;
    this.pacer = pacer;
    this.scheduler = scheduler;
    this.tick = tick.isZero() || tick.isNegative() ? Duration.ofMillis(1) : tick;
  }

  /** Queues a message behind the others waiting here. */
  synchronized void add(Outgoing call, Delivery delivery) {
    if (stopped) {
      return;
    }
    waiting.add(new Item(call, delivery));
    if (!scheduled) {
      schedule(Duration.ZERO);
    }
  }

  /** Messages not yet handed to the sender. */
  synchronized int waiting() {
    return waiting.size();
  }

  /**
   * Hands nothing more to the sender: what waits here stays in the outbox for the next start or
   * leader.
   */
  synchronized void stop() {
    stopped = true;
    waiting.clear();
  }

  private void pump() {
    Item next = null;
    synchronized (this) {
      scheduled = false;
      if (stopped) {
        return;
      }
      Duration busy = pacer.untilIdle();
      if (!waiting.isEmpty() && busy.isZero()) {
        next = waiting.poll();
      }
      if (!waiting.isEmpty()) {
        // after a message handed on, one gap (the sender takes its slot meanwhile); else as soon
        // as the slots taken ahead are gone
        schedule(next != null ? tick : busy.plusMillis(1));
      }
    }
    if (next != null) {
      sender.enqueue(next.call(), next.delivery());
    }
  }

  private void schedule(Duration delay) {
    try {
      scheduler.schedule(this::pump, delay.toNanos(), TimeUnit.NANOSECONDS);
      scheduled = true;
    } catch (RejectedExecutionException e) {
      LOG.debug("follow-ups left in the outbox: shutting down");
    }
  }
}
