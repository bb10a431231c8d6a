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
}
