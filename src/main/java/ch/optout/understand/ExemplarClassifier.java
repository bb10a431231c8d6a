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
 * Two neighbourhoods are blended: a lexical one, Lucene's {@link KNearestNeighborClassifier} with
 * BM25 over the language's analyzer (stems, stop words) and character trigrams (typos); and, once
 * the embedding model is ready, a semantic one, the cosine between the message's vector and each
 * exemplar's. Thread-safe: each call builds its own classifier over the shared reader.
 */
final class ExemplarClassifier {
  /** Lucene fields of an exemplar document. */
  private static final String LABEL = "label"; // stored: what the neighbour votes for

  private static final String WORDS = "words"; // stemmed words, the main evidence
  private static final String GRAMS =
      "grams"; // character trigrams: "retroactiv" meets "rétroactif"

  /** Neighbours that vote. */
  static final int K = 12;

  /** How sharply the semantic vote prefers the nearest exemplars (a softmax temperature). */
  static final double TEMPERATURE = 0.04;

  /** A label and its blended score, 0 to 1. */
  record Vote(String label, double score) {}

  /**
   * What the classifier makes of a message.
   *
   * @param votes every label with a vote, best first; scores sum to about 1
   * @param coverage per label, the best share of the message's stemmed words found in one of its
   *     exemplars: an absolute measure of likeness, where the votes are only relative
   * @param cosine per label, the best cosine to one of its exemplars; empty without vectors
   * @param similarity per label, the best TF-IDF cosine of the message's stemmed words (typos
   *     mended to a known word) with one of its exemplars: rare shared words count, common ones
   *     hardly
   */
  record Result(
      List<Vote> votes,
      Map<String, Double> coverage,
      Map<String, Double> cosine,
      Map<String, Double> similarity,
      Map<String, double[]> byGroup) {
    Optional<Vote> best() {
      return votes.stream().findFirst();
    }

    double score(String label) {
      return votes.stream().filter(v -> v.label().equals(label)).mapToDouble(Vote::score).sum();
    }

    double coverage(String label) {
      return coverage.getOrDefault(label, 0.0);
    }

    double cosine(String label) {
      return cosine.getOrDefault(label, 0.0);
    }

    /**
     * Within one group (a guide), per label: the best TF-IDF similarity and the best cosine of the
     * message with one of that group's exemplars of the label.
     */
    Map<String, double[]> inGroup(String group) {
      Map<String, double[]> out = new HashMap<>();
      String prefix = group + "|";
      byGroup.forEach(
          (key, v) -> {
            if (key.startsWith(prefix)) {
              out.put(key.substring(prefix.length()), v);
            }
          });
      return out;
    }

    /** The TF-IDF cosine between the message and the label's nearest exemplar, 0 to 1. */
    double similarity(String label) {
      return similarity.getOrDefault(label, 0.0);
    }

    double bestCosine() {
      return cosine.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
  }

  private final Analyzer analyzer;
  private final java.util.function.UnaryOperator<String> lexical;
  private final DirectoryReader reader;
  private final List<Exemplar> exemplars;
  private final List<Set<String>> stems;
  private final Map<String, Double> idf;
  private final double[] norms;
  private volatile float[][] vectors;

  /**
   * @param exemplars as written; their vectors are of these texts
   * @param lexical the form words are compared in (names masked, or dropped), applied alike to
   *     exemplars and messages
   */
  ExemplarClassifier(
      Language language,
      List<Exemplar> exemplars,
      java.util.function.UnaryOperator<String> lexical) {
    this.exemplars = List.copyOf(exemplars);
    this.lexical = lexical;
    List<String> forms = this.exemplars.stream().map(e -> lexical.apply(e.text())).toList();
    Analyzer words = Analyzers.forLanguage(language);
    this.analyzer = new PerFieldAnalyzerWrapper(words, Map.of(GRAMS, trigrams()));
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    IndexWriterConfig config = new IndexWriterConfig(analyzer);
    config.setSimilarity(new BM25Similarity());
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (int i = 0; i < this.exemplars.size(); i++) {
        Document doc = new Document();
        doc.add(new StringField(LABEL, this.exemplars.get(i).label(), Field.Store.YES));
        doc.add(new TextField(WORDS, forms.get(i), Field.Store.NO));
        doc.add(new TextField(GRAMS, forms.get(i), Field.Store.NO));
        writer.addDocument(doc);
      }
      writer.commit();
      this.reader = DirectoryReader.open(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot index exemplars", e);
    }
    List<Set<String>> all = new ArrayList<>();
    for (String form : forms) {
      all.add(terms(form));
    }
    this.stems = List.copyOf(all);
    Map<String, Integer> df = new HashMap<>();
    for (Set<String> terms : all) {
      terms.forEach(t -> df.merge(t, 1, Integer::sum));
    }
    Map<String, Double> weights = new HashMap<>();
    df.forEach((t, n) -> weights.put(t, Math.log(1 + all.size() / (double) n)));
    this.idf = Map.copyOf(weights);
    this.norms = new double[all.size()];
    for (int i = 0; i < all.size(); i++) {
      double sum = 0;
      for (String t : all.get(i)) {
        sum += square(idf.get(t));
      }
      norms[i] = Math.sqrt(sum);
    }
  }

  private static double square(double x) {
    return x * x;
  }

  List<Exemplar> exemplars() {
    return exemplars;
  }

  /** Gives the exemplars their vectors, in the order of {@link #exemplars()}, once computed. */
  void vectors(List<float[]> computed) {
    if (computed.size() != exemplars.size()) {
      throw new IllegalArgumentException(
          computed.size() + " vectors for " + exemplars.size() + " exemplars");
    }
    float[][] normalised = new float[computed.size()][];
    for (int i = 0; i < computed.size(); i++) {
      normalised[i] = Vectors.normalised(computed.get(i));
    }
    this.vectors = normalised;
  }

  boolean hasVectors() {
    return vectors != null;
  }

  /**
   * @param message the message as written (or its question, for a paste)
   * @param vector the message's embedding, when the model is ready
   */
  Result classify(String message, Optional<float[]> vector) {
    String text = lexical.apply(message);
    Map<String, Double> lexical = lexicalVotes(text);
    Set<String> asked = mended(terms(text));
    Map<String, Double> coverage = coverage(asked);
    Map<String, Double> similarity = new HashMap<>();
    double[] each = similarities(asked);
    for (int i = 0; i < each.length; i++) {
      if (each[i] > 0) {
        similarity.merge(exemplars.get(i).label(), each[i], Math::max);
      }
    }
    float[][] known = vectors;
    Map<String, Double> cosine = new HashMap<>();
    Map<String, Double> semantic = Map.of();
    Map<String, double[]> byGroup = new HashMap<>();
    double[] sims = each;
    for (int i = 0; i < sims.length; i++) {
      Exemplar e = exemplars.get(i);
      if (!e.group().isEmpty() && sims[i] > 0) {
        byGroup.computeIfAbsent(e.group() + "|" + e.label(), k -> new double[2])[0] =
            Math.max(byGroup.get(e.group() + "|" + e.label())[0], sims[i]);
      }
    }
    if (vector.isPresent() && known != null) {
      float[] v = Vectors.normalised(vector.get());
      for (int i = 0; i < known.length; i++) {
        double c = Vectors.dot(v, known[i]);
        Exemplar e = exemplars.get(i);
        cosine.merge(e.label(), c, Math::max);
        if (!e.group().isEmpty()) {
          double[] g = byGroup.computeIfAbsent(e.group() + "|" + e.label(), k -> new double[2]);
          g[1] = Math.max(g[1], c);
        }
      }
      semantic = softmax(cosine);
    }
    Map<String, Double> blended = new LinkedHashMap<>();
    double lexicalWeight = semantic.isEmpty() ? 1.0 : 0.5;
    lexical.forEach((label, s) -> blended.merge(label, lexicalWeight * s, Double::sum));
    semantic.forEach((label, s) -> blended.merge(label, (1 - lexicalWeight) * s, Double::sum));
    List<Vote> votes =
        blended.entrySet().stream()
            .map(e -> new Vote(e.getKey(), e.getValue()))
            .sorted(Comparator.comparingDouble(Vote::score).reversed())
            .toList();
    return new Result(votes, coverage, cosine, similarity, byGroup);
  }

  private Map<String, Double> lexicalVotes(String text) {
    if (terms(text).isEmpty()) {
      return Map.of();
    }
    try {
      KNearestNeighborClassifier knn =
          new KNearestNeighborClassifier(
              reader, new BM25Similarity(), analyzer, null, K, 1, 1, LABEL, WORDS, GRAMS + "^0.3");
      List<ClassificationResult<BytesRef>> results = knn.getClasses(text);
      Map<String, Double> votes = new HashMap<>();
      double sum = 0;
      for (ClassificationResult<BytesRef> r :
          results == null ? List.<ClassificationResult<BytesRef>>of() : results) {
        sum += r.getScore();
      }
      for (ClassificationResult<BytesRef> r :
          results == null ? List.<ClassificationResult<BytesRef>>of() : results) {
        votes.put(r.getAssignedClass().utf8ToString(), sum == 0 ? 0 : r.getScore() / sum);
      }
      return votes;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot classify", e);
    }
  }

  private Map<String, Double> coverage(Set<String> asked) {
    Map<String, Double> best = new HashMap<>();
    if (asked.isEmpty()) {
      return best;
    }
    for (int i = 0; i < stems.size(); i++) {
      int shared = 0;
      for (String t : stems.get(i)) {
        if (asked.contains(t)) {
          shared++;
        }
      }
      if (shared > 0) {
        best.merge(exemplars.get(i).label(), shared / (double) asked.size(), Math::max);
      }
    }
    return best;
  }

  /** Words unknown to the exemplars replaced by a known word one or two typos away, if any. */
  private Set<String> mended(Set<String> asked) {
    Set<String> out = new HashSet<>();
    for (String t : asked) {
      if (idf.containsKey(t) || t.length() < 5) {
        out.add(t);
        continue;
      }
      int allowed = t.length() >= 9 ? 2 : 1;
      String best = t;
      int bestDistance = allowed + 1;
      for (String known : idf.keySet()) {
        if (Math.abs(known.length() - t.length()) > allowed || known.charAt(0) != t.charAt(0)) {
          continue;
        }
        int d = Text.distance(t, known, allowed);
        if (d < bestDistance) {
          bestDistance = d;
          best = known;
        }
      }
      out.add(best);
    }
    return out;
  }

  /** The TF-IDF cosine of the message with each exemplar, in exemplar order. */
  private double[] similarities(Set<String> asked) {
    double[] out = new double[stems.size()];
    if (asked.isEmpty()) {
      return out;
    }
    double unknown = Math.log(1 + stems.size() / 0.5);
    double askedNorm = 0;
    for (String t : asked) {
      askedNorm += square(idf.getOrDefault(t, unknown));
    }
    askedNorm = Math.sqrt(askedNorm);
    for (int i = 0; i < stems.size(); i++) {
      double dot = 0;
      for (String t : stems.get(i)) {
        if (asked.contains(t)) {
          dot += square(idf.get(t));
        }
      }
      out[i] = dot == 0 ? 0 : dot / (askedNorm * norms[i]);
    }
    return out;
  }

  private static Map<String, Double> softmax(Map<String, Double> cosine) {
    double max = cosine.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    Map<String, Double> weights = new HashMap<>();
    double sum = 0;
    for (Map.Entry<String, Double> e : cosine.entrySet()) {
      double w = Math.exp((e.getValue() - max) / TEMPERATURE);
      weights.put(e.getKey(), w);
      sum += w;
    }
    double total = sum;
    weights.replaceAll((k, w) -> w / total);
    return weights;
  }

  /** The message's stemmed words, as the {@code words} field indexes them. */
  Set<String> terms(String text) {
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
