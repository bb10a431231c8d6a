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
 * Runs tasks of one chat in order and tasks of different chats side by side. A chat with work
 * queued takes one task per turn on a pool, so a chat sending twenty messages at once shares the
 * threads fairly with the others. Questions, which may wait seconds for a language model, run on a
 * pool of their own: commands, taps and inline queries never queue behind them.
 */
final class ChatLanes {
  private static final Logger LOG = LoggerFactory.getLogger(ChatLanes.class);

  private final ExecutorService quick;
  private final ExecutorService slow;
  private final Clock clock;

  /** A chat is here exactly while it has tasks, the first of which is running or about to. */
  private final ConcurrentHashMap<Long, ArrayDeque<Task>> lanes = new ConcurrentHashMap<>();

  /** One task and the pool it needs. */
  private record Task(Runnable work, boolean slow) {}

  /** One pool for everything. */
  ChatLanes(ExecutorService pool, Clock clock) {
    this(pool, pool, clock);
  }

  /**
   * @param quick for commands, taps, inline queries: never held by a model
   * @param slow for questions, which may call a language model
   */
  ChatLanes(ExecutorService quick, ExecutorService slow, Clock clock) {
    this.quick = quick;
    this.slow = slow;
    this.clock = clock;
  }

  void execute(long chatId, Runnable task) {
    execute(chatId, task, false);
  }

  /**
   * @param slow whether the task may wait long (a question): it then runs on the slow pool
   */
  void execute(long chatId, Runnable task, boolean slow) {
    boolean[] start = {false};
    Task t = new Task(task, slow);
    lanes.compute(
        chatId,
        (id, queue) -> {
          ArrayDeque<Task> q = queue == null ? new ArrayDeque<>() : queue;
          start[0] = queue == null;
          q.add(t);
          return q;
        });
    if (start[0]) {
      try {
        poolFor(t).execute(() -> runNext(chatId));
      } catch (RejectedExecutionException e) {
        lanes.remove(chatId);
        throw e;
      }
    }
  }

  private ExecutorService poolFor(Task t) {
    return t.slow() ? slow : quick;
  }

  private void runNext(long chatId) {
    Task[] head = {null};
    lanes.computeIfPresent(
        chatId,
        (id, q) -> {
          head[0] = q.peek();
          return q;
        });
    try {
      if (head[0] != null) {
        head[0].work().run();
      }
    } catch (RuntimeException e) {
      LOG.error("a task failed; the chat's next tasks still run", e);
    } finally {
      Task[] next = {null};
      lanes.computeIfPresent(
          chatId,
          (id, q) -> {
            q.poll();
            next[0] = q.peek();
            return q.isEmpty() ? null : q;
          });
      if (next[0] != null) {
        try {
          poolFor(next[0]).execute(() -> runNext(chatId));
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

  /** Stops the pools; tasks still queued are abandoned (see {@link #awaitIdle}). */
  void shutdown() throws InterruptedException {
    quick.shutdownNow();
    slow.shutdownNow();
    quick.awaitTermination(1, TimeUnit.SECONDS);
    slow.awaitTermination(1, TimeUnit.SECONDS);
  }
}
