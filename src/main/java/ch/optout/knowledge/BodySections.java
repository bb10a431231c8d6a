package ch.optout.knowledge;

import java.util.ArrayList;
import java.util.List;

/** A knowledge file's body as {@link Section}s: by Markdown heading, or a letter kept whole. */
final class BodySections {
  private final MarkdownBody markdown = new MarkdownBody();

  /**
   * @param defaultHeading the heading of text before the first one
   */
  List<Section> sections(String body, int firstLine, String defaultHeading, Language language) {
    List<Section> sections = new ArrayList<>();
    for (MarkdownBody.RawSection raw : markdown.sections(body, firstLine, defaultHeading)) {
      SectionKind kind = SectionKind.ofHeading(raw.heading(), language);
      if (kind == SectionKind.STEPS && !raw.ordered()) {
        kind = SectionKind.OTHER;
      }
      sections.add(
          new Section(
              kind, raw.heading(), label(raw.heading()), raw.text(), raw.items(), raw.line()));
    }
    return sections;
  }

  /** A letter is kept as written, Markdown and all: it is meant to be copied, not read in parts. */
  static List<Section> letter(String file, String body, int firstLine, List<Problem> problems) {
    String text = body.strip().replaceFirst("^##[^\n]*\n", "").strip();
    for (String placeholder : List.of("{platform}", "{contact}")) {
      if (!text.contains(placeholder)) {
        problems.add(
            Problem.error(file, firstLine, "letter template lacks the placeholder " + placeholder));
      }
    }
    return List.of(new Section(SectionKind.OTHER, "Letter", "", text, List.of(), firstLine));
  }

  private static String label(String heading) {
    int open = heading.indexOf('(');
    int close = heading.lastIndexOf(')');
    return open >= 0 && close > open ? heading.substring(open + 1, close).strip() : "";
  }
}
