package ch.optout.answer;

import ch.optout.knowledge.Guide;
import ch.optout.understand.Act;
import ch.optout.understand.Reading;
import ch.optout.understand.Shape;
import java.util.List;
import java.util.Optional;

/** A question naming no platform: a service without a guide, the law, a list, or ask back. */
final class PlatformlessRouting {
  private final CardLookup cards;

  PlatformlessRouting(CardLookup cards) {
    this.cards = cards;
  }

  /**
   * @param law the law's nearest card
   */
  Route route(Reading r, Optional<Reading.Asked> law) {
    if (r.uncovered().isPresent()) {
      return new Route.NotCovered(r.uncovered().get());
    }
    if (!r.lookalikes().isEmpty()) {
      // a label two services share: one line each, not a guess
      List<Guide> both = cards.guides(r.lookalikes(), r.language());
      return new Route.Compare(both, CardLeads.sharedCard(r, both));
    }
    if (r.shape() == Shape.LIST) {
      return new Route.ByKind(r.kinds());
    }
    if (asksOfAPlatform(r, law)) {
      // "is it retroactive?", "how do I turn it off?" with no platform: which one?
      return new Route.Clarify(Route.Clarify.Kind.PLATFORM, List.of());
    }
    // the article's cards answer only questions about the article
    Optional<Reading.Asked> lawCard =
        r.cardsFor(Reading.LAW).stream()
            .filter(l -> r.aboutArticle() || !l.id().startsWith(Router.ARTICLE_PREFIX))
            .findFirst()
            .filter(l -> l.score() >= Router.leads(r) * Router.LAW_ALONE);
    if (lawCard.isPresent()) {
      return new Route.Law(
          cards.found(lawCard.get().id(), r.language()).stream().toList(), Optional.empty());
    }
    if (r.aboutLaw() && r.act() != Act.CHECKLIST) {
      // "what does the GDPR say about this?" without a card that answers: the passages that do
      return new Route.Passages();
    }
    return new Route.Clarify(Route.Clarify.Kind.PLATFORM, List.of());
  }

  /**
   * Whether a question naming no platform asks something only a platform answers: how to switch it
   * off, or one of the cards every guide has, more surely than any law card.
   */
  private static boolean asksOfAPlatform(Reading r, Optional<Reading.Asked> law) {
    if (r.aboutLaw()) {
      // "if I object, is what was learned erased?": a word of the law makes it the law's question
      return false;
    }
    if (r.shape() == Shape.HOW_TO) {
      // "how do I object under the GDPR?" is the law's (a word of the law, above); "how do I turn
      // it off?" a platform's, however near a general card comes
      return true;
    }
    boolean facet =
        r.cards().stream()
            .findFirst()
            .filter(f -> Router.COMMON_CARDS.contains(f.id()) && f.score() >= 0.3)
            .isPresent();
    // a law card of its own ("is consent needed?") still answers without a platform
    boolean lawOfItsOwn =
        law.filter(l -> l.score() >= Router.leads(r) + 0.3)
            .filter(l -> !Router.COMMON_CARDS.contains(l.id().substring(l.id().indexOf('#') + 1)))
            .isPresent();
    return facet && !lawOfItsOwn;
  }
}
