package ch.optout.understand;

import ch.optout.search.VectorSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * The vectors the build saved, read into one table before the understander exists: most of the work
 * of giving the exemplars their vectors, done beside the rest of the start. {@link
 * Understander#useVectors} then keeps the rows of its exemplars.
 */
public final class ExemplarVectors {
  private final VectorTable table;

  private ExemplarVectors(VectorTable table) {
    this.table = table;
  }

  /** Every saved text with its vector, normalised. */
  public static ExemplarVectors of(VectorSnapshot saved) {
    List<String> texts = new ArrayList<>(saved.size());
    List<float[]> vectors = new ArrayList<>(saved.size());
    saved.forEach(
        (text, vector) -> {
          texts.add(text);
          vectors.add(vector);
        });
    return new ExemplarVectors(new VectorTable(texts, vectors));
  }

  VectorTable table() {
    return table;
  }
}
