package ch.optout.knowledge;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The address book of {@code knowledge/contacts/}: companies' privacy contacts and the data
 * protection authorities, with the look-ups a letter and a complaint need. Immutable; the name
 * index is built on the first name look-up, so that a start that needs none pays nothing for it.
 */
public final class Contacts {
  private static final Contacts EMPTY = new Contacts(List.of(), List.of());

  private final List<Company> companies;
  private final List<Authority> authorities;
  private final Map<String, Company> bySlug = new LinkedHashMap<>();
  private volatile CompanyIndex index;

  public Contacts(List<Company> companies, List<Authority> authorities) {
    this.companies = companies.stream().sorted(Comparator.comparing(Company::slug)).toList();
    this.authorities = authorities.stream().sorted(Comparator.comparing(Authority::slug)).toList();
    for (Company c : this.companies) {
      bySlug.putIfAbsent(c.slug(), c);
    }
  }

  /** No contacts: a knowledge folder without {@code contacts/}. */
  public static Contacts empty() {
    return EMPTY;
  }

  public boolean isEmpty() {
    return companies.isEmpty() && authorities.isEmpty();
  }

  /** Sorted by slug. */
  public List<Company> companies() {
    return companies;
  }

  /** Sorted by slug. */
  public List<Authority> authorities() {
    return authorities;
  }

  public Optional<Company> company(String slug) {
    return Optional.ofNullable(bySlug.get(slug));
  }

  /** The company a guide links to with {@code company: <slug>}. */
  public Optional<Company> forGuide(Guide guide) {
    return guide.company().flatMap(this::company);
  }

  /**
   * The company a user named: "Duolingo", "Strava", "booking.com", "Meta", by legal name, brand
   * ({@code runs}), alias or slug, the strongest match first. Empty when nothing matches or the
   * name begins too many companies to choose ("Deutsche").
   */
  public Optional<Company> find(String name) {
    return index().best(Words.of(name), Optional.empty());
  }

  /** As {@link #find(String)}, preferring records for that country ("GB" finds amazon.co.uk). */
  public Optional<Company> find(String name, String countryCode) {
    return index().best(Words.of(name), Optional.of(country(countryCode)));
  }

  /**
   * How to write a company name the user typed in lower case or as a slug: "booking com" →
   * "Booking.com", "zalando" → "Zalando"; empty when no record bears exactly that name.
   */
  public Optional<String> spelling(String typed) {
    List<String> words = Words.of(typed);
    return find(typed)
        .map(c -> index().keys().withoutLegalForm(c.name()))
        .filter(shown -> Words.of(shown).equals(words));
  }

  /** The authorities of a country, the main one first; a region falls back to its country. */
  public List<Authority> authorities(String countryCode) {
    String code = country(countryCode);
    List<Authority> found =
        authorities.stream()
            .filter(a -> a.countries().contains(code))
            .sorted(Comparator.comparing((Authority a) -> a.main() ? 0 : 1))
            .toList();
    if (found.isEmpty() && code.contains("-")) {
      return authorities(code.substring(0, code.indexOf('-')));
    }
    return found;
  }

  /**
   * The authority to complain to in a country: "PT" the CNPD, "GB" (or "UK") the ICO, "CA-QC"
   * Quebec's CAI, "CA" Canada's OPC.
   */
  public Optional<Authority> authority(String countryCode) {
    return authorities(countryCode).stream().findFirst();
  }

  /** What a complaint in that country needs, on that day; empty for a country without one. */
  public Optional<ComplaintRoute> complaint(String countryCode, LocalDate today) {
    List<Authority> all = authorities(countryCode);
    if (all.isEmpty()) {
      return Optional.empty();
    }
    Authority main = all.get(0);
    return Optional.of(
        new ComplaintRoute(main, main.companyFirst(today), all.subList(1, all.size())));
  }

  CompanyIndex index() {
    CompanyIndex built = index;
    if (built == null) {
      synchronized (this) {
        built = index;
        if (built == null) {
          built = new CompanyIndex(companies, CompanyKeys.bundled());
          index = built;
        }
      }
    }
    return built;
  }

  /** "uk" → "GB", "el" → "GR" (the EU's code for Greece), "ca-qc" → "CA-QC". */
  static String country(String code) {
    String c = code.strip().toUpperCase(Locale.ROOT).replace('_', '-');
    return switch (c) {
      case "UK" -> "GB";
      case "EL" -> "GR";
      default -> c;
    };
  }
}
