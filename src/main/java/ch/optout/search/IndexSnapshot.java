package ch.optout.search;

import ch.optout.knowledge.KnowledgeBase;
import ch.optout.knowledge.KnowledgeLoader;
import ch.optout.knowledge.KnowledgeLocation;
import ch.optout.knowledge.KnowledgeSnapshot;
import ch.optout.knowledge.Language;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Saves, at build time, the parsed knowledge bundled in the jar and its BM25 index, so that a
 * one-shot {@code ask} reads them instead of parsing sixty files and building the index in a cold
 * JVM. Run by Maven in the process-classes phase; knowledge with errors stops the build.
 */
public final class IndexSnapshot {
  /** Where the snapshot sits on the class path. */
  public static final String RESOURCE = "knowledge-index.bin";

  /** The same index with every passage's vector, written when the vectors are computed. */
  public static final String WITH_VECTORS = "knowledge-vectors-index.bin";

  private IndexSnapshot() {}

  /** The snapshot bundled in the jar, opened; empty when there is none or it cannot be read. */
  public static Optional<KnowledgeIndex.Snapshot> bundled() {
    return bundled(RESOURCE);
  }

  /** The bundled index with its vectors, opened; empty when there is none. */
  public static Optional<KnowledgeIndex.Snapshot> bundledWithVectors() {
    return bundled(WITH_VECTORS).filter(KnowledgeIndex.Snapshot::vectors);
  }

  private static Optional<KnowledgeIndex.Snapshot> bundled(String resource) {
    try (InputStream in = IndexSnapshot.class.getClassLoader().getResourceAsStream(resource)) {
      return in == null ? Optional.empty() : KnowledgeIndex.readSnapshot(in);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * @param args the knowledge folder, then the folder to write the knowledge and index snapshots in
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: IndexSnapshot KNOWLEDGE_DIR OUTPUT_DIR");
    }
    LanguageDetector languages = new LanguageDetector();
    KnowledgeBase knowledge =
        new KnowledgeLoader(text -> languages.detectOr(text, Language.fallback()))
            .load(Path.of(args[0]));
    Path output = Path.of(args[1]);
    Files.createDirectories(output);
    try (DataOutputStream out =
        new DataOutputStream(
            new BufferedOutputStream(
                Files.newOutputStream(output.resolve(KnowledgeLocation.SNAPSHOT))))) {
      KnowledgeSnapshot.write(knowledge, out);
    }
    try (KnowledgeIndex index = new KnowledgeIndex(knowledge, Optional.empty());
        OutputStream out = Files.newOutputStream(output.resolve(RESOURCE))) {
      index.writeSnapshot(out);
    }
  }
}
