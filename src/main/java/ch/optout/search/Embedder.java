package ch.optout.search;

/** Turns text into a dense vector; implementations are thread-safe. */
public interface Embedder {
  float[] embed(String text);

  int dimension();
}
