package ch.optout.understand;

import ch.optout.search.PlatformMatcher;
import ch.optout.search.Text;
import ch.optout.search.UncoveredServices;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replaces the names of platforms and services by one neutral word, so that a message is compared
 * with exemplars by what it asks, not by which platform it names: "write a LinkedIn headline" and
 * "does LinkedIn use my CV?" share only the name.
 */
final class Masker {
  /** The word a name becomes, in messages and exemplars alike. */
  static final String TOKEN = "xplatform";

  private final PlatformMatcher platforms;
  private final UncoveredServices uncovered;

  Masker(PlatformMatcher platforms, UncoveredServices uncovered) {
    this.platforms = platforms;
    this.uncovered = uncovered;
  }

  /** A masked text without its name tokens. */
  static String withoutNames(String masked) {
    return (" " + masked + " ").replace(" " + TOKEN + " ", " ").strip().replaceAll(" +", " ");
  }

  /** The folded words of a text, each platform or service name one {@link #TOKEN}. */
  String mask(String text) {
    List<String> words = Text.words(text);
    boolean[] named = new boolean[words.size()];
    for (PlatformMatcher.Match m : platforms.find(text)) {
      for (int i = m.start(); i < m.end() && i < named.length; i++) {
        named[i] = true;
      }
    }
    Optional<UncoveredServices.Match> service = uncovered.find(text);
    service.ifPresent(
        s -> {
          for (int i = s.start(); i < s.end() && i < named.length; i++) {
            named[i] = true;
          }
        });
    List<String> out = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      if (!named[i]) {
        out.add(words.get(i));
      } else if (i == 0 || !named[i - 1]) {
        out.add(TOKEN);
      }
    }
    return String.join(" ", out);
  }
}
