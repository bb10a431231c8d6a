package ch.optout.telegram;

import ch.optout.telegram.SendLane.Job;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Every call into a chat goes through here. Each chat has a lane: its calls leave one at a time, in
 * the order they were queued, paced by the {@link Pacer}; a lane that must wait (pacing, 429,
 * backoff) is rescheduled rather than holding a thread, so a chat in a burst never slows the
 * others. A call is dropped only when Telegram refuses it for good (blocked by the user, chat gone)
 * or after {@link Limits#maxAttempts()} failed attempts; then the chat's next calls go on.
 */
final class Sender implements Replies {
  private static final Logger LOG = LoggerFactory.getLogger(Sender.class);

  /**
   * Calls one chat may have waiting. Flood control bounds what a chat asks, but an answer is up to
   * three messages paced at one a second: a chat at its flood limit for minutes would otherwise
   * queue without end, in memory and in Telegram's global budget. Past it, new messages to that
   * chat are dropped (and logged) until the lane drains.
   */
  static final int MAX_QUEUED_PER_CHAT = 30;

  /** The outcome of a call refused with 403: the user blocked the bot. */
  static final String BLOCKED = "blocked";

  private final TelegramClient client;
  private final ScheduledExecutorService scheduler;
  private final Pacer pacer;
  private final Limits limits;
  private final Clock clock;
  private final ChatRef chats;
  private final ConcurrentHashMap<Long, SendLane> lanes = new ConcurrentHashMap<>();
  private final UrgentCalls urgent;
  private final SendFailures failures;
  private final AtomicInteger attemptsInFlight = new AtomicInteger();
  private final TelegramCounts counts;
  private final Sent sent;

  /** Set at shutdown: replies the outbox keeps are left there for the next leader. */
  private volatile boolean stopping;

  /** Told the id Telegram gave each message the bot sent. */
  interface Sent {
    Sent NONE = (call, messageId) -> {};

    /**
     * @param call the call as it was queued (before any resend as plain text)
     */
    void sent(Outgoing call, int messageId);
  }

  Sender(
      TelegramClient client,
      ScheduledExecutorService scheduler,
      Pacer pacer,
      Limits limits,
      Clock clock,
      ChatRef chats) {
    this(client, scheduler, pacer, limits, clock, chats, new TelegramCounts(), Sent.NONE);
  }

  /**
   * @param sent told the id of each message sent, e.g. to edit it later
   */
  Sender(
      TelegramClient client,
      ScheduledExecutorService scheduler,
      Pacer pacer,
      Limits limits,
      Clock clock,
      ChatRef chats,
      TelegramCounts counts,
      Sent sent) {
    this.sent = sent;
    this.counts = counts;
    this.client = client;
    this.scheduler = scheduler;
    this.urgent = new UrgentCalls(client, scheduler, limits);
    this.failures = new SendFailures(limits, chats, counts);
    this.pacer = pacer;
    this.limits = limits;
    this.clock = clock;
    this.chats = chats;
  }

  /** Queues a call behind the chat's earlier ones; returns at once. */
  @Override
  public void enqueue(Outgoing call) {
    enqueue(call, Optional.empty());
  }

  /** Queues a reply the outbox keeps: asked before each attempt, told when it is done. */
  void enqueue(Outgoing call, Delivery delivery) {
    enqueue(call, Optional.of(delivery));
  }

  private void enqueue(Outgoing call, Optional<Delivery> delivery) {
    boolean[] start = {false};
    List<Job> dropped = new ArrayList<>();
    lanes.compute(
        call.chatId(),
        (id, lane) -> {
          SendLane l = lane == null ? new SendLane() : lane;
          start[0] = lane == null;
          synchronized (l) {
            queue(l, new Job(call, delivery), dropped);
          }
          return l;
        });
    for (Job job : dropped) {
      job.done("dropped");
    }
    if (start[0]) {
      later(call.chatId(), Duration.ZERO);
    }
  }

  private void queue(SendLane lane, Job job, List<Job> dropped) {
    if (!lane.add(job, MAX_QUEUED_PER_CHAT, dropped)) {
      LOG.warn(
          "{} calls already wait for chat {}: {} dropped",
          lane.jobs.size(),
          chats.of(job.call.chatId()),
          job.call.method().getMethod());
      counts.failed();
    }
  }

  /**
   * Stops the spinner on a tapped button, with an optional toast; outside the lanes, as it is
   * urgent.
   */
  @Override
  public void answerCallback(String callbackId, Optional<String> toast) {
    urgent.answerCallback(callbackId, toast);
  }

  /**
   * A call answering no chat (an inline query's results): sent once on the send threads, its
   * failure logged, counted as in flight until it ends so that shutdown waits for it.
   */
  @Override
  public void callOnce(BotApiMethod<? extends Serializable> method, String what) {
    urgent.callOnce(method, what);
  }

  /** Calls still queued, for shutdown. */
  int pending() {
    return lanes.values().stream()
            .mapToInt(
                l -> {
                  synchronized (l) {
                    return l.jobs.size();
                  }
                })
            .sum()
        + urgent.inFlight();
  }

  TelegramCounts counts() {
    return counts;
  }

  /**
   * From now on, no attempt starts for a reply the outbox keeps: the next leader sends it. Calls
   * under way end; {@link #awaitQuiet} waits for them.
   */
  void stopStarting() {
    stopping = true;
  }

  /** Waits until no call is under way, so that none can reach Telegram after the lock is gone. */
  boolean awaitQuiet(Duration timeout) throws InterruptedException {
    Instant deadline = clock.instant().plus(timeout);
    while (attemptsInFlight.get() > 0 && clock.instant().isBefore(deadline)) {
      Thread.sleep(5);
    }
    return attemptsInFlight.get() == 0;
  }

  /** Waits until every queued call has left or {@code timeout} has passed; true when all left. */
  boolean drain(Duration timeout) throws InterruptedException {
    Instant deadline = clock.instant().plus(timeout);
    while ((!lanes.isEmpty() || urgent.inFlight() > 0) && clock.instant().isBefore(deadline)) {
      Thread.sleep(5);
    }
    return lanes.isEmpty() && urgent.inFlight() == 0;
  }

  private void later(long chatId, Duration delay) {
    try {
      scheduler.schedule(() -> pump(chatId), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // shutting down: whatever is still queued is counted and reported by TelegramBot.close
      LOG.debug("sender stopped with calls queued for chat {}", chats.of(chatId));
    }
  }

  private void pump(long chatId) {
    try {
      step(chatId);
    } catch (RuntimeException e) {
      // a bug must not leave the lane stuck: drop the call at its head and go on with the next
      LOG.error("sending to chat {} failed unexpectedly; the call is dropped", chats.of(chatId), e);
      Job job = head(chatId);
      if (job != null) {
        job.done("failed");
      }
      next(chatId);
    }
  }

  private void step(long chatId) {
    Job job = head(chatId);
    if (job == null) {
      return;
    }
    Instant now = clock.instant();
    Instant ready =
        job.call.paced() ? max(job.notBefore, pacer.chatReadyAt(chatId)) : job.notBefore;
    if (ready.isAfter(now)) {
      later(chatId, Duration.between(now, ready));
      return;
    }
    if (job.slot.isEmpty()) {
      job.slot = Optional.of(pacer.reserveGlobal());
    }
    if (job.slot.get().isAfter(now)) {
      later(chatId, Duration.between(now, job.slot.get()));
      return;
    }
    job.slot = Optional.empty();
    Optional<Failure> failure;
    // counted before the stop flag is read: a shutdown that sees no attempt under way knows none
    // will start
    attemptsInFlight.incrementAndGet();
    try {
      if (job.delivery.isPresent()) {
        Delivery.Go go = stopping ? Delivery.Go.SKIP : job.delivery.get().attempting();
        if (go == Delivery.Go.SKIP) {
          next(chatId);
          return;
        }
        if (go == Delivery.Go.LATER) {
          retry(chatId, job, limits.retry().delay(1));
          return;
        }
      }
      failure = attempt(job);
    } finally {
      attemptsInFlight.decrementAndGet();
    }
    if (job.call.paced()) {
      pacer.sent(chatId);
    }
    if (failure.isEmpty()) {
      counts.sent();
      job.done("sent");
      next(chatId);
      return;
    }
    handle(chatId, job, failure.get());
  }

  private void handle(long chatId, Job job, Failure failure) {
    Optional<Duration> wait = failures.retryAfter(chatId, job, failure);
    if (wait.isPresent()) {
      retry(chatId, job, wait.get());
    } else {
      next(chatId);
    }
  }

  private void retry(long chatId, Job job, Duration wait) {
    job.notBefore = clock.instant().plus(wait);
    later(chatId, wait);
  }

  private Job head(long chatId) {
    SendLane lane = lanes.get(chatId);
    if (lane == null) {
      return null;
    }
    synchronized (lane) {
      return lane.jobs.peek();
    }
  }

  /** Removes the head; the lane leaves the map when empty, else its pump goes on. */
  private void next(long chatId) {
    SendLane rest =
        lanes.computeIfPresent(
            chatId,
            (id, lane) -> {
              synchronized (lane) {
                lane.jobs.poll();
                return lane.jobs.isEmpty() ? null : lane;
              }
            });
    if (rest != null) {
      later(chatId, Duration.ZERO);
    }
  }

  private Optional<Failure> attempt(Job job) {
    try {
      Serializable result = execute(job.call.method());
      if (result instanceof Message m
          && m.getMessageId() != null
          && job.call instanceof Outgoing.Text) {
        sent.sent(job.queued, m.getMessageId());
      }
      return Optional.empty();
    } catch (TelegramApiException e) {
      return Optional.of(Failure.of(e));
    }
  }

  private <T extends Serializable> T execute(BotApiMethod<T> method) throws TelegramApiException {
    return ApiCalls.call(client, method, limits.callTimeout());
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
