package ch.optout.search;

import ch.optout.knowledge.DocumentKind;
import ch.optout.knowledge.Guide;
import ch.optout.knowledge.KnowledgeBase;
import ch.optout.knowledge.Language;
import ch.optout.knowledge.Section;
import ch.optout.knowledge.SectionKind;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * An in-memory Lucene index of every passage, built once at start and searched by many threads
 * through one shared {@link IndexSearcher}.
 */
public final class KnowledgeIndex implements Closeable {
  private final KnowledgeBase knowledge;
  private final Directory directory = new ByteBuffersDirectory();
  private final List<Passage> passages = new ArrayList<>();
  private final Map<String, Passage> byId = new HashMap<>();
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final boolean hasVectors;

  /**
   * @param embedder when present, every passage also gets a vector for semantic search
   */
  public KnowledgeIndex(KnowledgeBase knowledge, Optional<Embedder> embedder) {
    this.knowledge = knowledge;
    for (Guide guide : knowledge.documents()) {
      if (guide.kind() == DocumentKind.LETTER) {
        continue;
      }
      List<Section> sections = guide.sections();
      for (int i = 0; i < sections.size(); i++) {
        Passage passage = new Passage(guide.file() + "#" + i, guide, sections.get(i));
        passages.add(passage);
        byId.put(passage.id(), passage);
      }
    }
    this.hasVectors = embedder.isPresent();
    List<float[]> vectors =
        embedder
            .map(e -> e.embedAll(passages.stream().map(Passage::text).toList()))
            .orElse(List.of());
    try {
      try (IndexWriter writer =
          new IndexWriter(directory, new IndexWriterConfig(Analyzers.perField()))) {
        for (int i = 0; i < passages.size(); i++) {
          writer.addDocument(
              document(
                  passages.get(i), hasVectors ? Optional.of(vectors.get(i)) : Optional.empty()));
        }
      }
      this.reader = DirectoryReader.open(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the in-memory index", e);
    }
    this.searcher = new IndexSearcher(reader);
  }

  private static Document document(Passage passage, Optional<float[]> vector) {
    Guide guide = passage.guide();
    Section section = passage.section();
    Language language = guide.language();
    Document doc = new Document();
    doc.add(new StringField(Fields.ID, passage.id(), Field.Store.YES));
    doc.add(new StringField(Fields.LANG, language.code(), Field.Store.NO));
    doc.add(
        new StringField(Fields.KIND, guide.kind().name().toLowerCase(Locale.ROOT), Field.Store.NO));
    doc.add(new StringField(Fields.PLATFORM, guide.id(), Field.Store.NO));
    doc.add(
        new TextField(
            Fields.ALIASES,
            guide.platform() + " " + String.join(" ", guide.aliases()),
            Field.Store.NO));
    doc.add(
        new TextField(
            Fields.title(language), guide.title() + " " + section.heading(), Field.Store.NO));
    if (section.kind() == SectionKind.STEPS) {
      doc.add(
          new TextField(
              Fields.steps(language), String.join("\n", section.items()), Field.Store.NO));
    }
    doc.add(new TextField(Fields.body(language), section.fullText(), Field.Store.NO));
    vector.ifPresent(
        v -> doc.add(new KnnFloatVectorField(Fields.VECTOR, v, VectorSimilarityFunction.COSINE)));
    return doc;
  }

  /**
   * Loads and initialises Lucene's indexing classes (codecs, analyzers) on the calling thread. Run
   * on a second thread while the knowledge is read, it takes a third off the start-up time, which
   * people waiting for {@code ask} notice.
   */
  public static void warmUp() {
    try (Directory dir = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(Analyzers.perField()))) {
      Document doc = new Document();
      doc.add(new TextField(Fields.body(Language.FR), "données personnelles", Field.Store.NO));
      doc.add(new TextField(Fields.body(Language.EN), "personal data", Field.Store.NO));
      writer.addDocument(doc);
      writer.commit();
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        new IndexSearcher(reader).search(new org.apache.lucene.search.MatchAllDocsQuery(), 1);
      }
    } catch (IOException e) {
      // only a warm-up: the real index reports its own errors
    }
  }

  public KnowledgeBase knowledge() {
    return knowledge;
  }

  public List<Passage> passages() {
    return List.copyOf(passages);
  }

  boolean hasVectors() {
    return hasVectors;
  }

  /** Runs a query on the shared searcher: the best {@code limit} passages with their scores. */
  List<ScoredPassage> search(Query query, int limit) {
    try {
      TopDocs top = searcher.search(query, limit);
      StoredFields stored = searcher.storedFields();
      List<ScoredPassage> hits = new ArrayList<>();
      for (ScoreDoc sd : top.scoreDocs) {
        hits.add(new ScoredPassage(byId.get(stored.document(sd.doc).get(Fields.ID)), sd.score));
      }
      return hits;
    } catch (IOException e) {
      throw new UncheckedIOException("search failed: " + query, e);
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
  }
}
