package ch.optout.store;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a user lives, which decides the law an objection letter cites (GDPR, UK GDPR, Swiss FADP).
 */
public enum Region {
  EU,
  UK,
  CH;

  /** "eu", "UK", " ch " → the region; anything else → empty. */
  public static Optional<Region> fromCode(String code) {
    String upper = code.strip().toUpperCase(Locale.ROOT);
    for (Region r : values()) {
      if (r.name().equals(upper)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
