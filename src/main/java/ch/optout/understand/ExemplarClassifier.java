package ch.optout.understand;

import ch.optout.knowledge.Language;
import ch.optout.search.Analyzers;
import ch.optout.search.Text;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.classification.ClassificationResult;
import org.apache.lucene.classification.KNearestNeighborClassifier;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Labels a message by the exemplars nearest to it, the way people's wordings resemble each other.
 * Each exemplar is compared in words (a TF-IDF cosine over the language's stems, typos mended to a
 * known word) and, once the embedding model is ready, in meaning (the cosine of their vectors); the
 * labels of the nearest exemplars vote. Small sets (acts, shapes) also vote through Lucene's {@link
 * KNearestNeighborClassifier} with BM25 over stems and character trigrams. Thread-safe.
 */
final class ExemplarClassifier {
  /** Lucene fields of an exemplar document. */
  private static final String LABEL = "label"; // stored: what the neighbour votes for

  private static final String WORDS = "words"; // stemmed words, the main evidence
  private static final String GRAMS =
      "grams"; // character trigrams: "retroactiv" meets "rétroactif"

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

  private final Analyzer analyzer;
  private final UnaryOperator<String> lexical;
  private final Optional<DirectoryReader> lucene;
  private final List<Exemplar> exemplars;
  private final int[][] terms;
  private final Map<String, Integer> termIds = new HashMap<>();
  private final Map<Character, List<String>> vocabulary = new HashMap<>();
  private final int[][] postings;
  private final double[] idf;
  private final double[] norms;
  private volatile int[] rows;

  /**
   * @param exemplars as written; their vectors are of these texts
   * @param lexical the form words are compared in (names masked, or dropped), applied to exemplars
   *     here and to messages by the caller
   * @param withLucene whether Lucene's kNN classifier votes too (for small sets)
   */
  ExemplarClassifier(
      Language language,
      List<Exemplar> exemplars,
      UnaryOperator<String> lexical,
      boolean withLucene) {
    this.exemplars = List.copyOf(exemplars);
    this.lexical = lexical;
    this.analyzer =
        new PerFieldAnalyzerWrapper(Analyzers.forLanguage(language), Map.of(GRAMS, trigrams()));
    List<String> forms = this.exemplars.stream().map(e -> lexical.apply(e.text())).toList();
    this.lucene = withLucene ? Optional.of(index(forms)) : Optional.empty();
    this.terms = new int[forms.size()][];
    List<List<Integer>> lists = new ArrayList<>();
    for (int i = 0; i < forms.size(); i++) {
      Set<String> stems = stems(forms.get(i));
      int[] ids = new int[stems.size()];
      int k = 0;
      for (String t : stems) {
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
      idf[t] = Math.log(1 + forms.size() / (double) postings[t].length);
    }
    this.norms = new double[forms.size()];
    for (int i = 0; i < forms.size(); i++) {
      double sum = 0;
      for (int t : terms[i]) {
        sum += idf[t] * idf[t];
      }
      norms[i] = Math.sqrt(sum);
    }
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
    double[] sims = similarities(form);
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
    lucene.ifPresent(reader -> merge(votes, luceneVotes(reader, form)));
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

  private Map<String, Double> luceneVotes(DirectoryReader reader, String form) {
    if (stems(form).isEmpty()) {
      return Map.of();
    }
    try {
      KNearestNeighborClassifier knn =
          new KNearestNeighborClassifier(
              reader, new BM25Similarity(), analyzer, null, K, 1, 1, LABEL, WORDS, GRAMS + "^0.3");
      List<ClassificationResult<BytesRef>> results = knn.getClasses(form);
      Map<String, Double> votes = new HashMap<>();
      if (results == null) {
        return votes;
      }
      double sum = results.stream().mapToDouble(ClassificationResult::getScore).sum();
      for (ClassificationResult<BytesRef> r : results) {
        votes.put(r.getAssignedClass().utf8ToString(), sum == 0 ? 0 : r.getScore() / sum);
      }
      return votes;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot classify", e);
    }
  }

  /** The TF-IDF cosine of the message with each exemplar, in exemplar order. */
  private double[] similarities(String form) {
    double[] out = new double[exemplars.size()];
    List<Integer> asked = new ArrayList<>();
    double unknown = Math.log(1 + exemplars.size() / 0.5);
    double norm = 0;
    for (String t : stems(form)) {
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

  /** The stemmed words of a text, as the {@code words} field indexes them. */
  Set<String> stems(String text) {
    Set<String> out = new HashSet<>();
    try (TokenStream ts = analyzer.tokenStream(WORDS, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private DirectoryReader index(List<String> forms) {
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    IndexWriterConfig config = new IndexWriterConfig(analyzer);
    config.setSimilarity(new BM25Similarity());
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (int i = 0; i < forms.size(); i++) {
        Document doc = new Document();
        doc.add(new StringField(LABEL, exemplars.get(i).label(), Field.Store.YES));
        doc.add(new TextField(WORDS, forms.get(i), Field.Store.NO));
        doc.add(new TextField(GRAMS, forms.get(i), Field.Store.NO));
        writer.addDocument(doc);
      }
      writer.commit();
      return DirectoryReader.open(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot index exemplars", e);
    }
  }

  private static Analyzer trigrams() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream result = new ASCIIFoldingFilter(new LowerCaseFilter(source));
        result = new NGramTokenFilter(result, 3, 3, true);
        return new TokenStreamComponents(source, result);
      }
    };
  }
}
