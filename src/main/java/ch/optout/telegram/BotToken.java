package ch.optout.telegram;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A bot token as @BotFather gives it: the bot's numeric id, a colon, a secret. {@link #toString()}
 * never shows the secret, so a token that slips into a log line or an exception stays hidden.
 */
public record BotToken(String value) {
  /** Real tokens have an 8–10 digit id and a 35-character secret; some slack for future formats. */
  static final Pattern FORMAT = Pattern.compile("[0-9]{5,16}:[A-Za-z0-9_-]{30,80}");

  public BotToken {
    Objects.requireNonNull(value, "value");
    if (!FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("not a bot token (expected digits, a colon and a secret)");
    }
  }

  /** Empty for anything that is not shaped like a token; surrounding spaces are forgiven. */
  public static Optional<BotToken> parse(String text) {
    String stripped = text == null ? "" : text.strip();
    return FORMAT.matcher(stripped).matches()
        ? Optional.of(new BotToken(stripped))
        : Optional.empty();
  }

  /** The bot's numeric id, which is public (it is in every update the bot sends). */
  public long botId() {
    return Long.parseLong(value.substring(0, value.indexOf(':')));
  }

  @Override
  public String toString() {
    return "BotToken[" + botId() + ":<redacted>]";
  }
}
