package ch.optout.telegram;

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
  private final Duration conflictLimit;
  private final CompletableFuture<String> fatal = new CompletableFuture<>();
  private int refusals;
  private Optional<Instant> conflictSince = Optional.empty();

  PollWatch(Clock clock, Duration conflictLimit) {
    this.clock = clock;
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
        stop(
            "Telegram refused the bot's token "
                + refusals
                + " times in a row ("
                + status
                + "): it was revoked or changed at @BotFather. Check TELEGRAM_BOT_TOKEN. / Telegram"
                + " refuse le jeton du bot : vérifiez TELEGRAM_BOT_TOKEN.");
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
            "Telegram says another process has polled this bot for "
                + Duration.between(since, now).toSeconds()
                + " s (409 Conflict): a second bot with the same token, or a webhook. Stop the other"
                + " one; replicas must share OPTOUT_DATABASE_URL. / Un autre processus interroge"
                + " Telegram avec le même jeton : arrêtez-le.");
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
