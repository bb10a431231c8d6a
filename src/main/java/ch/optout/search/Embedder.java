package ch.optout.search;

import java.util.List;

/** Turns text into a dense vector; implementations are thread-safe. */
public interface Embedder {
  float[] embed(String text);

  /** Many texts at once, in order; implementations may parallelise. */
  default List<float[]> embedAll(List<String> texts) {
    return texts.stream().map(this::embed).toList();
  }
}
