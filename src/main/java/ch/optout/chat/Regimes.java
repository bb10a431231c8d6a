package ch.optout.chat;

import ch.optout.store.Region;
import java.util.Optional;
import java.util.Set;

/** The law a letter cites, from the country a user said they live in. */
final class Regimes {
  /** The EU and EEA member states: the GDPR applies. */
  private static final Set<String> GDPR =
      Set.of(
          "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
          "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO");

  private Regimes() {}

  /** EU for a GDPR country, UK, CH; empty elsewhere (the letter then asks which law applies). */
  static Optional<Region> letterRegion(String country) {
    if (country.equals("GB")) {
      return Optional.of(Region.UK);
    }
    if (country.equals("CH")) {
      return Optional.of(Region.CH);
    }
    return GDPR.contains(country) ? Optional.of(Region.EU) : Optional.empty();
  }
}
