package ch.optout.answer;

import ch.optout.knowledge.Guide;
import ch.optout.understand.Reading;
import ch.optout.understand.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Which of a guide's cards lead the answer, from the scores a {@link Reading} gives them. */
final class CardLeads {
  private CardLeads() {}

  /** The cards that lead: the best one if it is good enough, and a second one close to it. */
  static List<Found> leading(Guide g, List<Reading.Asked> cards, double threshold) {
    List<Found> out = new ArrayList<>();
    for (Reading.Asked a : cards) {
      if (a.score() < threshold || out.size() == 2 || a.id().equals(Reading.HOW_TO)) {
        break;
      }
      if (!out.isEmpty() && a.score() < cards.get(0).score() * 0.85) {
        break;
      }
      g.card(a.id()).map(c -> new Found(g, c)).ifPresent(out::add);
    }
    return out;
  }

  /**
   * "Does Instagram use my photos?": the data card, unless another is {@link Router#OVER_DATA}
   * nearer.
   */
  static List<Found> whetherUsed(Guide g, List<Reading.Asked> cards, double leads) {
    double data =
        cards.stream()
            .filter(a -> a.id().equals("data"))
            .mapToDouble(Reading.Asked::score)
            .findFirst()
            .orElse(0);
    Optional<Reading.Asked> best = cards.stream().findFirst();
    if (best.isPresent()
        && !best.get().id().equals("data")
        && best.get().score() >= Math.max(leads, data + Router.OVER_DATA)) {
      return leading(g, cards, leads);
    }
    return g.card("data").map(c -> List.of(new Found(g, c))).orElse(List.of());
  }

  /** The card id asked of several platforms, if the first one's best card is shared by them. */
  static Optional<String> sharedCard(Reading r, List<Guide> guides) {
    if (r.shape() == Shape.HOW_TO || r.shape() == Shape.LIST) {
      return Optional.empty();
    }
    for (Guide g : guides) {
      double leads = Router.leads(r);
      Optional<Reading.Asked> best =
          r.cardsFor(g.id()).stream().findFirst().filter(a -> a.score() >= leads);
      if (best.isPresent()) {
        String id = best.get().id();
        return guides.stream().allMatch(other -> other.card(id).isPresent())
            ? Optional.of(id)
            : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The one named guide a card of which answers the question clearly, if any. */
  static Optional<Guide> aboutOne(Reading r, List<Guide> guides) {
    Guide best = null;
    double bestScore = Router.leads(r);
    for (Guide g : guides) {
      // a plain "how do I stop it?" on two platforms is about both
      double score =
          r.cardsFor(g.id()).stream()
              .findFirst()
              .filter(a -> !a.id().equals(Reading.HOW_TO))
              .map(Reading.Asked::score)
              .orElse(0.0);
      if (best == null ? score >= bestScore : score > bestScore) {
        best = g;
        bestScore = score;
      }
    }
    return Optional.ofNullable(best);
  }

  /** A card every guide should have, clearly asked, that this guide lacks. */
  static Optional<String> unanswered(Reading r, Guide g) {
    return r.cards().stream()
        .findFirst()
        .filter(f -> Router.COMMON_CARDS.contains(f.id()) && f.score() >= Router.UNANSWERED)
        .map(Reading.Asked::id)
        .filter(id -> g.card(id).isEmpty());
  }
}
