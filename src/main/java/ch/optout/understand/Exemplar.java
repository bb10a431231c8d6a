package ch.optout.understand;

import java.util.Objects;

/**
 * One example of how people say something, with what it means: a label of one task (an act, an
 * off-topic kind, a shape, a card id).
 *
 * @param group the document an answer card's exemplar comes from ("linkedin"), so that a card can
 *     be chosen among one guide's; empty for the language packs' exemplars
 */
public record Exemplar(String label, String text, String group) {
  public Exemplar {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(group, "group");
    if (label.isBlank() || text.isBlank()) {
      throw new IllegalArgumentException("an exemplar needs a label and a text");
    }
  }

  public Exemplar(String label, String text) {
    this(label, text, "");
  }
}
