package ch.optout.knowledge;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One line of a host list: {@code example.com} (the host or a subdomain), {@code dev.*} (a host
 * starting with "dev."), {@code *.dev.web.*} (a host containing ".dev.web."), {@code *} (any host),
 * optionally followed by a regex the address's path and query must contain.
 *
 * @param reason what a matching host is, for messages ("a link shortener or redirect")
 */
record HostPattern(String host, Optional<Pattern> path, String reason) {
  static HostPattern of(RuleList.Entry entry) {
    String[] parts = entry.text().split("\\s+", 2);
    try {
      Optional<Pattern> path =
          parts.length > 1 ? Optional.of(Pattern.compile(parts[1])) : Optional.empty();
      return new HostPattern(parts[0].toLowerCase(Locale.ROOT), path, entry.group());
    } catch (PatternSyntaxException e) {
      throw new IllegalStateException("line " + entry.line() + ": bad path pattern " + parts[1], e);
    }
  }

  boolean matches(URI url) {
    String h = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    return hostMatches(h) && path.map(p -> p.matcher(pathAndQuery(url)).find()).orElse(true);
  }

  private boolean hostMatches(String h) {
    if (host.equals("*")) {
      return true;
    }
    if (host.startsWith("*.") && host.endsWith(".*")) {
      return h.contains(host.substring(1, host.length() - 1));
    }
    if (host.endsWith(".*")) {
      return h.startsWith(host.substring(0, host.length() - 1));
    }
    if (host.startsWith("*.")) {
      return h.endsWith(host.substring(1));
    }
    return h.equals(host) || h.endsWith("." + host);
  }

  private static String pathAndQuery(URI url) {
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
  }
}
