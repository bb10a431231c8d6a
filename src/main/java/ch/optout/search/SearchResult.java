package ch.optout.search;

import java.util.List;
import java.util.Objects;

/**
 * Retrieved passages and how far they can be trusted.
 *
 * @param confidence 0 to 1; below {@link KnowledgeSearch#THRESHOLD} OptOut declines
 */
public record SearchResult(Understanding understanding, List<ScoredPassage> hits, double confidence) {
  public SearchResult {
    Objects.requireNonNull(understanding, "understanding");
    hits = List.copyOf(hits);
  }

  public boolean confident() {
    return confidence >= KnowledgeSearch.THRESHOLD;
  }
}
