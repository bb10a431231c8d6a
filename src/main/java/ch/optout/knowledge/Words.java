package ch.optout.knowledge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folded words for comparing names: lower case, accents removed, letters and digits only. The same
 * folding as the search package's, which this package cannot depend on.
 */
final class Words {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private Words() {}

  static String fold(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
  }

  /** "Strava, Inc." gives "strava", "inc". */
  static List<String> of(String text) {
    List<String> words = new ArrayList<>();
    for (String w : NON_WORD.split(fold(text))) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return words;
  }

  /** The non-blank, non-comment lines of a resource, or none when it is absent. */
  static List<String> resourceLines(String resource) {
    try (InputStream in = Words.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return List.of();
      }
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        return r.lines()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
