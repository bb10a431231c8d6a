package ch.optout.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Embeds with the vectors computed at build time where it has them, and with the model for the rest
 * (a question, a knowledge folder of one's own).
 */
public final class StoredEmbedder implements Embedder {
  private final VectorSnapshot stored;
  private final Embedder model;

  public StoredEmbedder(VectorSnapshot stored, Embedder model) {
    this.stored = stored;
    this.model = model;
  }

  @Override
  public float[] embed(String text) {
    return stored.vector(text).orElseGet(() -> model.embed(text));
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    List<float[]> out = new ArrayList<>(texts.size());
    List<String> missing = new ArrayList<>();
    for (String t : texts) {
      float[] v = stored.vector(t).orElse(null);
      out.add(v);
      if (v == null) {
        missing.add(t);
      }
    }
    if (!missing.isEmpty()) {
      List<float[]> computed = model.embedAll(missing);
      int k = 0;
      for (int i = 0; i < out.size(); i++) {
        if (out.get(i) == null) {
          out.set(i, computed.get(k++));
        }
      }
    }
    return out;
  }
}
