package ch.optout.cli;

import ch.optout.knowledge.KnowledgeBase;
import ch.optout.knowledge.KnowledgeLoader;
import ch.optout.knowledge.Language;
import ch.optout.search.Embedder;
import ch.optout.search.IndexSnapshot;
import ch.optout.search.KnowledgeIndex;
import ch.optout.search.KnowledgeWords;
import ch.optout.search.LanguageDetector;
import ch.optout.search.MiniLmEmbedder;
import ch.optout.search.PlatformMatcher;
import ch.optout.search.UncoveredServices;
import ch.optout.search.VectorSnapshot;
import ch.optout.store.Threads;
import ch.optout.understand.ExemplarSnapshot;
import ch.optout.understand.LanguagePack;
import ch.optout.understand.Regions;
import ch.optout.understand.Understander;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Computes, when the jar is built, the vectors of every passage of the bundled knowledge and of
 * every understanding exemplar ({@link VectorSnapshot}). Run by Maven before packaging; vectors
 * already in a previous snapshot of the same model are reused, so a rebuild only embeds what
 * changed.
 */
public final class BuildVectors {
  private BuildVectors() {}

  /**
   * @param args the knowledge folder, then the folder to write {@value VectorSnapshot#RESOURCE} in
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: BuildVectors KNOWLEDGE_DIR OUTPUT_DIR");
    }
    long start = System.nanoTime();
    LanguageDetector languages = new LanguageDetector();
    KnowledgeBase knowledge =
        new KnowledgeLoader(text -> languages.detectOr(text, Language.fallback()))
            .load(Path.of(args[0]));
    Set<String> texts = new LinkedHashSet<>(passageTexts(knowledge));
    Set<String> words = KnowledgeWords.of(knowledge);
    try (OutputStream out =
        Files.newOutputStream(Path.of(args[1]).resolve(KnowledgeWords.RESOURCE))) {
      KnowledgeWords.write(knowledge.digest(), words, out);
    }
    PlatformMatcher platforms = new PlatformMatcher(knowledge, words);
    Understander understander =
        new Understander(
            knowledge,
            languages,
            platforms,
            UncoveredServices.bundled(),
            Regions.bundled(),
            Arrays.stream(Language.values()).map(LanguagePack::bundled).toList());
    texts.addAll(understander.exemplarTexts());
    try (OutputStream out =
        Files.newOutputStream(Path.of(args[1]).resolve(ExemplarSnapshot.RESOURCE))) {
      understander.exemplarSnapshot().write(knowledge.digest(), out);
    }
    Path file = Path.of(args[1]).resolve(VectorSnapshot.RESOURCE);
    Map<String, float[]> vectors = new LinkedHashMap<>();
    Optional<VectorSnapshot> previous = previous(file);
    List<String> missing = new ArrayList<>();
    for (String t : texts) {
      Optional<float[]> known = previous.flatMap(p -> p.vector(t));
      if (known.isPresent()) {
        vectors.put(t, known.get());
      } else {
        missing.add(t);
      }
    }
    if (!missing.isEmpty() || previous.map(p -> p.size() != texts.size()).orElse(true)) {
      ExecutorService pool = Executors.newFixedThreadPool(2, Threads.named("optout-build"));
      try {
        Embedder model = new MiniLmEmbedder(pool);
        List<float[]> computed = model.embedAll(missing);
        for (int i = 0; i < missing.size(); i++) {
          vectors.put(missing.get(i), computed.get(i));
        }
      } finally {
        pool.shutdown();
      }
      Map<String, float[]> ordered = new LinkedHashMap<>();
      texts.forEach(t -> ordered.put(t, vectors.get(t)));
      Files.createDirectories(file.getParent());
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
        VectorSnapshot.write(MiniLmEmbedder.MODEL, ordered, out);
      }
    }
    // the passages' index with their vectors and graph: seconds to build, milliseconds to read
    Embedder stored =
        text -> {
          float[] v = vectors.get(text);
          if (v == null) {
            throw new IllegalStateException("no vector for a passage: " + text);
          }
          return v;
        };
    try (KnowledgeIndex index = new KnowledgeIndex(knowledge, Optional.of(stored));
        OutputStream out =
            new BufferedOutputStream(
                Files.newOutputStream(Path.of(args[1]).resolve(IndexSnapshot.WITH_VECTORS)),
                1 << 16)) {
      index.writeSnapshot(out);
    }
    System.out.printf(
        "vectors: %d texts, %d embedded now, in %d ms%n",
        texts.size(), missing.size(), (System.nanoTime() - start) / 1_000_000);
  }

  private static Optional<VectorSnapshot> previous(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(file)) {
      return VectorSnapshot.read(in);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The texts the knowledge index embeds, recorded by building it with a pretend embedder. */
  private static List<String> passageTexts(KnowledgeBase knowledge) throws IOException {
    List<String> recorded = new ArrayList<>();
    Embedder recorder =
        new Embedder() {
          @Override
          public float[] embed(String text) {
            recorded.add(text);
            return new float[] {1f};
          }
        };
    try (KnowledgeIndex ignored = new KnowledgeIndex(knowledge, Optional.of(recorder))) {
      return recorded;
    }
  }
}
