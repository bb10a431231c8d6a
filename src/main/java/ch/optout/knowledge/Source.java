package ch.optout.knowledge;

import java.net.URI;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A citable source: an official page, a press article or a law text.
 *
 * @param published when the source itself was published or last updated, as far as known
 * @param read the day someone last re-read the source to check the guide, if recorded
 */
public record Source(String title, URI url, SourceDate published, Optional<LocalDate> read) {
  public Source {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(read, "read");
    if (title.isBlank()) {
      throw new IllegalArgumentException("source title is blank");
    }
  }

  /** A source whose dates are not recorded (plain documents, letters' own forms, tests). */
  public Source(String title, URI url) {
    this(title, url, SourceDate.UNKNOWN, Optional.empty());
  }

  /** The host without "www.", e.g. "linkedin.com". */
  public String domain() {
    String host = url.getHost() == null ? "" : url.getHost();
    return host.startsWith("www.") ? host.substring(4) : host;
  }
}
