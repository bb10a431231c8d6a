package ch.optout.knowledge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What a guide section is for, recognised from its heading in any language: each language lists its
 * headings in {@code sections.txt} ({@link Language#folder()}).
 */
public enum SectionKind {
  SUMMARY,
  STEPS,
  NOT_COVERED,
  GOOD_TO_KNOW,
  /** an answer card of the "Questions" section: heading the question, label the card id. */
  CARD,
  OTHER;

  static final String FILE = "sections.txt";

  /** Marks a heading that starts headings: "steps…" is "Steps (web)" too. */
  private static final String OPEN = "…";

  /** A heading of one kind, as one language writes it. */
  private record Heading(SectionKind kind, String text, boolean opening) {
    boolean matches(String folded) {
      return opening ? folded.startsWith(text) : folded.equals(text);
    }
  }

  /** Each language's headings, read once: resource data, like the constants of this enum. */
  private static final ConcurrentMap<Language, List<Heading>> HEADINGS = new ConcurrentHashMap<>();

  /**
   * Classifies a level-2 heading such as "Steps (web)" or "Ce que cela ne couvre pas", in any
   * language OptOut speaks or the guide's own.
   */
  public static SectionKind ofHeading(String heading, Language language) {
    String h = heading.strip().toLowerCase(Locale.ROOT);
    Set<Language> languages = new LinkedHashSet<>(Arrays.asList(Language.values()));
    languages.add(language);
    for (SectionKind kind : List.of(STEPS, SUMMARY, NOT_COVERED, GOOD_TO_KNOW)) {
      for (Language l : languages) {
        for (Heading candidate : headings(l)) {
          if (candidate.kind() == kind && candidate.matches(h)) {
            return kind;
          }
        }
      }
    }
    return OTHER;
  }

  /** The heading to write for this kind in a language: "Steps", « Étapes ». */
  public String heading(Language language) {
    return headings(language).stream()
        .filter(h -> h.kind() == this)
        .findFirst()
        .map(h -> h.text().substring(0, 1).toUpperCase(language.locale()) + h.text().substring(1))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    language.folder() + FILE + " has no heading for " + this.name()));
  }

  private static List<Heading> headings(Language language) {
    return HEADINGS.computeIfAbsent(language, SectionKind::read);
  }

  private static List<Heading> read(Language language) {
    String file = language.folder() + FILE;
    List<Heading> out = new ArrayList<>();
    List<String> lines = Resources.required(file, "it names the sections of a guide");
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\t");
      SectionKind kind =
          parts.length != 2
              ? null
              : switch (parts[0].strip()) {
                case "summary" -> SUMMARY;
                case "steps" -> STEPS;
                case "not-covered" -> NOT_COVERED;
                case "good-to-know" -> GOOD_TO_KNOW;
                default -> null;
              };
      if (kind == null) {
        throw new IllegalStateException(
            file
                + ":"
                + (i + 1)
                + ": expected 'summary|steps|not-covered|good-to-know<TAB>heading'");
      }
      String text = parts[1].strip().toLowerCase(Locale.ROOT);
      boolean opening = text.endsWith(OPEN);
      out.add(new Heading(kind, opening ? text.substring(0, text.length() - 1) : text, opening));
    }
    return List.copyOf(out);
  }
}
