package ch.optout.knowledge;

import java.util.List;
import java.util.Objects;

/**
 * One level-2 section of a knowledge file.
 *
 * @param heading the heading as written, e.g. "Steps (mobile app)"
 * @param label the part in parentheses of a steps heading ("mobile app"), empty otherwise
 * @param text the prose of the section (paragraphs), inline Markdown kept (bold as {@code **…**})
 * @param items the numbered steps, or the bullets, in order
 * @param line the 1-based line of the heading in its file
 */
public record Section(
    SectionKind kind, String heading, String label, String text, List<String> items, int line) {
  public Section {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(heading, "heading");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(text, "text");
    items = List.copyOf(items);
  }

  /** Prose and items as one text, for indexing. */
  public String fullText() {
    StringBuilder sb = new StringBuilder(text);
    for (String item : items) {
      if (!sb.isEmpty()) {
        sb.append('\n');
      }
      sb.append(item);
    }
    return sb.toString();
  }
}
