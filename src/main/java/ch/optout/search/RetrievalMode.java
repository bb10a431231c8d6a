package ch.optout.search;

import java.util.Locale;
import java.util.Optional;

/** Which retrievers answer: for measuring what each part adds. */
public enum RetrievalMode {
  BM25,
  DENSE,
  HYBRID;

  public static Optional<RetrievalMode> parse(String value) {
    try {
      return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
