package ch.optout.answer;

import ch.optout.knowledge.Resources;
import ch.optout.search.Text;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The data protection law that applies to a user, which decides the wording of a letter. */
public enum LegalRegime {
  /** GDPR, Art. 21: the EU and the EEA (Norway, Iceland, Liechtenstein). */
  EU("letter-gdpr"),
  /** UK GDPR, Art. 21. */
  UK("letter-uk-gdpr"),
  /** The revised Swiss Federal Act on Data Protection, Art. 30. */
  CH("letter-swiss-fadp");

  /** The names users give each region, in any language. */
  static final String NAMES = "understanding/legal-regimes.tsv";

  private final String letterId;
  private final Set<String> names;

  LegalRegime(String letterId) {
    this.letterId = letterId;
    this.names = names(name());
  }

  private static Set<String> names(String regime) {
    for (String line : Resources.entries(NAMES)) {
      String[] parts = line.split("\t", 2);
      if (parts.length == 2 && parts[0].strip().equals(regime)) {
        return Arrays.stream(parts[1].split("\\|"))
            .map(String::strip)
            .filter(n -> !n.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
      }
    }
    throw new IllegalStateException(NAMES + " has no line for " + regime);
  }

  /** The id of the letter template in knowledge/letters. */
  public String letterId() {
    return letterId;
  }

  /** Reads "EU", "Suisse", "royaume-uni", "1"/"2"/"3" (the order offered to users). */
  public static Optional<LegalRegime> parse(String text) {
    String folded = Text.wordLine(text);
    switch (folded) {
      case "1":
        return Optional.of(EU);
      case "2":
        return Optional.of(UK);
      case "3":
        return Optional.of(CH);
      default:
        break;
    }
    for (LegalRegime regime : values()) {
      if (regime.names.contains(folded) || regime.name().equalsIgnoreCase(folded)) {
        return Optional.of(regime);
      }
    }
    return Optional.empty();
  }

  /**
   * A region named anywhere in a request ("under Swiss law", « je suis au Royaume-Uni »), by the
   * same names as {@link #parse}; the first named wins. Two-letter names count only when
   * unambiguous ("uk", "ch"): "eu" is also French for "had".
   */
  public static Optional<LegalRegime> mentionedIn(String text) {
    String words = " " + Text.wordLine(text) + " ";
    Optional<LegalRegime> first = Optional.empty();
    int firstAt = Integer.MAX_VALUE;
    for (LegalRegime regime : values()) {
      for (String name : regime.names) {
        int at = words.indexOf(" " + name + " ");
        boolean clear = name.length() >= 3 || name.equals("uk") || name.equals("ch");
        if (clear && at >= 0 && at < firstAt) {
          first = Optional.of(regime);
          firstAt = at;
        }
      }
    }
    return first;
  }

  /** "Duolingo ch" → "Duolingo": a request's text without the regions it names. */
  public static String withoutRegion(String text) {
    List<String> kept = new java.util.ArrayList<>();
    for (String word : Text.words(text)) {
      boolean region = false;
      for (LegalRegime regime : values()) {
        region |= regime.names.contains(word) || regime.name().equalsIgnoreCase(word);
      }
      if (!region) {
        kept.add(word);
      }
    }
    return String.join(" ", kept);
  }
}
