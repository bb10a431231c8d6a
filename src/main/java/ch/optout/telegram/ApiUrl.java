package ch.optout.telegram;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * Reads TELEGRAM_API_URL into the library's {@link TelegramUrl}, which only knows scheme, host and
 * port.
 */
public final class ApiUrl {
  private ApiUrl() {}

  /**
   * @param text a base URL such as {@code https://api.telegram.org} or {@code
   *     http://127.0.0.1:8081}
   * @throws IllegalArgumentException saying what is wrong; the message never repeats the URL's
   *     path, where a token pasted by mistake would sit
   */
  public static TelegramUrl parse(String text) {
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("must be a URL such as https://api.telegram.org", e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("must start with https:// or http://");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new IllegalArgumentException("must name a host, as in https://api.telegram.org");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (!(path.isEmpty() || path.equals("/"))
        || uri.getRawQuery() != null
        || uri.getRawUserInfo() != null) {
      // the library builds /bot<token>/<method> itself: a path here would be silently dropped
      throw new IllegalArgumentException(
          "must be a base URL without path, query or user, as in https://api.telegram.org");
    }
    int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    String host =
        uri.getHost().startsWith("[")
            ? uri.getHost().substring(1, uri.getHost().length() - 1)
            : uri.getHost();
    return new TelegramUrl(scheme, host, port, false);
  }

  /** For log lines and messages: scheme, host and port, never a path. */
  static String describe(TelegramUrl url) {
    return url.getSchema() + "://" + url.getHost() + ":" + url.getPort();
  }
}
