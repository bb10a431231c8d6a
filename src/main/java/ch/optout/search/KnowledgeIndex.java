package ch.optout.search;

import ch.optout.knowledge.Card;
import ch.optout.knowledge.DocumentKind;
import ch.optout.knowledge.Guide;
import ch.optout.knowledge.KnowledgeBase;
import ch.optout.knowledge.Language;
import ch.optout.knowledge.Section;
import ch.optout.knowledge.SectionKind;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.util.Version;

/**
 * An in-memory Lucene index of every passage, built once at start and searched by many threads
 * through one shared {@link IndexSearcher}.
 */
public final class KnowledgeIndex implements Closeable {
  /** Changes whenever the snapshot layout or the indexing (fields, analyzers) changes. */
  static final String SNAPSHOT_FORMAT = "optout-index-4/lucene-" + Version.LATEST;

  private final KnowledgeBase knowledge;
  private final Directory directory;
  private final List<Passage> passages = new ArrayList<>();
  private final Map<String, Passage> byId = new HashMap<>();
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final boolean hasVectors;

  /**
   * @param embedder when present, every passage also gets a vector for semantic search
   */
  public KnowledgeIndex(KnowledgeBase knowledge, Optional<Embedder> embedder) {
    this(knowledge, embedder, Optional.empty());
  }

  private KnowledgeIndex(
      KnowledgeBase knowledge, Optional<Embedder> embedder, Optional<Snapshot> snapshot) {
    this.knowledge = knowledge;
    for (Guide guide : knowledge.documents()) {
      if (guide.kind() == DocumentKind.LETTER) {
        continue;
      }
      List<Section> sections = guide.sections();
      for (int i = 0; i < sections.size(); i++) {
        add(new Passage(guide.file() + "#" + i, guide, sections.get(i)));
      }
      // cards are passages of their own: a question finds the one card that answers it
      for (Card card : guide.cards()) {
        add(new Passage(guide.file() + "#" + card.id(), guide, card.asSection()));
      }
    }
    this.hasVectors = embedder.isPresent() || snapshot.map(Snapshot::vectors).orElse(false);
    if (snapshot.isPresent()) {
      this.directory = snapshot.get().directory();
      this.reader = snapshot.get().reader();
    } else {
      this.directory = new ByteBuffersDirectory();
      try {
        write(embedder);
        this.reader = DirectoryReader.open(directory);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot build the in-memory index", e);
      }
    }
    this.searcher = new IndexSearcher(reader);
  }

  private void add(Passage passage) {
    passages.add(passage);
    byId.put(passage.id(), passage);
  }

  /** The languages OptOut speaks and those of the knowledge, each with its fields. */
  private Set<Language> languages() {
    Set<Language> languages = new LinkedHashSet<>(Arrays.asList(Language.values()));
    knowledge.documents().forEach(g -> languages.add(g.language()));
    return languages;
  }

  private void write(Optional<Embedder> embedder) throws IOException {
    List<float[]> vectors =
        embedder
            .map(e -> e.embedAll(passages.stream().map(Passage::text).toList()))
            .orElse(List.of());
    try (IndexWriter writer =
        new IndexWriter(directory, new IndexWriterConfig(Analyzers.perField(languages())))) {
      for (int i = 0; i < passages.size(); i++) {
        writer.addDocument(
            document(passages.get(i), hasVectors ? Optional.of(vectors.get(i)) : Optional.empty()));
      }
    }
  }

  /**
   * A saved BM25 index, opened: reading it can run on another thread while the knowledge is parsed,
   * and only then is it matched against that knowledge.
   */
  public record Snapshot(
      String digest, boolean vectors, Directory directory, DirectoryReader reader) {}

