package ch.optout.search;

import ch.optout.knowledge.Language;
import ch.optout.knowledge.Resources;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The language of short, accent-less, typo-ridden questions. Each language scores its function
 * words, letters and elisions, weighted in its {@code detector.tsv} ({@link Language#folder()});
 * general-purpose detectors were weaker on such texts (see issue 4 notes).
 */
public final class LanguageDetector {
  static final String FILE = "detector.tsv";

  /** The best language must lead the next by this much; else the text does not decide. */
  static final double MARGIN = 1.5;

  /** One language's clues: words with their weight, and patterns whose every match counts. */
  private record Clues(Language language, Map<String, Double> words, List<Weighted> patterns) {}

  private record Weighted(Pattern pattern, double weight) {}

  private final List<Clues> clues = new ArrayList<>();

  /** Tells apart the languages OptOut speaks. */
  public LanguageDetector() {
    this(Arrays.asList(Language.values()));
  }

  /**
   * @throws IllegalStateException when a language has no detector.tsv, or a line of it is not
   *     {@code word<TAB>weight} or {@code /pattern/<TAB>weight}
   */
  public LanguageDetector(List<Language> languages) {
    for (Language language : languages) {
      clues.add(clues(language));
    }
  }

  /** Detected language and how sure; {@code ambiguous} when no language wins clearly. */
  public record Detection(Optional<Language> language, double margin) {
    public boolean ambiguous() {
      return language.isEmpty();
    }
  }

  public Detection detect(String text) {
    List<String> words = Text.words(text);
    String lower = text.toLowerCase(Locale.ROOT);
    Language best = null;
    double first = Double.NEGATIVE_INFINITY;
    double second = Double.NEGATIVE_INFINITY;
    for (Clues c : clues) {
      double score = 0;
      for (String word : words) {
        score += c.words().getOrDefault(word, 0.0);
      }
      for (Weighted w : c.patterns()) {
        score += w.weight() * w.pattern().matcher(lower).results().count();
      }
      if (score > first) {
        second = first;
        first = score;
        best = c.language();
      } else if (score > second) {
        second = score;
      }
    }
    if (best == null) {
      return new Detection(Optional.empty(), 0);
    }
    // a lone language competes with silence
    double margin = first - (clues.size() > 1 ? second : 0);
    if (margin < MARGIN) {
      return new Detection(Optional.empty(), margin);
    }
    return new Detection(Optional.of(best), margin);
  }

  /** The question's language, else the fallback (chat preference, client language, English). */
  public Language detectOr(String text, Language fallback) {
    return detect(text).language().orElse(fallback);
  }

  private static Clues clues(Language language) {
    String file = language.folder() + FILE;
    List<String> lines = Resources.required(file, "it says how to recognise the language");
    Map<String, Double> words = new HashMap<>();
    List<Weighted> patterns = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\t");
      try {
        if (parts.length != 2) {
          throw new IllegalArgumentException(
              "expected 'word<TAB>weight' or '/pattern/<TAB>weight'");
        }
        String clue = parts[0].strip();
        double weight = Double.parseDouble(parts[1].strip());
        if (clue.length() > 2 && clue.startsWith("/") && clue.endsWith("/")) {
          patterns.add(new Weighted(Pattern.compile(clue.substring(1, clue.length() - 1)), weight));
        } else {
          words.put(Text.wordLine(clue), weight);
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return new Clues(language, Map.copyOf(words), List.copyOf(patterns));
  }
}
