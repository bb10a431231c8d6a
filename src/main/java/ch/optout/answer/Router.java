package ch.optout.answer;

import ch.optout.knowledge.CommonCards;
import ch.optout.knowledge.Guide;
import ch.optout.knowledge.KnowledgeBase;
import ch.optout.understand.Act;
import ch.optout.understand.Reading;
import ch.optout.understand.Scope;
import ch.optout.understand.Shape;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides how a question is answered, from its {@link Reading} alone: a pure function, so that each
 * decision can be tested without composing anything. The score thresholds were calibrated on the
 * tuning half of the project's unseen questions and card paraphrases.
 */
public final class Router {
  /**
   * A platform's card this well matched leads the answer, a how-to's too ("how do I opt out, and is
   * it retroactive?"): in words only, and in words and meaning (whose scores run higher).
   */
  static final double CARD_LEADS = 0.3;

  static final double CARD_LEADS_SEMANTIC = 0.6;

  /** How well a card must match to lead, for this reading: law and article cards alike. */
  public static double leads(Reading r) {
    return r.semantic() ? CARD_LEADS_SEMANTIC : CARD_LEADS;
  }

  /** How much a law card must beat the platform's best by: nothing when the law is the subject. */
  static double lawMargin(Reading r) {
    return r.aboutLaw() ? 0 : LAW_OVER_PLATFORM;
  }

  /** With no platform named, a law card leads from this share of the usual score. */
  static final double LAW_ALONE = 0.85;

  /** With a platform named, a law card must beat the platform's best card by this much. */
  static final double LAW_OVER_PLATFORM = 0.2;

  /**
   * "Does Instagram use my photos?" is answered by the data card unless another is this much
   * nearer.
   */
  static final double OVER_DATA = 0.3;

  /** A common card asked this surely, that the guide lacks, is said to be unanswered. */
  static final double UNANSWERED = 0.4;

  private static final Set<Act> SMALL_TALK =
      Set.of(Act.GREETING, Act.THANKS, Act.GOODBYE, Act.ACK, Act.SMALL_TALK);

  /** The article's cards, {@code le-temps…#id}: they answer only questions about the article. */
  static final String ARTICLE_PREFIX = "le-temps";

  /** The cards every guide has: asked without a platform, they ask about one. */
  static final Set<String> COMMON_CARDS = Set.copyOf(CommonCards.IDS);

  private final CardLookup lookup;
  private final ComplaintRouting complaints;
  private final PlatformlessRouting platformless;

  /**
   * @param complaintCards each country's complaint card, as {@code doc#id}
   */
  Router(KnowledgeBase knowledge, Map<String, String> complaintCards) {
    this.lookup = new CardLookup(knowledge);
    this.complaints = new ComplaintRouting(lookup, complaintCards);
    this.platformless = new PlatformlessRouting(lookup);
  }

  Route route(Reading r) {
    if (SMALL_TALK.contains(r.act())) {
      return new Route.SmallTalk(r.act());
    }
    List<Guide> guides = lookup.guides(r.platformIds(), r.language());
    if (r.scope() == Scope.OUT) {
      return new Route.OffTopic(guides.stream().findFirst());
    }
    if (r.scope() == Scope.UNSURE) {
      return new Route.Clarify(Route.Clarify.Kind.TOPIC, guides);
    }
    Optional<Reading.Asked> law = r.cardsFor(Reading.LAW).stream().findFirst();
    if (r.act() == Act.CHECKLIST && guides.isEmpty()) {
      return new Route.Checklist();
    }
    if (complaints.asked(r, law, guides)) {
      return complaints.route(r, law, guides);
    }
    if (guides.isEmpty()) {
      return platformless.route(r, law);
    }
    if (r.aboutArticle()
        && law.filter(l -> l.id().startsWith(ARTICLE_PREFIX) && l.score() >= leads(r) * 0.8)
            .isPresent()) {
      // "what date did the Le Temps piece give for LinkedIn?": the article's card, then LinkedIn
      return new Route.Law(
          lookup.found(law.get().id(), r.language()).stream().toList(),
          guides.stream().findFirst());
    }
    Guide g = guides.get(0);
    if (guides.size() >= 2) {
      // "is CapCut owned by the TikTok people?" is about CapCut: the guide with the card that
      // answers, unless the question compares them or asks how to do it on each; three or more
      // platforms named are compared
      Optional<Guide> about = guides.size() == 2 ? CardLeads.aboutOne(r, guides) : Optional.empty();
      if (r.shape() == Shape.COMPARISON || r.shape() == Shape.LIST || about.isEmpty()) {
        return new Route.Compare(guides, CardLeads.sharedCard(r, guides));
      }
      g = about.get();
    }
    List<Reading.Asked> cards = r.cardsFor(g.id());
    double best = cards.isEmpty() ? 0 : cards.get(0).score();
    if (law.filter(l -> l.score() >= leads(r) && l.score() > best + lawMargin(r)).isPresent()
        && r.shape() != Shape.HOW_TO) {
      return new Route.Law(
          lookup.found(law.get().id(), r.language()).stream().toList(), Optional.of(g));
    }
    double leads = leads(r);
    Optional<String> unanswered =
        r.shape() == Shape.HOW_TO ? Optional.empty() : CardLeads.unanswered(r, g);
    if (unanswered.isPresent() && GuideLines.answering(g, r.question()).isEmpty()) {
      // "is it fine for my kids?" on a guide without a card about minors: said, then what to do
      return new Route.HowTo(g, List.of(), unanswered);
    }
    return switch (r.shape()) {
      case HOW_TO -> new Route.HowTo(g, CardLeads.leading(g, cards, leads));
      case WHETHER_USED -> {
        List<Found> used = CardLeads.whetherUsed(g, cards, leads);
        if (!used.isEmpty()) {
          yield new Route.Card(g, used);
        }
        List<String> lines = GuideLines.answering(g, r.question());
        yield lines.isEmpty() ? new Route.HowTo(g, List.of()) : new Route.Lines(g, lines);
      }
      default -> {
        List<Found> leading = CardLeads.leading(g, cards, leads);
        if (!leading.isEmpty()) {
          yield new Route.Card(g, leading);
        }
        List<String> lines = GuideLines.answering(g, r.question());
        yield lines.isEmpty() ? new Route.HowTo(g, List.of()) : new Route.Lines(g, lines);
      }
    };
  }
}
