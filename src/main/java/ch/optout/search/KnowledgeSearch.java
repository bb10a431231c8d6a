package ch.optout.search;

import ch.optout.knowledge.DocumentKind;
import ch.optout.knowledge.Language;
import java.util.List;

/** Understanding plus retrieval plus the confidence that decides whether to answer at all. */
public final class KnowledgeSearch {
  /** Answers below this confidence are declined; see {@link #confidence}. */
  public static final double THRESHOLD = 0.5;

  static final int LIMIT = 12;

  private final QueryUnderstanding understanding;
  private final Retriever retriever;
  private final KnowledgeIndex index;

  public KnowledgeSearch(QueryUnderstanding understanding, Retriever retriever, KnowledgeIndex index) {
    this.understanding = understanding;
    this.retriever = retriever;
    this.index = index;
  }

  public Understanding understand(String question, Language fallback) {
    return understanding.understand(question, fallback);
  }

  public SearchResult search(Understanding u) {
    if (u.intent() == Intent.SMALL_TALK) {
      return new SearchResult(u, List.of(), 1.0);
    }
    List<ScoredPassage> hits = retriever.retrieve(u.query(), LIMIT);
    return new SearchResult(u, hits, confidence(u, hits));
  }

  public boolean isFollowUp(String question) {
    return understanding.isFollowUp(question);
  }

  public KnowledgeIndex index() {
    return index;
  }

  public PlatformMatcher platforms() {
    return understanding.platformMatcher();
  }

  /**
   * A named platform we have a guide for is the strongest evidence; without one, the question must
   * be about OptOut's topic and find law, facts or a dropped-in document. "How do I stop Bumble…"
   * names no known platform: declining beats answering with another platform's steps.
   */
  static double confidence(Understanding u, List<ScoredPassage> hits) {
    if (hits.isEmpty()) {
      return 0.0;
    }
    if (!u.platforms().isEmpty() || u.intent() == Intent.EVERYWHERE) {
      return 1.0;
    }
    DocumentKind top = hits.get(0).passage().guide().kind();
    boolean background = top != DocumentKind.GUIDE;
    return switch (u.intent()) {
      case LEGAL, FACTS -> u.domainWords() >= 1 ? (background ? 0.8 : 0.6) : 0.3;
      // "how do I object to AI training?" is answered by the law; "how do I stop Bumble…" is not
      case HOW_TO -> top == DocumentKind.LAW && u.domainWords() >= 2 ? 0.55 : 0.2;
      default -> 0.2;
    };
  }
}