  /** Reads a snapshot written by {@link #writeSnapshot}; empty when it is of another format. */
  public static Optional<Snapshot> readSnapshot(InputStream in) {
    try (DataInputStream data = new DataInputStream(new BufferedInputStream(in))) {
      if (!data.readUTF().equals(SNAPSHOT_FORMAT)) {
        return Optional.empty();
      }
      String digest = data.readUTF();
      boolean vectors = data.readBoolean();
      Directory directory = new ByteBuffersDirectory();
      int count = data.readInt();
      for (int i = 0; i < count; i++) {
        String name = data.readUTF();
        byte[] bytes = new byte[data.readInt()];
        data.readFully(bytes);
        try (IndexOutput output = directory.createOutput(name, IOContext.DEFAULT)) {
          output.writeBytes(bytes, bytes.length);
        }
      }
      DirectoryReader reader = DirectoryReader.open(directory);
      // the first search loads the scoring classes here rather than for the user's question
      new IndexSearcher(reader)
          .search(new TermQuery(new Term(Fields.LANG, Language.fallback().code())), 1);
      return Optional.of(new Snapshot(digest, vectors, directory, reader));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The BM25 index saved at build time for the bundled knowledge: opening it is a third of a second
   * faster than building it, which is what a one-shot {@code ask} waits for. Empty when the
   * snapshot was made from other knowledge (its digest differs, or it holds other passages).
   */
  public static Optional<KnowledgeIndex> fromSnapshot(KnowledgeBase knowledge, Snapshot snapshot) {
    if (knowledge.digest().isEmpty() || !snapshot.digest().equals(knowledge.digest())) {
      return Optional.empty();
    }
    KnowledgeIndex index = new KnowledgeIndex(knowledge, Optional.empty(), Optional.of(snapshot));
    if (index.reader.numDocs() != index.passages.size()) {
      return Optional.empty();
    }
    return Optional.of(index);
  }

  /**
   * Writes this index for {@link #fromSnapshot}: BM25 alone, or with the passages' vectors and
   * their graph, which takes seconds to build and milliseconds to read.
   */
  public void writeSnapshot(OutputStream out) throws IOException {
    DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out));
    data.writeUTF(SNAPSHOT_FORMAT);
    data.writeUTF(knowledge.digest());
    data.writeBoolean(hasVectors);
    String[] names = directory.listAll();
    data.writeInt(names.length);
    for (String name : names) {
      try (IndexInput input = directory.openInput(name, IOContext.READONCE)) {
        byte[] bytes = new byte[Math.toIntExact(input.length())];
        input.readBytes(bytes, 0, bytes.length);
        data.writeUTF(name);
        data.writeInt(bytes.length);
        data.write(bytes);
      }
    }
    data.flush();
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
    doc.add(
        new StringField(
            Fields.SECTION, section.kind().name().toLowerCase(Locale.ROOT), Field.Store.NO));
    doc.add(new StringField(Fields.PLATFORM, guide.id(), Field.Store.NO));
    doc.add(
        new TextField(
            Fields.ALIASES,
            guide.platform() + " " + String.join(" ", guide.aliases()),
            Field.Store.NO));
    // a card's question is worded like questions are ("how do I…"): it belongs to the body, or
    // such words would rank every card above the guide's own sections
    boolean card = section.kind() == SectionKind.CARD;
    doc.add(
        new TextField(
            Fields.title(language),
            card ? guide.title() : guide.title() + " " + section.heading(),
            Field.Store.NO));
    if (section.kind() == SectionKind.STEPS) {
      doc.add(
          new TextField(
              Fields.steps(language), String.join("\n", section.items()), Field.Store.NO));
    }
    doc.add(
        new TextField(
            Fields.body(language),
            card ? section.heading() + "\n" + section.fullText() : section.fullText(),
            Field.Store.NO));
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
      for (Language language : Language.values()) {
        doc.add(new TextField(Fields.body(language), "warm-up", Field.Store.NO));
      }
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

  /** Whether passages carry vectors for semantic search. */
  public boolean hasVectors() {
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
