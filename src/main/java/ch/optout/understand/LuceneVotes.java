package ch.optout.understand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * The vote of Lucene's {@link KNearestNeighborClassifier} over a small set of exemplars, with BM25
 * over stems and character trigrams, held in memory.
 */
final class LuceneVotes {
  private final ExemplarAnalyzer analysis;
  private final DirectoryReader reader;

  /**
   * @param labels each exemplar's label
   * @param forms each exemplar's text, in the form messages are compared in
   */
  LuceneVotes(ExemplarAnalyzer analysis, List<String> labels, List<String> forms) {
    this.analysis = analysis;
    this.reader = index(labels, forms);
  }

  /**
   * The labels of the {@link ExemplarClassifier#K} nearest exemplars, each weighted by its score;
   * sum 1, or none for a message without a word.
   */
  Map<String, Double> votes(String form) {
    if (analysis.stems(form).isEmpty()) {
      return Map.of();
    }
    try {
      KNearestNeighborClassifier knn =
          new KNearestNeighborClassifier(
              reader,
              new BM25Similarity(),
              analysis.analyzer(),
              null,
              ExemplarClassifier.K,
              1,
              1,
              ExemplarAnalyzer.LABEL,
              ExemplarAnalyzer.WORDS,
              ExemplarAnalyzer.GRAMS + "^0.3");
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

  private DirectoryReader index(List<String> labels, List<String> forms) {
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    IndexWriterConfig config = new IndexWriterConfig(analysis.analyzer());
    config.setSimilarity(new BM25Similarity());
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (int i = 0; i < forms.size(); i++) {
        Document doc = new Document();
        doc.add(new StringField(ExemplarAnalyzer.LABEL, labels.get(i), Field.Store.YES));
        doc.add(new TextField(ExemplarAnalyzer.WORDS, forms.get(i), Field.Store.NO));
        doc.add(new TextField(ExemplarAnalyzer.GRAMS, forms.get(i), Field.Store.NO));
        writer.addDocument(doc);
      }
      writer.commit();
      return DirectoryReader.open(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot index exemplars", e);
    }
  }
}
