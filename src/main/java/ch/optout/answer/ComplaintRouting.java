package ch.optout.answer;

import ch.optout.knowledge.Guide;
import ch.optout.knowledge.Language;
import ch.optout.understand.Act;
import ch.optout.understand.LanguagePack;
import ch.optout.understand.Reading;
import ch.optout.understand.Regions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a question is a complaint, and how it is answered: a card on complaining itself, else the
 * authority where the user lives with that country's card, else which country.
 */
final class ComplaintRouting {
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

  private final CardLookup cards;
  private final Map<String, String> complaintCards;

  /**
   * @param complaintCards each country's complaint card, as {@code doc#id}
   */
  ComplaintRouting(CardLookup cards, Map<String, String> complaintCards) {
    this.cards = cards;
    this.complaintCards = Map.copyOf(complaintCards);
  }

  /** The bundled table of each country's complaint card. */
  static Map<String, String> bundledComplaintCards() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : LanguagePack.readLines("understanding/complaint-cards.tsv")) {
      if (line.isBlank() || line.startsWith("#") || !line.contains("\t")) {
        continue;
      }
      String[] parts = line.split("\t", 2);
      out.put(parts[0].strip(), parts[1].strip());
    }
    return out;
  }

  /**
   * Whether the question complains: by its act, or by the law card it comes nearest to.
   *
   * @param law the law's nearest card
   */
  boolean asked(Reading r, Optional<Reading.Asked> law, List<Guide> guides) {
    return r.act() == Act.COMPLAINT
        || r.act() == Act.NO_REPLY
        // "and on Etsy, the same?" after a complaint: Etsy's, unless a complaint is asked for
        || (isComplaint(r, law, guides) && r.uncovered().isEmpty());
  }

  /** The route of a complaint. */
  Route route(Reading r, Optional<Reading.Asked> law, List<Guide> guides) {
    // a card on complaining itself ("must I complain in Ireland?", "is it free?") leads
    Optional<Found> general =
        law.filter(l -> l.score() >= Router.leads(r) && GENERAL_COMPLAINT.contains(l.id()))
            .flatMap(l -> cards.found(l.id(), r.language()));
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

  /**
   * Whether the law's nearest card is about complaining: surely, or fairly surely when the user
   * also says where they live ("I'm in Leeds: which body handles it?").
   */
  private boolean isComplaint(Reading r, Optional<Reading.Asked> law, List<Guide> guides) {
    double needed = r.country().isPresent() ? Router.leads(r) * 0.6 : Router.leads(r);
    for (Guide g : guides) {
      // with a platform named, the law's card must beat the platform's own, as for any law card
      needed =
          Math.max(
              needed,
              r.cardsFor(g.id()).stream().findFirst().map(Reading.Asked::score).orElse(0.0)
                  + Router.lawMargin(r));
    }
    double bar = needed;
    return law.filter(l -> l.score() >= bar).filter(ComplaintRouting::aboutComplaining).isPresent();
  }

  /** The law's complaint card the question came nearest to, when no country has one. */
  private Optional<Found> complaintLawCard(Reading r, Optional<Reading.Asked> law) {
    return law.filter(l -> l.score() >= Router.leads(r) * 0.6)
        .filter(ComplaintRouting::aboutComplaining)
        .flatMap(l -> cards.found(l.id(), r.language()));
  }

  private static boolean aboutComplaining(Reading.Asked law) {
    return law.id().substring(law.id().indexOf('#') + 1).startsWith("complaint");
  }

  private Optional<Found> complaintCard(String country, Language language) {
    return Optional.ofNullable(complaintCards.get(country))
        .or(() -> Optional.ofNullable(complaintCards.get(Regions.country(country))))
        .flatMap(id -> cards.found(id, language));
  }
}
