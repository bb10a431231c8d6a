package ch.optout.telegram;

import ch.optout.answer.Messages;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sits on the long-polling HTTP client and watches getUpdates' answers for the two that retrying
 * cannot cure: the token refused (401, or 404 for a token that no longer exists) several times in a
 * row — revoked or changed at @BotFather — and 409 Conflict for a sustained time — another process
 * polls the same bot. Either ends the bot: {@link #fatal()} completes with a message for the
 * operator, and polling stops being reported.
 */
final class PollWatch implements Interceptor {
  private static final Logger LOG = LoggerFactory.getLogger(PollWatch.class);

  /** Refusals in a row before the token is taken as revoked: one could be a proxy's hiccup. */
  static final int REFUSALS = 3;

  /** How long 409s may go on: a takeover or a restart causes a few, for a second or two. */
  static final Duration CONFLICT = Duration.ofSeconds(60);

  private final Clock clock;
  private final Messages messages;
  private final Duration conflictLimit;
  private final CompletableFuture<String> fatal = new CompletableFuture<>();
  private int refusals;
  private Optional<Instant> conflictSince = Optional.empty();

  /**
   * @param messages the operator's messages, in every language: the reader's is unknown
   */
  PollWatch(Clock clock, Duration conflictLimit, Messages messages) {
    this.clock = clock;
    this.messages = messages;
    this.conflictLimit = conflictLimit;
  }

  /** Completes, once, with what stopped the bot. */
  CompletableFuture<String> fatal() {
    return fatal;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    if (chain.request().url().encodedPath().toLowerCase(Locale.ROOT).endsWith("/getupdates")) {
      seen(response.code());
    }
    return response;
  }

  synchronized void seen(int status) {
    if (status == 401 || status == 404) {
      conflictSince = Optional.empty();
      if (++refusals >= REFUSALS) {
        stop(messages.inEveryLanguage("telegram.fatal.token", refusals, status));
      }
      return;
    }
    refusals = 0;
    if (status == 409) {
      Instant now = clock.instant();
      Instant since = conflictSince.orElse(now);
      conflictSince = Optional.of(since);
      if (!Duration.between(since, now).minus(conflictLimit).isNegative()) {
        stop(
            messages.inEveryLanguage(
                "telegram.fatal.conflict", Duration.between(since, now).toSeconds()));
      }
      return;
    }
    conflictSince = Optional.empty();
  }

  private void stop(String message) {
    if (fatal.complete(message)) {
      LOG.error("{}", message);
    }
  }
}
