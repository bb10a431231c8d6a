package ch.optout.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks of one chat in order and tasks of different chats side by side, on a shared pool. A
 * chat with work queued takes one task per turn on the pool, so a chat sending twenty messages at
 * once shares the threads fairly with the others.
 */
final class ChatLanes {
  private static final Logger LOG = LoggerFactory.getLogger(ChatLanes.class);

  private final ExecutorService pool;
  private final Clock clock;

  /** A chat is here exactly while it has tasks, the first of which is running or about to. */
  private final ConcurrentHashMap<Long, ArrayDeque<Runnable>> lanes = new ConcurrentHashMap<>();

  ChatLanes(ExecutorService pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  void execute(long chatId, Runnable task) {
    boolean[] start = {false};
    lanes.compute(
        chatId,
        (id, queue) -> {
          ArrayDeque<Runnable> q = queue == null ? new ArrayDeque<>() : queue;
          start[0] = queue == null;
          q.add(task);
          return q;
        });
    if (start[0]) {
      try {
        pool.execute(() -> runNext(chatId));
      } catch (RejectedExecutionException e) {
        lanes.remove(chatId);
        throw e;
      }
    }
  }

  private void runNext(long chatId) {
    Runnable[] head = {null};
    lanes.computeIfPresent(
        chatId,
        (id, q) -> {
          head[0] = q.peek();
          return q;
        });
    try {
      if (head[0] != null) {
        head[0].run();
      }
    } catch (RuntimeException e) {
      LOG.error("a task failed; the chat's next tasks still run", e);
    } finally {
      ArrayDeque<Runnable> rest =
          lanes.computeIfPresent(
              chatId,
              (id, q) -> {
                q.poll();
                return q.isEmpty() ? null : q;
              });
      if (rest != null) {
        try {
          pool.execute(() -> runNext(chatId));
        } catch (RejectedExecutionException e) {
          LOG.debug("lane abandoned: shutting down");
        }
      }
    }
  }

  /** Waits until no chat has work left, or {@code timeout}; true when all work is done. */
  boolean awaitIdle(Duration timeout) throws InterruptedException {
    Instant deadline = clock.instant().plus(timeout);
    while (!lanes.isEmpty() && clock.instant().isBefore(deadline)) {
      Thread.sleep(5);
    }
    return lanes.isEmpty();
  }

  /** Stops the pool; tasks still queued are abandoned (see {@link #awaitIdle}). */
  void shutdown() throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(1, TimeUnit.SECONDS);
  }
}
