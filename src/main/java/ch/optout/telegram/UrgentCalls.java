package ch.optout.telegram;

import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The calls of the {@link Sender} outside the chats' lanes: callback answers, due within seconds,
 * and calls that answer no chat. Each counts as in flight until it ends, so that shutdown waits.
 */
final class UrgentCalls {
  private static final Logger LOG = LoggerFactory.getLogger(UrgentCalls.class);

  /**
   * Callback answers are due within seconds: a few quick attempts, then the spinner stops anyway.
   */
  private static final int CALLBACK_ATTEMPTS = 3;

  private static final Duration CALLBACK_MAX_WAIT = Duration.ofSeconds(5);

  private final TelegramClient client;
  private final ScheduledExecutorService scheduler;
  private final Limits limits;
  private final AtomicInteger inFlight = new AtomicInteger();

  UrgentCalls(TelegramClient client, ScheduledExecutorService scheduler, Limits limits) {
    this.client = client;
    this.scheduler = scheduler;
    this.limits = limits;
  }

  int inFlight() {
    return inFlight.get();
  }

  /** Stops the spinner on a tapped button, with an optional toast. */
  void answerCallback(String callbackId, Optional<String> toast) {
    var b = AnswerCallbackQuery.builder().callbackQueryId(callbackId);
    toast.ifPresent(b::text);
    AnswerCallbackQuery answer = b.build();
    inFlight.incrementAndGet();
    try {
      scheduler.execute(() -> answerCallback(answer, 1));
    } catch (RejectedExecutionException e) {
      inFlight.decrementAndGet();
      LOG.warn("callback answer not sent: shutting down");
    }
  }

  /** A call answering no chat (an inline query's results): sent once, its failure logged. */
  void callOnce(BotApiMethod<? extends Serializable> method, String what) {
    inFlight.incrementAndGet();
    try {
      scheduler.execute(
          () -> {
            try {
              ApiCalls.call(client, method, limits.callTimeout());
            } catch (TelegramApiException e) {
              LOG.warn("{} failed: {}", what, Failure.of(e).description());
            } catch (RuntimeException e) {
              LOG.error("{} failed", what, e);
            } finally {
              inFlight.decrementAndGet();
            }
          });
    } catch (RejectedExecutionException e) {
      inFlight.decrementAndGet();
      LOG.warn("{} not sent: shutting down", what);
    }
  }

  private void answerCallback(AnswerCallbackQuery answer, int attempt) {
    boolean done = true;
    try {
      ApiCalls.call(client, answer, limits.callTimeout());
    } catch (TelegramApiException e) {
      Failure f = Failure.of(e);
      boolean again =
          attempt < CALLBACK_ATTEMPTS
              && (f.kind() == Failure.Kind.TRANSIENT || f.kind() == Failure.Kind.RATE_LIMITED);
      if (again) {
        Duration wait =
            f.kind() == Failure.Kind.RATE_LIMITED
                ? min(f.retryAfter(), CALLBACK_MAX_WAIT)
                : limits.retry().delay(attempt);
        try {
          scheduler.schedule(
              () -> answerCallback(answer, attempt + 1), wait.toMillis(), TimeUnit.MILLISECONDS);
          done = false;
        } catch (RejectedExecutionException stopped) {
          LOG.debug("callback answer abandoned: shutting down");
        }
      } else {
        LOG.warn(
            "answerCallbackQuery failed ({}); the button's spinner stops by itself",
            f.description());
      }
    } finally {
      if (done) {
        inFlight.decrementAndGet();
      }
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) < 0 ? a : b;
  }
}
