package ch.optout.search;

import ch.optout.knowledge.DocumentKind;
import ch.optout.knowledge.Guide;
import ch.optout.knowledge.Language;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Understanding plus retrieval plus the confidence that decides whether to answer at all. */
public final class KnowledgeSearch {
  /** Answers below this confidence are declined; see {@link #confidence}. */
  public static final double THRESHOLD = 0.5;

  static final int LIMIT = 12;

  private final QueryUnderstanding understanding;
  private final Retriever retriever;
  private final KnowledgeIndex index;

  public KnowledgeSearch(
      QueryUnderstanding understanding, Retriever retriever, KnowledgeIndex index) {
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
    boolean unknownPlatform =
        u.platforms().isEmpty()
            && u.intent() == Intent.HOW_TO
            // "the best pizza in Rome?" names no platform either: only a question about OptOut's
            // topic is one about a platform it has no guide for
            && u.domainWords() > 0
            && understanding.platformMatcher().unknownName(u.question()).isPresent();
    return new SearchResult(u, hits, unknownPlatform ? 0.0 : confidence(u, hits), unknownPlatform);
  }

  public boolean isFollowUp(String question) {
    return understanding.isFollowUp(question);
  }

  public KnowledgeIndex index() {
    return index;
  }

  public UncoveredServices uncovered() {
    return understanding.uncoveredServices();
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
    Optional<Guide> background =
        hits.stream()
            .limit(5)
            .map(h -> h.passage().guide())
            .filter(g -> g.kind() != DocumentKind.GUIDE)
            .findFirst();
    boolean topical =
        u.domainWords() >= 1 || background.filter(g -> namesIt(g, u.question())).isPresent();
    return switch (u.intent()) {
      case LEGAL, FACTS -> background.isPresent() && topical ? 0.8 : 0.3;
      // "how do I object to AI training?" is answered by the law; "how do I stop Bumble…" is not
      case HOW_TO ->
          hits.get(0).passage().guide().kind() == DocumentKind.LAW
                  && hits.get(0).passage().section().kind() != ch.optout.knowledge.SectionKind.CARD
                  && topical
              ? 0.55
              : 0.2;
      default -> 0.2;
    };
  }

  /** Aliases too generic to say which document a question is about. */
  private static final Set<String> GENERIC =
      Set.of(
          "article",
          "articles",
          "press",
          "presse",
          "newspaper",
          "journal",
          "deadline",
          "delai",
          "uk",
          "object");

  /** Whether the question names a law or article by one of its aliases ("Le Temps", "RGPD"). */
  private static boolean namesIt(Guide g, String question) {
    String words = " " + Text.wordLine(question) + " ";
    return g.aliases().stream()
        .map(Text::wordLine)
        .filter(a -> a.length() >= 4 && !GENERIC.contains(a))
        .anyMatch(a -> words.contains(" " + a + " "));
  }
}
