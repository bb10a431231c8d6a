package ch.optout.search;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A capitalised name, mid-sentence, that no alias knows and that is no common name (a place, a
 * month, a law, a device): the name of a platform OptOut has no guide for.
 */
final class UnknownNames {
  /** A capitalised word that does not start a sentence. */
  private static final Pattern CAPITALISED =
      Pattern.compile("(?<=[\\p{L}\\p{N},;'’)]\\s{1,3})(\\p{Lu}\\p{Ll}{2,})\\b");

  /** Capitalised words that name no platform. */
  private static final Set<String> COMMON_NAMES =
      Set.of(
          "europe",
          "european",
          "europeen",
          "europeenne",
          "switzerland",
          "suisse",
          "swiss",
          "france",
          "french",
          "english",
          "francais",
          "anglais",
          "germany",
          "allemagne",
          "britain",
          "england",
          "united",
          "kingdom",
          "states",
          "america",
          "american",
          "geneva",
          "geneve",
          "lausanne",
          "zurich",
          "bern",
          "berne",
          "brussels",
          "bruxelles",
          "paris",
          "london",
          "january",
          "february",
          "march",
          "april",
          "may",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december",
          "janvier",
          "fevrier",
          "mars",
          "avril",
          "mai",
          "juin",
          "juillet",
          "aout",
          "septembre",
          "octobre",
          "novembre",
          "decembre",
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday",
          "article",
          "regulation",
          "act",
          "law",
          "loi",
          "court",
          "commission",
          "temps",
          "internet",
          "web",
          "android",
          "iphone",
          "apple",
          "ios",
          "windows",
          "mac",
          "chrome",
          "firefox",
          "safari",
          "optout",
          "help",
          "settings",
          "privacy",
          "data",
          "terms");

  /** Every word of every alias. */
  private final Set<String> aliasWords;

  UnknownNames(Set<String> aliasWords) {
    this.aliasWords = Set.copyOf(aliasWords);
  }

  /** The first unknown name in a question. */
  Optional<String> find(String question) {
    Matcher m = CAPITALISED.matcher(question);
    while (m.find()) {
      String word = m.group(1);
      String folded = Text.fold(word);
      boolean known = COMMON_NAMES.contains(folded) || aliasWords.contains(folded);
      if (!known) {
        return Optional.of(word);
      }
    }
    return Optional.empty();
  }
}
