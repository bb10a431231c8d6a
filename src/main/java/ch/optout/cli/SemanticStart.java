package ch.optout.cli;

import ch.optout.knowledge.KnowledgeBase;
import ch.optout.search.Bm25Retriever;
import ch.optout.search.Embedder;
import ch.optout.search.HybridRetriever;
import ch.optout.search.IndexSnapshot;
import ch.optout.search.KnowledgeIndex;
import ch.optout.search.MiniLmEmbedder;
import ch.optout.search.RetrievalMode;
import ch.optout.search.Retriever;
import ch.optout.search.StoredEmbedder;
import ch.optout.search.VectorRetriever;
import ch.optout.search.VectorSnapshot;
import ch.optout.store.Threads;
import ch.optout.understand.ExemplarVectors;
import ch.optout.understand.Understander;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Semantic search, made ready beside the rest of the start. The embedding model loads on a thread
 * of its own from the first moment; meanwhile what the build saved — the vectors of every exemplar
 * and passage, the vector index — is opened, and the understanding's exemplars get their vectors
 * before the model is there. Once it has loaded, only the messages remain to be embedded.
 */
final class SemanticStart implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SemanticStart.class);

  private final RetrievalMode mode;
  private final boolean bundled;
  private final long start = System.nanoTime();

  /** ONNX Runtime's loading, alone on its thread. */
  private final ExecutorService loader =
      Executors.newSingleThreadExecutor(Threads.named("optout-model"));

  private final CompletableFuture<Embedder> model;
  private final CompletableFuture<Optional<VectorSnapshot>> vectors;

  /**
   * The saved vectors as one table, read while the understander is being built; let go once the
   * exemplars have kept their rows, since the table of every text is 35 MB.
   */
  private final AtomicReference<CompletableFuture<Optional<ExemplarVectors>>> prepared =
      new AtomicReference<>();

  private final AtomicReference<KnowledgeIndex> vectorIndex = new AtomicReference<>();
  private final AtomicReference<CompletableFuture<Retriever>> ready = new AtomicReference<>();

  /**
   * Starts loading at once.
   *
   * @param bundled whether the knowledge is the jar's, whose vectors and index the build saved
   * @param batches runs the model's batch embeddings
   * @param snapshots reads what the build saved
   */
  SemanticStart(RetrievalMode mode, boolean bundled, Executor batches, Executor snapshots) {
    this.mode = mode;
    this.bundled = bundled;
    if (mode == RetrievalMode.BM25) {
      this.model = CompletableFuture.failedFuture(new IllegalStateException("BM25 only"));
      this.vectors = CompletableFuture.completedFuture(Optional.empty());
      return;
    }
    // the vectors first: loading the model reads them
    this.vectors =
        CompletableFuture.supplyAsync(
            () -> VectorSnapshot.bundled(MiniLmEmbedder.MODEL), snapshots);
    this.model = CompletableFuture.supplyAsync(() -> load(batches), loader);
    this.prepared.set(vectors.thenApplyAsync(v -> v.map(ExemplarVectors::of), snapshots));
  }

  /**
   * Semantic retrieval over the knowledge, once the model has loaded (not in BM25 mode); the
   * exemplars get their saved vectors before.
   *
   * @param executor where the vector index is opened and the exemplars get their vectors
   */
  CompletableFuture<Retriever> retriever(
      KnowledgeBase knowledge, Understander understander, Executor executor) {
    CompletableFuture<Optional<KnowledgeIndex>> index =
        CompletableFuture.supplyAsync(() -> savedVectorIndex(knowledge), executor);
    CompletableFuture<Void> exemplars =
        prepared
            .getAndSet(null)
            .thenAcceptAsync(
                saved -> {
                  long from = System.nanoTime();
                  saved.ifPresent(understander::useVectors);
                  LOG.debug("exemplars' saved vectors in {} ms", ms(from));
                },
                executor);
    CompletableFuture<Retriever> semantic =
        model
            .thenCombine(exemplars, (m, done) -> m)
            .thenCombine(
                index, (embedder, saved) -> semantic(knowledge, understander, embedder, saved));
    ready.set(semantic);
    return semantic;
  }

  private Optional<KnowledgeIndex> savedVectorIndex(KnowledgeBase knowledge) {
    return bundled
        ? IndexSnapshot.bundledWithVectors()
            .flatMap(s -> KnowledgeIndex.fromSnapshot(knowledge, s))
            .filter(KnowledgeIndex::hasVectors)
        : Optional.empty();
  }

  private Retriever semantic(
      KnowledgeBase knowledge,
      Understander understander,
      Embedder embedder,
      Optional<KnowledgeIndex> saved) {
    long from = System.nanoTime();
    // instant when the saved vectors covered every exemplar; else the model embeds the rest
    understander.useEmbeddings(embedder);
    KnowledgeIndex index =
        saved.orElseGet(() -> new KnowledgeIndex(knowledge, Optional.of(embedder)));
    vectorIndex.set(index);
    LOG.debug("semantic ready {} ms after start ({} ms after the model)", ms(start), ms(from));
    Retriever dense = new VectorRetriever(index, embedder);
    return mode == RetrievalMode.DENSE
        ? dense
        : new HybridRetriever(List.of(new Bm25Retriever(index), dense));
  }

  /** The embedding model, with the vectors computed at build time for the texts they cover. */
  private Embedder load(Executor batches) {
    long from = System.nanoTime();
    MiniLmEmbedder miniLm = new MiniLmEmbedder(batches);
    LOG.debug("model loaded in {} ms", ms(from));
    // keyed by text, the saved vectors serve a knowledge folder of one's own too
    return vectors.join().<Embedder>map(s -> new StoredEmbedder(s, miniLm)).orElse(miniLm);
  }

  private static long ms(long from) {
    return (System.nanoTime() - from) / 1_000_000;
  }

  /**
   * Waits for a model still loading (about a second): ONNX Runtime's native code crashes the JVM if
   * the process exits while a thread is inside it; then for the few milliseconds that make semantic
   * search ready, so that it is not cut off half-way, on executors already shut down. Call before
   * shutting down the executors given.
   */
  @Override
  public void close() throws IOException {
    loader.shutdown();
    try {
      if (!loader.awaitTermination(60, TimeUnit.SECONDS)) {
        LOG.warn("the embedding model is still loading at shutdown");
      }
      CompletableFuture<Retriever> semantic = ready.get();
      if (semantic != null) {
        semantic.handle((r, e) -> r).get(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      LOG.debug("semantic search was not ready at shutdown: {}", e.toString());
    }
    KnowledgeIndex index = vectorIndex.get();
    if (index != null) {
      index.close();
    }
  }
}
