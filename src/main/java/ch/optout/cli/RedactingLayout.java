package ch.optout.cli;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.regex.Pattern;

/**
 * The log layout, with secrets masked in the whole line — message, arguments and stack traces — so
 * a bot token hidden in a library's exception or a URL ({@code /bot123:AAH…/getUpdates}) never
 * reaches a log. It matches the shape of a token, not a given token: nothing needs to be told the
 * secret. Set up by {@link LogSetup}.
 */
public final class RedactingLayout extends PatternLayout {
  /**
   * A bot token: the bot's number, a colon (or its URL encoding, as in a logged request line), a
   * secret of 30 or more URL-safe characters.
   */
  private static final Pattern BOT_TOKEN =
      Pattern.compile("([0-9]{5,16})(?::|%3[Aa])[A-Za-z0-9_-]{30,}");

  @Override
  public String doLayout(ILoggingEvent event) {
    return redact(super.doLayout(event));
  }

  /** The bot's number stays: it is public and tells which bot a line is about. */
  static String redact(String line) {
    return BOT_TOKEN.matcher(line).replaceAll("$1:<redacted>");
  }
}
