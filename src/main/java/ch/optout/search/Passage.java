package ch.optout.search;

import ch.optout.knowledge.Guide;
import ch.optout.knowledge.Section;
import java.util.Objects;

/** The unit of retrieval: one section of one knowledge file. */
public record Passage(String id, Guide guide, Section section) {
  public Passage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(guide, "guide");
    Objects.requireNonNull(section, "section");
  }

  /** What is indexed and embedded: the title gives a section its context. */
  public String text() {
    return guide.title() + "\n" + section.heading() + "\n" + section.fullText();
  }
}
