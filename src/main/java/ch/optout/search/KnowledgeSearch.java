package ch.optout.search;

import java.util.List;

/** Retrieval over the knowledge index: the passages that best match a query, best first. */
public final class KnowledgeSearch {
  static final int LIMIT = 12;

  private final Retriever retriever;
  private final KnowledgeIndex index;

  public KnowledgeSearch(Retriever retriever, KnowledgeIndex index) {
    this.retriever = retriever;
    this.index = index;
  }

  public List<ScoredPassage> retrieve(SearchQuery query) {
    return retriever.retrieve(query, LIMIT);
  }

  public KnowledgeIndex index() {
    return index;
  }
}
