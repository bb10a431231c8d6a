package ch.optout.knowledge;

import java.net.URI;
import java.util.Objects;

/** A citable source: an official page, a press article or a law text. */
public record Source(String title, URI url) {
  public Source {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(url, "url");
    if (title.isBlank()) {
      throw new IllegalArgumentException("source title is blank");
    }
  }

  /** The host without "www.", e.g. "linkedin.com". */
  public String domain() {
    String host = url.getHost() == null ? "" : url.getHost();
    return host.startsWith("www.") ? host.substring(4) : host;
  }
}
