package ch.optout.understand;

import java.util.Objects;

/**
 * One example of how people say something, with what it means: a label of one task (an act, an
 * off-topic kind, a shape, a card id).
 */
public record Exemplar(String label, String text) {
  public Exemplar {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(text, "text");
    if (label.isBlank() || text.isBlank()) {
      throw new IllegalArgumentException("an exemplar needs a label and a text");
    }
  }
}
