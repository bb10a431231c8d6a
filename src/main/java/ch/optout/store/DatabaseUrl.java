package ch.optout.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code OPTOUT_DATABASE_URL} as people write it ({@code
 * postgresql://user:secret@host:5432/optout}, or already {@code jdbc:postgresql://…}), with the
 * user and password it carries or that come beside it. {@link #toString} and {@link #describe}
 * never show the password.
 */
public record DatabaseUrl(String jdbcUrl, Optional<String> user, Optional<String> password) {
  public DatabaseUrl {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
  }

  /**
   * @throws IllegalArgumentException with a message fit for the user when it is no PostgreSQL URL
   */
  public static DatabaseUrl parse(String raw, Optional<String> user, Optional<String> password) {
    String value = raw.strip();
    String plain = value.startsWith("jdbc:") ? value.substring("jdbc:".length()) : value;
    if (!plain.startsWith("postgresql://") && !plain.startsWith("postgres://")) {
      throw new IllegalArgumentException(
          "OPTOUT_DATABASE_URL must start with postgresql://, for example"
              + " postgresql://optout@db:5432/optout");
    }
    URI uri;
    try {
      uri = new URI(plain.replaceFirst("^postgres://", "postgresql://"));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("OPTOUT_DATABASE_URL is not a valid address");
    }
    if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
      throw new IllegalArgumentException(
          "OPTOUT_DATABASE_URL needs a host and a database name, for example"
              + " postgresql://db:5432/optout");
    }
    Optional<String> urlUser = Optional.empty();
    Optional<String> urlPassword = Optional.empty();
    if (uri.getRawUserInfo() != null) {
      String[] info = uri.getRawUserInfo().split(":", 2);
      urlUser = Optional.of(decode(info[0])).filter(s -> !s.isEmpty());
      urlPassword = info.length > 1 ? Optional.of(decode(info[1])) : Optional.empty();
    }
    String jdbc =
        "jdbc:postgresql://"
            + uri.getHost()
            + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
            + uri.getRawPath()
            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    Optional<String> fromUrlUser = urlUser;
    Optional<String> fromUrlPassword = urlPassword;
    return new DatabaseUrl(jdbc, user.or(() -> fromUrlUser), password.or(() -> fromUrlPassword));
  }

  /** "optout@db:5432/optout": where, and as whom, without the password. */
  public String describe() {
    String where = jdbcUrl.replaceFirst("^jdbc:postgresql://", "").replaceFirst("\\?.*$", "");
    return user.map(u -> u + "@").orElse("") + where;
  }

  @Override
  public String toString() {
    return "DatabaseUrl[" + describe() + "]";
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
