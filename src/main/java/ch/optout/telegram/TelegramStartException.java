package ch.optout.telegram;

/**
 * The bot could not start: the Bot API is unreachable or refused the token. The message says which,
 * never the token.
 */
public final class TelegramStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  TelegramStartException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Telegram would not let the bot poll: a webhook could not be removed, or polling failed. */
  static TelegramStartException cannotPoll(
      org.telegram.telegrambots.meta.TelegramUrl url,
      org.telegram.telegrambots.meta.exceptions.TelegramApiException cause) {
    return new TelegramStartException(
        "cannot start polling the Telegram Bot API at "
            + ApiUrl.describe(url)
            + ": "
            + Failure.of(cause).description(),
        cause);
  }
}
