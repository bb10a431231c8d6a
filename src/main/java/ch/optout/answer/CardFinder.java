package ch.optout.answer;

import ch.optout.knowledge.Card;
import ch.optout.knowledge.DocumentKind;
import ch.optout.knowledge.Guide;
import ch.optout.knowledge.KnowledgeBase;
import ch.optout.knowledge.Language;
import ch.optout.search.Facets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the answer card a question asks for: by its facets first ("retroactive" on the platform in
 * question), else by the words the question shares with the cards' questions and {@code also:}
 * phrasings.
 */
final class CardFinder {
  /** A card and the document it belongs to, for its sources. */
  record Found(Guide guide, Card card) {}

  /** Fewer shared words than this and a card is no answer to the question. */
  static final int MIN_SHARED = 2;

  private final KnowledgeBase knowledge;

  CardFinder(KnowledgeBase knowledge) {
    this.knowledge = knowledge;
  }

  /** The card of one document matching the first facet it has, in facet order. */
  Optional<Found> byFacets(Guide guide, List<String> facets) {
    for (String facet : facets) {
      Optional<Card> card = guide.card(facet);
      if (card.isPresent()) {
        return Optional.of(new Found(guide, card.get()));
      }
    }
    return Optional.empty();
  }

  /** A law card for the question's legal facets ("complaint-switzerland", "which-law"…). */
  Optional<Found> legal(List<String> facets, Language language, String question) {
    for (String facet : facets) {
      if (!Facets.isLegal(facet)) {
        continue;
      }
      Optional<Found> found = anyDocument(DocumentKind.LAW, facet, language, question);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /**
   * The cards of the press articles a question asks for ("who does the article quote?"), at most
   * two: one question often asks two things of an article.
   */
  List<Found> article(List<String> facets, String question, Language language) {
    List<Found> found = new ArrayList<>();
    for (String facet : facets) {
      anyDocument(DocumentKind.ARTICLE, facet, language, question).ifPresent(found::add);
      if (found.size() == 2) {
        return found;
      }
    }
    if (found.isEmpty()) {
      byWords(documents(DocumentKind.ARTICLE, language), question).ifPresent(found::add);
    }
    return found;
  }

  /**
   * Facets a how-to question may really ask besides the steps ("how do I opt out, and is it
   * retroactive?"); others, like "my private messages" in "how do I stop it keeping my chats", are
   * only the object of the how-to.
   */
  static final java.util.Set<String> HOW_TO_FACTS =
      java.util.Set.of(
          "retroactive",
          "minors",
          "deadline",
          "account-deletion",
          "non-users",
          "business",
          "scope");

  /** Facets that many questions trigger in passing ("my posts", "since"): a weaker signal. */
  static final java.util.Set<String> WEAK_FACETS = java.util.Set.of("data", "since", "regions");

  /** A card and how well it answers the question. */
  record Scored(Found found, double score) {}

  /**
   * The card of a guide that best answers a question: the words it shares with the card's question
   * and {@code also:} phrasings, plus a bonus when the card is one of the question's facets (the
   * first facet most).
   */
  Optional<Scored> best(Guide guide, String question, List<String> asked0) {
    List<String> facets = new ArrayList<>(asked0);
    // a guide without a private-messages card answers it in what data it uses
    if (facets.contains("private-messages")
        && guide.card("private-messages").isEmpty()
        && !facets.contains("data")) {
      facets.add(facets.indexOf("private-messages") + 1, "data");
    }
    Set<String> asked = stems(question);
    // "does it concern me in Montreal?" asks about regions and nothing else: then it counts fully
    boolean onlyWeak = facets.stream().allMatch(WEAK_FACETS::contains) && !facets.contains("data");
    Scored best = null;
    for (Card c : guide.cards()) {
      Set<String> words = stems(c.question() + " " + String.join(" ", c.also()));
      words.retainAll(asked);
      double score = words.size();
      int rank = facets.indexOf(c.id());
      if (rank >= 0) {
        score += WEAK_FACETS.contains(c.id()) && !onlyWeak ? 0.5 : (rank == 0 ? 3.0 : 2.0);
      }
      if (best == null || score > best.score()) {
        best = new Scored(new Found(guide, c), score);
      }
    }
    return Optional.ofNullable(best).filter(b -> b.score() >= MIN_SHARED);
  }

  /** How many words the question shares with the best line of a guide's prose (not its steps). */
  static int bestLineScore(Guide guide, String question) {
    Set<String> asked = stems(question);
    int best = 0;
    for (var section : guide.sections()) {
      if (section.kind() == ch.optout.knowledge.SectionKind.STEPS) {
        continue;
      }
      List<String> lines = new ArrayList<>(section.items());
      for (String sentence : section.text().split("(?<=[.!?])\\s+")) {
        lines.add(sentence);
      }
      for (String line : lines) {
        Set<String> words = stems(line);
        words.retainAll(asked);
        best = Math.max(best, words.size());
      }
    }
    return best;
  }

  /** The card of these documents sharing the most words with the question, if enough. */
  Optional<Found> byWords(List<Guide> guides, String question) {
    return byWords(guides, question, MIN_SHARED);
  }

  /** The same, with the number of shared words a card needs. */
  Optional<Found> byWords(List<Guide> guides, String question, int minShared) {
    Set<String> asked = stems(question);
    Found best = null;
    int bestShared = 0;
    for (Guide g : guides) {
      for (Card c : g.cards()) {
        Set<String> card = stems(c.question() + " " + String.join(" ", c.also()));
        card.retainAll(asked);
        if (card.size() > bestShared) {
          bestShared = card.size();
          best = new Found(g, c);
        }
      }
    }
    return bestShared >= minShared ? Optional.of(best) : Optional.empty();
  }

  List<Guide> documents(DocumentKind kind, Language language) {
    List<Guide> out = new ArrayList<>();
    for (Guide g : knowledge.documents()) {
      if (g.kind() == kind && g.language() == language) {
        out.add(g);
      }
    }
    if (out.isEmpty()) {
      for (Guide g : knowledge.documents()) {
        if (g.kind() == kind) {
          out.add(g);
        }
      }
    }
    return out;
  }

  /**
   * The card with this id in the documents of one kind; when several have it ("public-data" in two
   * law files), the one whose question shares most with the question asked.
   */
  private Optional<Found> anyDocument(
      DocumentKind kind, String facet, Language language, String question) {
    Set<String> asked = stems(question);
    Found best = null;
    int bestShared = -1;
    for (Guide g : documents(kind, language)) {
      Optional<Card> card = g.card(facet);
      if (card.isPresent()) {
        Set<String> words =
            stems(card.get().question() + " " + String.join(" ", card.get().also()));
        words.retainAll(asked);
        Set<String> answer = stems(card.get().answerText());
        answer.retainAll(asked);
        // the question's words count double; the answer's break ties
        int shared = 2 * words.size() + answer.size();
        if (shared > bestShared) {
          bestShared = shared;
          best = new Found(g, card.get());
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** Folded words of four letters or more, cut to five, without the commonest ones. */
  static Set<String> stems(String text) {
    return Snippets.stems(text, STOP);
  }

  /** Snippets' common words, and those of questions about a platform's cards. */
  private static final Set<String> STOP =
      union(
          Snippets.STOP,
          Set.of(
              "them",
              "will",
              "would",
              "could",
              "should",
              "there",
              "quels",
              "quelles",
              "leurs",
              "est-ce",
              "mais",
              "aussi",
              "also",
              "still",
              "encore",
              "tout",
              "tous",
              "just",
              "only",
              "seulement",
              "peut",
              "peux",
              "pouvez",
              "faire",
              "plus",
              "more",
              "than",
              "into",
              "sur",
              "which",
              "avoir",
              "etre",
              "being",
              "been",
              "were",
              "want",
              "veux",
              "train",
              "training",
              "entrainer",
              "entrainement",
              "linkedin",
              "meta",
              "instagram",
              "facebook",
              "chatgpt"));

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
