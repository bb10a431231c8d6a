package ch.optout.cli;

import ch.optout.telegram.AdminIds;
import ch.optout.telegram.ApiUrl;
import ch.optout.telegram.BotToken;
import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalInt;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * The settings of {@code optout telegram}, read from the environment, each refused with a reason.
 */
final class TelegramSettings {
  private TelegramSettings() {}

  /** TELEGRAM_BOT_TOKEN, as @BotFather gives it: required. */
  static BotToken token(Settings settings) {
    return settings
        .telegramToken()
        .map(
            t ->
                BotToken.parse(t)
                    .orElseThrow(
                        () ->
                            new UsageProblem(
                                "TELEGRAM_BOT_TOKEN does not look like a bot token: expected the bot's number, a colon and a secret"
                                    + " of letters, digits, - and _, as @BotFather gives it")))
        .orElseThrow(
            () ->
                new UsageProblem(
                    "telegram needs TELEGRAM_BOT_TOKEN: create a bot with @BotFather on Telegram and set its token"));
  }

  /**
   * OPTOUT_REPLICA, else the host's name (a container's id) and the process id: recorded with each
   * send attempt, shown in logs and in the User-Agent of Bot API calls.
   */
  static String replicaName(Settings settings) {
    String name =
        settings
            .get("OPTOUT_REPLICA")
            .filter(n -> !n.isBlank())
            .orElseGet(
                () ->
                    settings.get("HOSTNAME").orElse("replica")
                        + "-"
                        + ProcessHandle.current().pid());
    String clean = name.strip().replaceAll("[^A-Za-z0-9._-]", "_");
    return clean.length() > 64 ? clean.substring(0, 64) : clean;
  }

  /** OPTOUT_HTTP_PORT: off unless set; 0 takes any free port (printed at start). */
  static OptionalInt httpPort(Optional<String> raw) {
    if (raw.isEmpty()) {
      return OptionalInt.empty();
    }
    try {
      int port = Integer.parseInt(raw.get().strip());
      if (port >= 0 && port <= 65_535) {
        return OptionalInt.of(port);
      }
    } catch (NumberFormatException e) {
      // reported below with the value
    }
    throw new UsageProblem(
        "OPTOUT_HTTP_PORT takes a port number from 0 to 65535, not '" + raw.get() + "'");
  }

  /**
   * OPTOUT_HTTP_HOST: the address the health server listens on; loopback unless set (a container
   * sets 0.0.0.0 so that its network may ask).
   */
  static InetAddress httpHost(Optional<String> raw) {
    if (raw.isEmpty()) {
      return InetAddress.getLoopbackAddress();
    }
    String host = raw.get().strip();
    // an address, not a name: looking a name up could hang the start or pick an unexpected one
    if (host.matches("[0-9.]+|\\[?[0-9A-Fa-f:.]+]?")) {
      try {
        return InetAddress.getByName(host.replace("[", "").replace("]", ""));
      } catch (java.net.UnknownHostException e) {
        // reported below with the value
      }
    }
    if (host.equalsIgnoreCase("localhost")) {
      return InetAddress.getLoopbackAddress();
    }
    throw new UsageProblem(
        "OPTOUT_HTTP_HOST takes an IP address such as 127.0.0.1 or 0.0.0.0, not '" + host + "'");
  }

  /** "localhost" for loopback, as before; else the address, bracketed for IPv6. */
  static String hostForUrl(InetAddress host) {
    if (host.isLoopbackAddress()) {
      return "localhost";
    }
    String address = host.getHostAddress();
    return address.contains(":") ? "[" + address + "]" : address;
  }

  /** TELEGRAM_API_URL, else Telegram's own server. */
  static TelegramUrl apiUrl(Settings settings) {
    return settings.telegramApiUrl().map(TelegramSettings::apiUrl).orElse(TelegramUrl.DEFAULT_URL);
  }

  private static TelegramUrl apiUrl(String text) {
    try {
      return ApiUrl.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UsageProblem("TELEGRAM_API_URL " + e.getMessage());
    }
  }

  /** OPTOUT_ADMIN_IDS: who may ask for the statistics; nobody unless set. */
  static AdminIds adminIds(Settings settings) {
    return adminIds(settings.get("OPTOUT_ADMIN_IDS").orElse(""));
  }

  private static AdminIds adminIds(String text) {
    try {
      return AdminIds.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UsageProblem("OPTOUT_ADMIN_IDS " + e.getMessage());
    }
  }
}
