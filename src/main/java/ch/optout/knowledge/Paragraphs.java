package ch.optout.knowledge;

import java.util.ArrayList;
import java.util.List;

/** Cuts plain text into passages of whole paragraphs, so each one can be found and cited alone. */
final class Paragraphs {
  static final int MAX_CHARS = 1200;

  private Paragraphs() {}

  static List<Section> sections(String text, String heading) {
    List<Section> sections = new ArrayList<>();
    StringBuilder chunk = new StringBuilder();
    int line = 1;
    int chunkLine = 1;
    for (String paragraph : text.split("\\R\\s*\\R")) {
      String p = paragraph.strip().replaceAll("\\s*\\R\\s*", " ");
      if (!p.isEmpty()) {
        if (!chunk.isEmpty() && chunk.length() + p.length() > MAX_CHARS) {
          sections.add(
              new Section(SectionKind.OTHER, heading, "", chunk.toString(), List.of(), chunkLine));
          chunk.setLength(0);
        }
        if (chunk.isEmpty()) {
          chunkLine = line;
        } else {
          chunk.append("\n\n");
        }
        chunk.append(p);
      }
      line += paragraph.split("\\R", -1).length + 1;
    }
    if (!chunk.isEmpty()) {
      sections.add(
          new Section(SectionKind.OTHER, heading, "", chunk.toString(), List.of(), chunkLine));
    }
    return sections;
  }
}
