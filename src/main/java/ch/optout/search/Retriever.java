package ch.optout.search;

import java.util.List;

/**
 * Finds the passages that best answer a query, best first. Implementations are thread-safe and
 * never throw for odd input: any text, however hostile, is just words.
 */
public interface Retriever {
  List<ScoredPassage> retrieve(SearchQuery query, int limit);
}
