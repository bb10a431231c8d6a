package ch.optout.answer;

import ch.optout.knowledge.Authority;
import ch.optout.knowledge.ComplaintRoute;
import ch.optout.knowledge.Contacts;
import ch.optout.knowledge.Guide;
import ch.optout.knowledge.Language;
import ch.optout.knowledge.Source;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who to complain to where the user lives: the authority from the contacts (its form or address),
 * whether the company must hear the complaint first, and the law file's card for that country.
 */
final class Complaints {
  private final Contacts contacts;
  private final Messages messages;
  private final Clock clock;

  Complaints(Contacts contacts, Messages messages, Clock clock) {
    this.contacts = contacts;
    this.messages = messages;
    this.clock = clock;
  }

  Answer answer(Language language, String country, Optional<Guide> platform, Optional<Found> card) {
    String place = placeName(country, language);
    List<String> lead = new ArrayList<>();
    List<Source> sources = new ArrayList<>();
    // the law file's card for that country answers first ("To the FDPIC…"), then how to reach it
    card.ifPresent(
        f -> {
          lead.add(f.card().answerText());
          sources.addAll(f.cited());
        });
    Optional<ComplaintRoute> route = contacts.complaint(country, LocalDate.now(clock));
    if (route.isPresent()) {
      Authority a = route.get().authority();
      String reach = route.get().reach();
      lead.add(messages.get(language, "complaint.authority", place, a.name(), reach));
      lead.add(
          route.get().companyFirst()
              ? messages.get(language, "complaint.companyFirst", a.name())
              : messages.get(
                  language,
                  "complaint.companyAdvice",
                  platform
                      .map(Guide::platform)
                      .orElse(messages.get(language, "complaint.theCompany"))));
      a.web().or(a::webform).ifPresent(u -> sources.add(new Source(a.name(), u)));
      a.sources().stream().limit(1).forEach(u -> sources.add(new Source(a.name(), u)));
    } else if (card.isEmpty()) {
      lead.add(messages.get(language, "complaint.none", place));
    }
    return Answer.builder(language, AnswerKind.INFORMATION)
        .title(messages.get(language, "complaint.title", place))
        .lead(String.join("\n\n", lead))
        .sources(LeadAnswers.distinct(sources))
        .cards(card.map(f -> List.of(f.id())).orElse(List.of()))
        .verified(card.flatMap(f -> f.guide().verified()))
        .platformId(platform.map(Guide::id))
        .build();
  }

  /** "Switzerland", « Suisse », "Quebec" for a code. */
  String placeName(String code, Language language) {
    if (code.equals("CA-QC")) {
      return messages.get(language, "place.quebec");
    }
    String country = ch.optout.understand.Regions.country(code);
    String name = new Locale("", country).getDisplayCountry(language.locale());
    return name.isBlank() ? code : name;
  }
}
