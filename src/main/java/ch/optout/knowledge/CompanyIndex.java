package ch.optout.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Companies by the names people use: legal name, brand ({@code runs}), alias, slug. A name that
 * begins a longer one ("Meta" for "Meta Platforms Ireland") finds it too, unless it begins too many
 * to choose from ("Deutsche").
 */
final class CompanyIndex {
  /** A name beginning more companies than this finds none of them by its beginning. */
  static final int MAX_PREFIX_COMPANIES = 3;

  /** Names shorter than this find nothing by their beginning. */
  private static final int MIN_PREFIX_LENGTH = 3;

  /** How a name was found, strongest first. */
  enum Strength {
    NAME,
    /** The record's own slug: "linkedin" is LinkedIn's record, not Microsoft's, which runs it. */
    SLUG,
    BRAND,
    NAME_BEGINNING,
    BRAND_BEGINNING
  }

  /** A company found under a key. */
  record Hit(Company company, List<String> key, Strength strength) {
    /** Found by the whole key, not by its beginning. */
    boolean whole() {
      return strength != Strength.NAME_BEGINNING && strength != Strength.BRAND_BEGINNING;
    }
  }

  private final Map<String, List<Hit>> exact = new HashMap<>();
  private final Map<String, List<Hit>> byFirstWord = new HashMap<>();
  private final int longestKey;
  private final CompanyKeys keys;

  CompanyIndex(List<Company> companies, CompanyKeys keys) {
    this.keys = keys;
    int longest = 1;
    for (Company c : companies) {
      for (List<String> key : keys.of(c.name())) {
        longest = Math.max(longest, add(c, key, Strength.NAME, Strength.NAME_BEGINNING));
      }
      List<String> others = new ArrayList<>(c.runs());
      others.addAll(c.aliases());
      for (String brand : others) {
        for (List<String> key : keys.of(brand)) {
          longest = Math.max(longest, add(c, key, Strength.BRAND, Strength.BRAND_BEGINNING));
        }
      }
      add(c, Words.of(c.slug()), Strength.SLUG, Strength.SLUG);
    }
    this.longestKey = longest;
  }

  private int add(Company c, List<String> key, Strength strength, Strength beginning) {
    exact
        .computeIfAbsent(String.join(" ", key), k -> new ArrayList<>())
        .add(new Hit(c, key, strength));
    if (key.size() > 1 && beginning != Strength.SLUG) {
      byFirstWord
          .computeIfAbsent(key.get(0), k -> new ArrayList<>())
          .add(new Hit(c, key, beginning));
    }
    return key.size();
  }

  /** How names become keys. */
  CompanyKeys keys() {
    return keys;
  }

  /** The most words a key has: a sentence is never scanned for longer names. */
  int longestKey() {
    return longestKey;
  }

  /** The companies a name (folded words) finds, best first; none for an empty name. */
  List<Hit> hits(List<String> words, Optional<String> country) {
    if (words.isEmpty()) {
      return List.of();
    }
    List<Hit> found = new ArrayList<>(exact.getOrDefault(String.join(" ", words), List.of()));
    if (String.join("", words).length() >= MIN_PREFIX_LENGTH) {
      List<Hit> beginnings =
          byFirstWord.getOrDefault(words.get(0), List.of()).stream()
              .filter(h -> h.key().size() > words.size())
              .filter(h -> h.key().subList(0, words.size()).equals(words))
              .toList();
      Set<String> slugs =
          beginnings.stream().map(h -> h.company().slug()).collect(Collectors.toSet());
      if (slugs.size() <= MAX_PREFIX_COMPANIES) {
        found.addAll(beginnings);
      }
    }
    found.sort(order(country));
    return found;
  }

  /** The best company for a name, or empty. */
  Optional<Company> best(List<String> words, Optional<String> country) {
    return hits(words, country).stream().map(Hit::company).findFirst();
  }

  /**
   * Strongest match first; then a record for the user's country, one relevant everywhere, the
   * better checked, one reachable on-line, the shorter slug (the main record, not a branch).
   */
  private static Comparator<Hit> order(Optional<String> country) {
    return Comparator.<Hit, Integer>comparing(h -> h.strength().ordinal())
        .thenComparing(h -> country.map(code -> h.company().servesCountry(code) ? 0 : 1).orElse(0))
        .thenComparing(h -> h.company().countries().contains(Company.ALL) ? 0 : 1)
        .thenComparing(h -> h.company().quality().ordinal())
        .thenComparing(
            h -> h.company().email().isPresent() || h.company().webform().isPresent() ? 0 : 1)
        .thenComparing(h -> h.company().slug().length())
        .thenComparing(h -> h.company().slug());
  }
}
