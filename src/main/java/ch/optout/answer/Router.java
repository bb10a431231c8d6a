package ch.optout.answer;

import ch.optout.knowledge.Card;
import ch.optout.knowledge.Guide;
import ch.optout.knowledge.KnowledgeBase;
import ch.optout.knowledge.Language;
import ch.optout.understand.Act;
import ch.optout.understand.Reading;
import ch.optout.understand.Scope;
import ch.optout.understand.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
  private static double lawMargin(Reading r) {
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

  private final KnowledgeBase knowledge;
  private final Map<String, String> complaintCards;

  Router(KnowledgeBase knowledge, Map<String, String> complaintCards) {
    this.knowledge = knowledge;
    this.complaintCards = Map.copyOf(complaintCards);
  }

  /** The bundled table of each country's complaint card. */
  static Map<String, String> bundledComplaintCards() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line :
        ch.optout.understand.LanguagePack.readLines("understanding/complaint-cards.tsv")) {
      if (line.isBlank() || line.startsWith("#") || !line.contains("\t")) {
        continue;
      }
      String[] parts = line.split("\t", 2);
      out.put(parts[0].strip(), parts[1].strip());
    }
    return out;
  }

  Route route(Reading r) {
    if (SMALL_TALK.contains(r.act())) {
      return new Route.SmallTalk(r.act());
    }
    List<Guide> guides = guides(r.platformIds(), r.language());
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
    if (r.act() == Act.COMPLAINT
        || r.act() == Act.NO_REPLY
        // "and on Etsy, the same?" after a complaint: Etsy's, unless a complaint is asked for
        || (isComplaint(r, law, guides) && r.uncovered().isEmpty())) {
      // a card on complaining itself ("must I complain in Ireland?", "is it free?") leads
      Optional<Found> general =
          law.filter(l -> l.score() >= leads(r) && GENERAL_COMPLAINT.contains(l.id()))
              .flatMap(l -> found(l.id(), r.language()));
      if (general.isPresent() && r.country().isEmpty()) {
        return new Route.Law(List.of(general.get()), guides.stream().findFirst());
      }
      return r.country()
          .<Route>map(
              country ->
                  new Route.Complaint(
                      country,
                      guides.stream().findFirst(),
                      general
                          .or(() -> complaintCard(country, r.language()))
                          .or(() -> complaintLawCard(r, law))))
          .orElseGet(() -> new Route.Clarify(Route.Clarify.Kind.COUNTRY, guides));
    }
    if (guides.isEmpty()) {
      return withoutPlatform(r, law);
    }
    if (r.aboutArticle()
        && law.filter(l -> l.id().startsWith(ARTICLE_PREFIX) && l.score() >= leads(r) * 0.8)
            .isPresent()) {
      // "what date did the Le Temps piece give for LinkedIn?": the article's card, then LinkedIn
      return new Route.Law(
          found(law.get().id(), r.language()).stream().toList(), guides.stream().findFirst());
    }
    Guide g = guides.get(0);
    if (guides.size() >= 2) {
      // "is CapCut owned by the TikTok people?" is about CapCut: the guide with the card that
      // answers, unless the question compares them or asks how to do it on each; three or more
      // platforms named are compared
      Optional<Guide> about = guides.size() == 2 ? aboutOne(r, guides) : Optional.empty();
      if (r.shape() == Shape.COMPARISON || r.shape() == Shape.LIST || about.isEmpty()) {
        return new Route.Compare(guides, sharedCard(r, guides));
      }
      g = about.get();
    }
    List<Reading.Asked> cards = r.cardsFor(g.id());
    double best = cards.isEmpty() ? 0 : cards.get(0).score();
    if (law.filter(l -> l.score() >= leads(r) && l.score() > best + lawMargin(r)).isPresent()
        && r.shape() != Shape.HOW_TO) {
      return new Route.Law(found(law.get().id(), r.language()).stream().toList(), Optional.of(g));
    }
    double leads = leads(r);
    Optional<String> unanswered = r.shape() == Shape.HOW_TO ? Optional.empty() : unanswered(r, g);
    if (unanswered.isPresent() && GuideLines.answering(g, r.question()).isEmpty()) {
      // "is it fine for my kids?" on a guide without a card about minors: said, then what to do
      return new Route.HowTo(g, List.of(), unanswered);
    }
    return switch (r.shape()) {
      case HOW_TO -> new Route.HowTo(g, leading(g, cards, leads));
      case WHETHER_USED -> {
        List<Found> used = whetherUsed(g, cards, leads);
        if (!used.isEmpty()) {
          yield new Route.Card(g, used);
        }
        List<String> lines = GuideLines.answering(g, r.question());
        yield lines.isEmpty() ? new Route.HowTo(g, List.of()) : new Route.Lines(g, lines);
      }
      default -> {
        List<Found> leading = leading(g, cards, leads);
        if (!leading.isEmpty()) {
          yield new Route.Card(g, leading);
        }
        List<String> lines = GuideLines.answering(g, r.question());
        yield lines.isEmpty() ? new Route.HowTo(g, List.of()) : new Route.Lines(g, lines);
      }
    };
  }

  /** A card every guide should have, clearly asked, that this guide lacks. */
  private static Optional<String> unanswered(Reading r, Guide g) {
    return r.cards().stream()
        .findFirst()
        .filter(f -> COMMON_CARDS.contains(f.id()) && f.score() >= UNANSWERED)
        .map(Reading.Asked::id)
        .filter(id -> g.card(id).isEmpty());
  }

  /** The one named guide a card of which answers the question clearly, if any. */
  private Optional<Guide> aboutOne(Reading r, List<Guide> guides) {
    Guide best = null;
    double bestScore = leads(r);
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

  /** A question naming no platform: a service without a guide, the law, a list, or ask back. */
  private Route withoutPlatform(Reading r, Optional<Reading.Asked> law) {
    if (r.uncovered().isPresent()) {
      return new Route.NotCovered(r.uncovered().get());
    }
    if (!r.lookalikes().isEmpty()) {
      // a label two services share: one line each, not a guess
      List<Guide> both = guides(r.lookalikes(), r.language());
      return new Route.Compare(both, sharedCard(r, both));
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
            .filter(l -> r.aboutArticle() || !l.id().startsWith(ARTICLE_PREFIX))
            .findFirst()
            .filter(l -> l.score() >= leads(r) * LAW_ALONE);
    if (lawCard.isPresent()) {
      return new Route.Law(
          found(lawCard.get().id(), r.language()).stream().toList(), Optional.empty());
    }
    if (r.aboutLaw() && r.act() != Act.CHECKLIST) {
      // "what does the GDPR say about this?" without a card that answers: the passages that do
      return new Route.Passages();
    }
    return new Route.Clarify(Route.Clarify.Kind.PLATFORM, List.of());
  }

  /** The law's complaint card the question came nearest to, when no country has one. */
  private Optional<Found> complaintLawCard(Reading r, Optional<Reading.Asked> law) {
    return law.filter(l -> l.score() >= leads(r) * 0.6)
        .filter(l -> l.id().substring(l.id().indexOf('#') + 1).startsWith("complaint"))
        .flatMap(l -> found(l.id(), r.language()));
  }

  private static final String ARTICLE_PREFIX = "le-temps";

  /** Cards about complaining anywhere, which answer before any country's authority. */
  private static final Set<String> GENERAL_COMPLAINT =
      Set.of(
          "complaints#complaint-first-company",
          "complaints#complaint-cost",
          "complaints#complaint-time",
          "complaints#complaint-compensation",
          "complaints#complaint-foreign-company",
          "complaints#complaint-anonymous",
          "uk-gdpr#complaint-first-company");

  /** The cards every guide has: asked without a platform, they ask about one. */
  static final Set<String> COMMON_CARDS =
      Set.of(
          "retroactive",
          "private-messages",
          "minors",
          "regions",
          "since",
          "default",
          "deadline",
          "scope",
          "account-deletion",
          "non-users",
          "retention",
          "business",
          "data");

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
            .filter(f -> COMMON_CARDS.contains(f.id()) && f.score() >= 0.3)
            .isPresent();
    // a law card of its own ("is consent needed?") still answers without a platform
    boolean lawOfItsOwn =
        law.filter(l -> l.score() >= leads(r) + 0.3)
            .filter(l -> !COMMON_CARDS.contains(l.id().substring(l.id().indexOf('#') + 1)))
            .isPresent();
    return facet && !lawOfItsOwn;
  }

  /**
   * Whether the law's nearest card is about complaining: surely, or fairly surely when the user
   * also says where they live ("I'm in Leeds: which body handles it?").
   */
  private boolean isComplaint(Reading r, Optional<Reading.Asked> law, List<Guide> guides) {
    double needed = r.country().isPresent() ? leads(r) * 0.6 : leads(r);
    for (Guide g : guides) {
      // with a platform named, the law's card must beat the platform's own, as for any law card
      needed =
          Math.max(
              needed,
              r.cardsFor(g.id()).stream().findFirst().map(Reading.Asked::score).orElse(0.0)
                  + lawMargin(r));
    }
    double bar = needed;
    return law.filter(l -> l.score() >= bar)
        .filter(l -> l.id().substring(l.id().indexOf('#') + 1).startsWith("complaint"))
        .isPresent();
  }

  /** The cards that lead: the best one if it is good enough, and a second one close to it. */
  private List<Found> leading(Guide g, List<Reading.Asked> cards, double threshold) {
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

  private List<Found> whetherUsed(Guide g, List<Reading.Asked> cards, double leads) {
    double data =
        cards.stream()
            .filter(a -> a.id().equals("data"))
            .mapToDouble(Reading.Asked::score)
            .findFirst()
            .orElse(0);
    Optional<Reading.Asked> best = cards.stream().findFirst();
    if (best.isPresent()
        && !best.get().id().equals("data")
        && best.get().score() >= Math.max(leads, data + OVER_DATA)) {
      return leading(g, cards, leads);
    }
    return g.card("data").map(c -> List.of(new Found(g, c))).orElse(List.of());
  }

  /** The card id asked of several platforms, if the first one's best card is shared by them. */
  private Optional<String> sharedCard(Reading r, List<Guide> guides) {
    if (r.shape() == Shape.HOW_TO || r.shape() == Shape.LIST) {
      return Optional.empty();
    }
    for (Guide g : guides) {
      double leads = leads(r);
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

  private Optional<Found> complaintCard(String country, Language language) {
    return Optional.ofNullable(complaintCards.get(country))
        .or(
            () ->
                Optional.ofNullable(
                    complaintCards.get(ch.optout.understand.Regions.country(country))))
        .flatMap(id -> found(id, language));
  }

  /** A law or article card by {@code doc#id}, in the question's language if there is one. */
  Optional<Found> found(String label, Language language) {
    int hash = label.indexOf('#');
    if (hash < 0) {
      return Optional.empty();
    }
    Optional<Guide> doc = knowledge.findAny(label.substring(0, hash), language);
    Optional<Card> card = doc.flatMap(d -> d.card(label.substring(hash + 1)));
    return card.map(c -> new Found(doc.get(), c));
  }

  private List<Guide> guides(List<String> ids, Language language) {
    return ids.stream()
        .map(id -> knowledge.findAny(id, language))
        .flatMap(Optional::stream)
        .toList();
  }
}
