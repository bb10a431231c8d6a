package ch.optout.search;

import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.TermQuery;

/**
 * Nearest passages by meaning, in the question's language: MiniLM is English-centred and ranks
 * French text poorly against English, so each language searches its own guides.
 */
public final class VectorRetriever implements Retriever {
  private final KnowledgeIndex index;
  private final Embedder embedder;

  public VectorRetriever(KnowledgeIndex index, Embedder embedder) {
    if (!index.hasVectors()) {
      throw new IllegalArgumentException("the index was built without vectors");
    }
    this.index = index;
    this.embedder = embedder;
  }

  @Override
  public List<ScoredPassage> retrieve(SearchQuery query, int limit) {
    String text = query.text().strip();
    if (text.isEmpty()) {
      return List.of();
    }
    float[] vector = embedder.embed(text.length() > 1000 ? text.substring(0, 1000) : text);
    KnnFloatVectorQuery knn =
        new KnnFloatVectorQuery(
            Fields.VECTOR,
            vector,
            limit,
            new TermQuery(new Term(Fields.LANG, query.language().code())));
    return index.search(knn, limit);
  }
}
