package ch.optout.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion, the formula of LangChain4j's {@code ReciprocalRankFuser}: each list adds
 * {@code 1 / (k + rank)} to a passage's score, so ranks matter and raw scores, which BM25 and
 * cosine put on different scales, do not.
 */
final class ReciprocalRankFusion {
  /** The customary constant: it damps the weight of the very first ranks. */
  static final int K = 60;

  private ReciprocalRankFusion() {}

  static List<ScoredPassage> fuse(List<List<ScoredPassage>> lists, int k) {
    Map<String, Double> scores = new LinkedHashMap<>();
    Map<String, Passage> passages = new LinkedHashMap<>();
    for (List<ScoredPassage> list : lists) {
      for (int rank = 0; rank < list.size(); rank++) {
        Passage p = list.get(rank).passage();
        scores.merge(p.id(), 1.0 / (k + rank + 1), Double::sum);
        passages.putIfAbsent(p.id(), p);
      }
    }
    List<ScoredPassage> fused = new ArrayList<>();
    scores.forEach((id, score) -> fused.add(new ScoredPassage(passages.get(id), score)));
    fused.sort(Comparator.comparingDouble(ScoredPassage::score).reversed());
    return fused;
  }
}
