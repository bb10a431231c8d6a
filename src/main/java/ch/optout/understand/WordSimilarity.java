package ch.optout.understand;

import ch.optout.search.Text;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The TF-IDF cosine of a message with each exemplar, over their stems: rare shared words count,
 * common ones hardly; a word one or two typos from a known one counts as that word.
 */
final class WordSimilarity {
  private final int size;
  private final Map<String, Integer> termIds = new HashMap<>();
  private final Map<Character, List<String>> vocabulary = new HashMap<>();
  private final int[][] postings;
  private final double[] idf;
  private final double[] norms;

  /**
   * @param stems each exemplar's stems, in exemplar order
   */
  WordSimilarity(List<Set<String>> stems) {
    this.size = stems.size();
    int[][] terms = new int[size][];
    List<List<Integer>> lists = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      Set<String> own = stems.get(i);
      int[] ids = new int[own.size()];
      int k = 0;
      for (String t : own) {
        Integer id = termIds.get(t);
        if (id == null) {
          id = termIds.size();
          termIds.put(t, id);
          lists.add(new ArrayList<>());
          vocabulary.computeIfAbsent(t.charAt(0), c -> new ArrayList<>()).add(t);
        }
        ids[k++] = id;
        lists.get(id).add(i);
      }
      terms[i] = ids;
    }
    this.postings = new int[lists.size()][];
    this.idf = new double[lists.size()];
    for (int t = 0; t < lists.size(); t++) {
      postings[t] = lists.get(t).stream().mapToInt(Integer::intValue).toArray();
      idf[t] = Math.log(1 + size / (double) postings[t].length);
    }
    this.norms = new double[size];
    for (int i = 0; i < size; i++) {
      double sum = 0;
      for (int t : terms[i]) {
        sum += idf[t] * idf[t];
      }
      norms[i] = Math.sqrt(sum);
    }
  }

  /**
   * The TF-IDF cosine of the message with each exemplar, in exemplar order.
   *
   * @param stems the message's stems
   */
  double[] of(Set<String> stems) {
    double[] out = new double[size];
    List<Integer> asked = new ArrayList<>();
    double unknown = Math.log(1 + size / 0.5);
    double norm = 0;
    for (String t : stems) {
      Optional<Integer> id = known(t);
      if (id.isPresent() && !asked.contains(id.get())) {
        asked.add(id.get());
        norm += idf[id.get()] * idf[id.get()];
      } else if (id.isEmpty()) {
        norm += unknown * unknown;
      }
    }
    if (asked.isEmpty()) {
      return out;
    }
    norm = Math.sqrt(norm);
    for (int t : asked) {
      double w = idf[t] * idf[t];
      for (int i : postings[t]) {
        out[i] += w;
      }
    }
    for (int i = 0; i < out.length; i++) {
      if (out[i] > 0) {
        out[i] /= norm * norms[i];
      }
    }
    return out;
  }

  /** A word's id, or that of a known word one or two typos away ("traning" → "train"). */
  private Optional<Integer> known(String t) {
    Integer id = termIds.get(t);
    if (id != null || t.length() < 5) {
      return Optional.ofNullable(id);
    }
    int allowed = t.length() >= 9 ? 2 : 1;
    String best = null;
    int bestDistance = allowed + 1;
    for (String candidate : vocabulary.getOrDefault(t.charAt(0), List.of())) {
      if (Math.abs(candidate.length() - t.length()) > allowed) {
        continue;
      }
      int d = Text.distance(t, candidate, allowed);
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    return Optional.ofNullable(best).map(termIds::get);
  }
}
