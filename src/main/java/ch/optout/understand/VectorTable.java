package ch.optout.understand;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The vectors of every distinct exemplar text, normalised, in one array: a message's cosine with
 * all of them is computed once per message, then read by every classifier.
 */
final class VectorTable {
  private final Map<String, Integer> rows = new HashMap<>();
  private final int dimension;
  private final float[] values;

  VectorTable(List<String> texts, List<float[]> vectors) {
    if (texts.size() != vectors.size()) {
      throw new IllegalArgumentException(
          vectors.size() + " vectors for " + texts.size() + " texts");
    }
    this.dimension = vectors.isEmpty() ? 0 : vectors.get(0).length;
    this.values = new float[texts.size() * dimension];
    for (int i = 0; i < texts.size(); i++) {
      rows.put(texts.get(i), i);
      float[] v = Vectors.normalised(vectors.get(i));
      System.arraycopy(v, 0, values, i * dimension, dimension);
    }
  }

  /** A table of these texts' rows only, in their order; a text without a row is left out. */
  VectorTable select(java.util.Collection<String> texts) {
    List<String> kept = new java.util.ArrayList<>(texts.size());
    for (String t : texts) {
      if (rows.containsKey(t)) {
        kept.add(t);
      }
    }
    return new VectorTable(kept, dimension, this);
  }

  /** The rows of {@code kept}, copied from {@code from} (already normalised). */
  private VectorTable(List<String> kept, int dimension, VectorTable from) {
    this.dimension = dimension;
    this.values = new float[kept.size() * dimension];
    for (int i = 0; i < kept.size(); i++) {
      rows.put(kept.get(i), i);
      System.arraycopy(
          from.values, from.rows.get(kept.get(i)) * dimension, values, i * dimension, dimension);
    }
  }

  /** Whether every one of these texts has a row. */
  boolean covers(List<String> texts) {
    return rows.keySet().containsAll(texts);
  }

  /** The row of a text, or -1 when the table has no vector for it. */
  int row(String text) {
    return rows.getOrDefault(text, -1);
  }

  /** The cosine of a vector with every row, in row order. */
  double[] cosines(float[] vector) {
    float[] q = Vectors.normalised(vector);
    int n = rows.size();
    double[] out = new double[n];
    for (int r = 0; r < n; r++) {
      double sum = 0;
      int base = r * dimension;
      for (int d = 0; d < dimension && d < q.length; d++) {
        sum += q[d] * values[base + d];
      }
      out[r] = sum;
    }
    return out;
  }
}
