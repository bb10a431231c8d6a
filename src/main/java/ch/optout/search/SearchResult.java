package ch.optout.search;

import java.util.List;
import java.util.Objects;

/**
 * Retrieved passages and how far they can be trusted.
 *
 * @param confidence 0 to 1; below {@link KnowledgeSearch#THRESHOLD} OptOut declines
 * @param unknownPlatform the question names a platform OptOut has no guide for ("Bumble")
 */
public record SearchResult(
    Understanding understanding,
    List<ScoredPassage> hits,
    double confidence,
    boolean unknownPlatform) {
  public SearchResult {
    Objects.requireNonNull(understanding, "understanding");
    hits = List.copyOf(hits);
  }

  public SearchResult(Understanding understanding, List<ScoredPassage> hits, double confidence) {
    this(understanding, hits, confidence, false);
  }

  public boolean confident() {
    return confidence >= KnowledgeSearch.THRESHOLD;
  }
}
