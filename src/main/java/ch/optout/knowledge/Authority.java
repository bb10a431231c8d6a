package ch.optout.knowledge;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A data protection authority a complaint can go to, from the datarequests.org open database or,
 * for those it lacks (Quebec, Canada), from the project's law files.
 *
 * @param countries ISO 3166 codes it covers: "PT", or a subdivision such as "CA-QC"
 * @param address the postal address, lines separated by {@code \n}; empty when unknown
 * @param complaintLanguage the ISO 639-1 language complaints are written in, when it says
 * @param own whether the project added the record itself (an import keeps it)
 * @param main among several authorities of one country, the one to name first
 * @param companyFirstSince since when the law requires a complaint to the company before one to
 *     this authority (the ICO: 19 June 2026)
 * @param companyFirstSource where that requirement is stated
 */
public record Authority(
    String slug,
    List<String> countries,
    String name,
    Optional<URI> web,
    Optional<String> email,
    Optional<URI> webform,
    String address,
    List<URI> sources,
    Optional<String> complaintLanguage,
    boolean own,
    boolean main,
    Optional<LocalDate> companyFirstSince,
    Optional<URI> companyFirstSource) {

  public Authority {
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(web, "web");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(webform, "webform");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(complaintLanguage, "complaintLanguage");
    Objects.requireNonNull(companyFirstSince, "companyFirstSince");
    Objects.requireNonNull(companyFirstSource, "companyFirstSource");
    countries = List.copyOf(countries);
    sources = List.copyOf(sources);
    if (slug.isBlank() || name.isBlank()) {
      throw new IllegalArgumentException("an authority needs a slug and a name");
    }
  }

  /** Whether, on that day, a complaint must first go to the company itself. */
  public boolean companyFirst(LocalDate day) {
    return companyFirstSince.filter(since -> !day.isBefore(since)).isPresent();
  }

  /** The postal address on one line. */
  public String addressLine() {
    return String.join(", ", address.strip().split("\\s*\\n\\s*"));
  }
}
