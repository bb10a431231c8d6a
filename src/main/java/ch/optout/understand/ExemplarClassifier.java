package ch.optout.understand;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Labels a message by the exemplars nearest to it, the way people's wordings resemble each other.
 * Each exemplar is compared in words (a TF-IDF cosine over the language's stems, typos mended to a
 * known word) and, once the embedding model is ready, in meaning (the cosine of their vectors); the
 * labels of the nearest exemplars vote. Small sets (acts, shapes) also vote through Lucene's kNN
 * classifier ({@link LuceneVotes}). Thread-safe.
 */
final class ExemplarClassifier {
  /** Neighbours that vote. */
  static final int K = 12;

  /** A label and its blended score, 0 to 1. */
  record Vote(String label, double score) {}

  /**
   * What the classifier makes of a message.
   *
   * @param votes every label with a vote, best first; scores sum to about 1
   * @param cosine per label, the best cosine to one of its exemplars; empty without vectors
   * @param similarity per label, the best TF-IDF cosine with one of its exemplars: rare shared
   *     words count, common ones hardly
   * @param byGroup per "group|label" (a guide's card), the best similarity and the best cosine
   */
  record Result(
      List<Vote> votes,
      Map<String, Double> cosine,
      Map<String, Double> similarity,
      Map<String, double[]> byGroup) {
    /** Nothing read: no vote, no score. */
    static final Result EMPTY = new Result(List.of(), Map.of(), Map.of(), Map.of());

    Optional<Vote> best() {
      return votes.stream().findFirst();
    }

    double score(String label) {
      return votes.stream().filter(v -> v.label().equals(label)).mapToDouble(Vote::score).sum();
    }

    double cosine(String label) {
      return cosine.getOrDefault(label, 0.0);
    }

    double similarity(String label) {
      return similarity.getOrDefault(label, 0.0);
    }
  }

  private final ExemplarAnalyzer analysis;
  private final UnaryOperator<String> lexical;
  private final Optional<LuceneVotes> lucene;
  private final List<Exemplar> exemplars;
  private final WordSimilarity words;
  private volatile int[] rows;

  /**
   * @param exemplars as written; their vectors are of these texts
   * @param lexical the form words are compared in (names masked, or dropped), applied to exemplars
   *     here and to messages by the caller
   * @param stems the stems of a form, as {@code analysis} gives them (worked out once for all)
   * @param withLucene whether Lucene's kNN classifier votes too (for small sets)
   */
  ExemplarClassifier(
      ExemplarAnalyzer analysis,
      List<Exemplar> exemplars,
      UnaryOperator<String> lexical,
      Function<String, Set<String>> stems,
      boolean withLucene) {
    this.exemplars = List.copyOf(exemplars);
    this.lexical = lexical;
    this.analysis = analysis;
    List<String> forms = this.exemplars.stream().map(e -> lexical.apply(e.text())).toList();
    this.lucene =
        withLucene
            ? Optional.of(
                new LuceneVotes(
                    analysis, this.exemplars.stream().map(Exemplar::label).toList(), forms))
            : Optional.empty();
    this.words = new WordSimilarity(forms.stream().map(stems).toList());
  }

  List<Exemplar> exemplars() {
    return exemplars;
  }

  /** The form a message is compared in, as the exemplars were. */
  String form(String message) {
    return lexical.apply(message);
  }

  /** Links the exemplars to their vectors in a table, once computed. */
  void vectors(VectorTable table) {
    int[] r = new int[exemplars.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = table.row(exemplars.get(i).text());
    }
    this.rows = r;
  }

  /**
   * @param form the message in this classifier's form ({@link #form})
   * @param cosines the message's cosine with every row of the vector table, when the model is ready
   */
  Result classify(String form, Optional<double[]> cosines) {
    double[] sims = words.of(analysis.stems(form));
    int[] r = rows;
    double[] cos = cosines.isPresent() && r != null ? new double[exemplars.size()] : null;
    if (cos != null) {
      double[] all = cosines.get();
      for (int i = 0; i < cos.length; i++) {
        cos[i] = r[i] >= 0 ? all[r[i]] : 0;
      }
    }
    Map<String, Double> similarity = new HashMap<>();
    Map<String, Double> cosine = new HashMap<>();
    Map<String, double[]> byGroup = new HashMap<>();
    for (int i = 0; i < sims.length; i++) {
      Exemplar e = exemplars.get(i);
      if (sims[i] > 0) {
        similarity.merge(e.label(), sims[i], Math::max);
      }
      if (cos != null) {
        cosine.merge(e.label(), cos[i], Math::max);
      }
      if (!e.group().isEmpty() && (sims[i] > 0 || cos != null)) {
        double[] g = byGroup.computeIfAbsent(e.group() + "|" + e.label(), k -> new double[2]);
        g[0] = Math.max(g[0], sims[i]);
        if (cos != null) {
          g[1] = Math.max(g[1], cos[i]);
        }
      }
    }
    Map<String, Double> votes = neighbours(sims, cos);
    lucene.ifPresent(l -> merge(votes, l.votes(form)));
    List<Vote> ranked =
        votes.entrySet().stream()
            .map(e -> new Vote(e.getKey(), e.getValue()))
            .sorted(Comparator.comparingDouble(Vote::score).reversed())
            .toList();
    return new Result(ranked, cosine, similarity, byGroup);
  }

  /** The labels of the {@link #K} nearest exemplars, each weighted by its nearness; sum 1. */
  private Map<String, Double> neighbours(double[] sims, double[] cos) {
    int n = sims.length;
    double[] near = new double[n];
    for (int i = 0; i < n; i++) {
      near[i] = cos == null ? sims[i] : 0.5 * sims[i] + Math.max(0, cos[i]);
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(near[b], near[a]));
    Map<String, Double> votes = new LinkedHashMap<>();
    double sum = 0;
    for (int k = 0; k < Math.min(K, n); k++) {
      double w = near[order[k]];
      if (w <= 0) {
        break;
      }
      votes.merge(exemplars.get(order[k]).label(), w, Double::sum);
      sum += w;
    }
    double total = sum;
    votes.replaceAll((label, w) -> w / total);
    return votes;
  }

  private static void merge(Map<String, Double> votes, Map<String, Double> other) {
    if (other.isEmpty()) {
      return;
    }
    votes.replaceAll((label, v) -> v / 2);
    other.forEach((label, v) -> votes.merge(label, v / 2, Double::sum));
  }
}
