package ch.optout.knowledge;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A company's privacy contact, from the datarequests.org open database (CC0): where an objection
 * letter goes.
 *
 * @param slug the upstream record's identifier ("facebook", "vinted-uab")
 * @param name the legal entity ("Meta Platforms Ireland Limited")
 * @param runs brands and services it is responsible for ("Messenger (www.messenger.com)")
 * @param aliases other names people type, when the record has any
 * @param countries ISO 3166 codes the record is relevant for ("DE", "GB"), or {@link #ALL}
 * @param address the postal address, lines separated by {@code \n}
 * @param suggestedMedium how upstream suggests writing to it, when it says
 * @param sources where the contact was found, first the best
 * @param requestLanguage the ISO 639-1 language a request should be written in, when it matters
 */
public record Company(
    String slug,
    String name,
    List<String> runs,
    List<String> aliases,
    List<String> countries,
    Optional<URI> web,
    Optional<String> email,
    Optional<URI> webform,
    String address,
    Optional<Medium> suggestedMedium,
    Quality quality,
    List<URI> sources,
    Optional<String> requestLanguage) {

  /** The country code of a record relevant everywhere. */
  public static final String ALL = "all";

  /** How to send a request. */
  public enum Medium {
    EMAIL,
    WEBFORM,
    LETTER,
    FAX;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Medium> parse(String code) {
      for (Medium m : values()) {
        if (m.code().equals(code)) {
          return Optional.of(m);
        }
      }
      return Optional.empty();
    }
  }

  /** How the record was compiled, best first (upstream's own scale). */
  public enum Quality {
    /** Someone sent a request with these details and it worked. */
    TESTED,
    /** A person checked the details, usually on the company's website. */
    VERIFIED,
    /** Taken from another data set, checked by someone outside the project. */
    IMPORTED,
    /** Collected by a machine and never checked: shown with a caveat. */
    SCRAPED;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Quality> parse(String code) {
      for (Quality q : values()) {
        if (q.code().equals(code)) {
          return Optional.of(q);
        }
      }
      return Optional.empty();
    }
  }

  public Company {
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(web, "web");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(webform, "webform");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(suggestedMedium, "suggestedMedium");
    Objects.requireNonNull(quality, "quality");
    Objects.requireNonNull(requestLanguage, "requestLanguage");
    runs = List.copyOf(runs);
    aliases = List.copyOf(aliases);
    countries = List.copyOf(countries);
    sources = List.copyOf(sources);
    if (slug.isBlank() || name.isBlank()) {
      throw new IllegalArgumentException("a company needs a slug and a name");
    }
  }

  /**
   * The way to write to it: the suggested medium when the record has what it needs, else e-mail,
   * else its web form, else a letter (upstream's own default, with web forms it added later).
   */
  public Medium medium() {
    Optional<Medium> usable =
        suggestedMedium.filter(
            m ->
                switch (m) {
                  case EMAIL -> email.isPresent();
                  case WEBFORM -> webform.isPresent();
                  case LETTER, FAX -> !address.isBlank();
                });
    if (usable.isPresent()) {
      return usable.get() == Medium.FAX ? Medium.LETTER : usable.get();
    }
    if (email.isPresent()) {
      return Medium.EMAIL;
    }
    return webform.isPresent() ? Medium.WEBFORM : Medium.LETTER;
  }

  /** Whether nobody checked the record: a letter shows it with a caveat. */
  public boolean unchecked() {
    return quality == Quality.SCRAPED;
  }

  /** Whether the record is relevant in this country (ISO code, any case). */
  public boolean servesCountry(String code) {
    return countries.contains(ALL) || countries.contains(code.toUpperCase(Locale.ROOT));
  }

  /** The postal address on one line, for a letter's "To:" line. */
  public String addressLine() {
    return String.join(", ", address.strip().split("\\s*\\n\\s*"));
  }

  /** The record's page in the datarequests.org database. */
  public URI databasePage() {
    return URI.create("https://www.datarequests.org/company/" + slug + "/");
  }
}
