package ch.optout.telegram;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

/**
 * What a failed Bot API call means for the message: wait and resend, resend as plain text, or give
 * up. The library reports every failure as a {@link TelegramApiException}; the Bot API's own
 * answers carry an error code, everything else (timeouts, resets, a proxy's HTML error page) does
 * not.
 */
record Failure(Kind kind, Duration retryAfter, String description) {
  enum Kind {
    /** 429: wait as long as Telegram says, then resend. */
    RATE_LIMITED,
    /** 400 can't parse entities: our HTML was refused; resend the same words as plain text. */
    BAD_HTML,
    /** 400 message is not modified: an edit that changes nothing; nothing to do. */
    NOT_MODIFIED,
    /** 5xx, timeouts, resets, unreadable answers: resend after a backoff. */
    TRANSIENT,
    /**
     * anything else (blocked by the user, chat not found, invalid request): resending cannot help.
     */
    PERMANENT
  }

  /** When Telegram answers 429 without saying how long to wait. */
  static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

  Failure {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(retryAfter, "retryAfter");
    Objects.requireNonNull(description, "description");
  }

  static Failure of(TelegramApiException e) {
    if (e instanceof TelegramApiValidationException) {
      return new Failure(
          Kind.PERMANENT, Duration.ZERO, "refused before sending: " + e.getMessage());
    }
    // the library reports an answer it could not read (a proxy's HTML page) with error code 0
    if (e instanceof TelegramApiRequestException r
        && r.getErrorCode() != null
        && r.getErrorCode() >= 100) {
      int code = r.getErrorCode();
      String description = code + " " + (r.getApiResponse() == null ? "" : r.getApiResponse());
      String lower = description.toLowerCase(Locale.ROOT);
      if (code == 429) {
        Integer seconds = r.getParameters() == null ? null : r.getParameters().getRetryAfter();
        Duration wait =
            seconds == null || seconds < 0 ? DEFAULT_RETRY_AFTER : Duration.ofSeconds(seconds);
        return new Failure(Kind.RATE_LIMITED, wait, description);
      }
      if (code == 400 && lower.contains("can't parse entities")) {
        return new Failure(Kind.BAD_HTML, Duration.ZERO, description);
      }
      if (code == 400 && lower.contains("message is not modified")) {
        return new Failure(Kind.NOT_MODIFIED, Duration.ZERO, description);
      }
      return new Failure(code >= 500 ? Kind.TRANSIENT : Kind.PERMANENT, Duration.ZERO, description);
    }
    return new Failure(Kind.TRANSIENT, Duration.ZERO, causes(e));
  }

  /**
   * 403: the user blocked the bot, or the account is gone. Nothing sent later can reach the chat,
   * so what OptOut keeps to write to it later (reminders, watches) goes.
   */
  boolean blocked() {
    return kind == Kind.PERMANENT && description.startsWith("403 ");
  }

  /** The chain of messages, e.g. "Unable to execute sendmessage method: timeout". */
  private static String causes(Throwable e) {
    StringBuilder sb = new StringBuilder();
    for (Throwable t = e;
        t != null && sb.length() < 300;
        t = t.getCause() == t ? null : t.getCause()) {
      if (sb.length() > 0) {
        sb.append(": ");
      }
      sb.append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
    }
    return sb.toString();
  }
}
