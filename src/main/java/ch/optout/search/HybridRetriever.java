package ch.optout.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * BM25 and vectors fused by reciprocal rank, then passages of the platforms the question names
 * lifted above the rest: a named platform is the strongest signal a question carries.
 */
public final class HybridRetriever implements Retriever {
  /**
   * Added to a fused score (at most 2 / (K + 1), about 0.033) when the passage's platform is named.
   */
  static final double PLATFORM_BOOST = 0.05;

  private final List<Retriever> retrievers;

  public HybridRetriever(List<Retriever> retrievers) {
    this.retrievers = List.copyOf(retrievers);
  }

  @Override
  public List<ScoredPassage> retrieve(SearchQuery query, int limit) {
    List<List<ScoredPassage>> lists = new ArrayList<>();
    for (Retriever r : retrievers) {
      lists.add(r.retrieve(query, limit * 2));
    }
    List<ScoredPassage> boosted = new ArrayList<>();
    for (ScoredPassage hit : ReciprocalRankFusion.fuse(lists, ReciprocalRankFusion.K)) {
      boolean named = query.platforms().contains(hit.passage().guide().id());
      boosted.add(named ? new ScoredPassage(hit.passage(), hit.score() + PLATFORM_BOOST) : hit);
    }
    boosted.sort(Comparator.comparingDouble(ScoredPassage::score).reversed());
    return boosted.size() > limit ? List.copyOf(boosted.subList(0, limit)) : boosted;
  }
}
