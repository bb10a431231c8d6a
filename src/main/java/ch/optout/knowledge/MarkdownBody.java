package ch.optout.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Splits a Markdown body into level-2 sections with commonmark-java. Inline Markdown (bold) is kept
 * as written, from the source spans, so that each channel renders it its own way.
 */
final class MarkdownBody {
  private final Parser parser =
      Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

  /** A section while it is read; {@code ordered} tells numbered steps from bullets. */
  record RawSection(String heading, int line, String text, List<String> items, boolean ordered) {}

  /**
   * @param firstLine the 1-based line of the file where {@code body} starts
   * @param defaultHeading the heading of text that comes before any level-2 heading
   */
  List<RawSection> sections(String body, int firstLine, String defaultHeading) {
    String[] lines = body.split("\r?\n", -1);
    Node document = parser.parse(body);
    List<RawSection> sections = new ArrayList<>();
    Builder current = new Builder(defaultHeading, firstLine);
    for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof Heading heading && heading.getLevel() <= 2) {
        current.finish().ifPresent(sections::add);
        current =
            new Builder(
                source(heading, lines).replaceFirst("^#+\\s*", "").strip(),
                lineOf(node, firstLine));
      } else if (node instanceof ListBlock list) {
        current.ordered |= list instanceof OrderedList;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
          if (item instanceof ListItem) {
            String itemText = itemText((ListItem) item, lines);
            if (!itemText.isEmpty()) {
              current.items.add(itemText);
            }
          }
        }
      } else if (!(node instanceof ThematicBreak) && !node.getSourceSpans().isEmpty()) {
        String text =
            source(node, lines).replaceFirst("^#+\\s*", "").replaceAll("(?m)^>\\s?", "").strip();
        if (!text.isEmpty()) {
          current.paragraphs.add(joinLines(text));
        }
      }
    }
    current.finish().ifPresent(sections::add);
    return sections;
  }

  private static int lineOf(Node node, int firstLine) {
    List<SourceSpan> spans = node.getSourceSpans();
    return spans.isEmpty() ? firstLine : spans.get(0).getLineIndex() + firstLine;
  }

  private static String itemText(ListItem item, String[] lines) {
    List<String> parts = new ArrayList<>();
    for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
      String text = source(child, lines).strip();
      if (!text.isEmpty()) {
        parts.add(joinLines(text));
      }
    }
    return String.join(" ", parts);
  }

  /** The Markdown source of a block, without its list marker or indentation. */
  private static String source(Node node, String[] lines) {
    StringBuilder sb = new StringBuilder();
    for (SourceSpan span : node.getSourceSpans()) {
      String line = lines[span.getLineIndex()];
      int end = Math.min(line.length(), span.getColumnIndex() + span.getLength());
      if (!sb.isEmpty()) {
        sb.append('\n');
      }
      sb.append(line, Math.min(span.getColumnIndex(), end), end);
    }
    return sb.toString();
  }

  private static String joinLines(String text) {
    return text.replaceAll("\\s*\\n\\s*", " ");
  }

  private static final class Builder {
    private final String heading;
    private final int line;
    private final List<String> paragraphs = new ArrayList<>();
    private final List<String> items = new ArrayList<>();
    private boolean ordered;

    Builder(String heading, int line) {
      this.heading = heading;
      this.line = line;
    }

    Optional<RawSection> finish() {
      if (paragraphs.isEmpty() && items.isEmpty() && heading.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new RawSection(heading, line, String.join("\n\n", paragraphs), items, ordered));
    }
  }
}
