package ch.optout.search;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers with BM25 from the first millisecond and with hybrid retrieval as soon as the embedding
 * model and the vector index are ready (about two seconds after start on two cores). If the model
 * cannot load, OptOut keeps answering with BM25 and says so once in the log.
 */
public final class WarmingRetriever implements Retriever {
  private static final Logger LOG = LoggerFactory.getLogger(WarmingRetriever.class);

  private final Retriever fallback;
  private final CompletableFuture<Retriever> warm;

  public WarmingRetriever(Retriever fallback, CompletableFuture<Retriever> warm) {
    this.fallback = fallback;
    this.warm =
        warm.exceptionally(
            e -> {
              LOG.warn("semantic search unavailable, answering with BM25 only: {}", e.toString());
              return fallback;
            });
  }

  @Override
  public List<ScoredPassage> retrieve(SearchQuery query, int limit) {
    return warm.getNow(fallback).retrieve(query, limit);
  }

  /** Whether hybrid retrieval is serving. */
  public boolean warm() {
    return warm.isDone() && warm.getNow(fallback) != fallback;
  }

  /** Waits for the model, for callers that want every answer hybrid (eval, bench). */
  public boolean awaitWarm(long timeout, TimeUnit unit) {
    try {
      warm.get(timeout, unit);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      return false;
    }
    return warm();
  }
}
