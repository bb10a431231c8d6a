package ch.optout.chat;

import ch.optout.answer.Answer;
import ch.optout.answer.AnswerKind;
import ch.optout.answer.Messages;
import ch.optout.knowledge.Authority;
import ch.optout.knowledge.Company;
import ch.optout.knowledge.ComplaintRoute;
import ch.optout.knowledge.KnowledgeBase;
import ch.optout.knowledge.Language;
import ch.optout.knowledge.Source;
import ch.optout.store.ChatState;
import ch.optout.store.Region;
import ch.optout.store.Reminder;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The next step when a company did not answer an objection, or refused it: the complaint to the
 * authority where the user lives (from the contacts), how to file it, and its text filled in with
 * the company and the date of the objection — never the user's name or account.
 */
final class ComplaintDraft {
  private final KnowledgeBase knowledge;
  private final Messages messages;
  private final Clock clock;

  ComplaintDraft(KnowledgeBase knowledge, Messages messages, Clock clock) {
    this.knowledge = knowledge;
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * @param name the platform's or service's name
   * @param refused whether the company refused (else it did not answer)
   */
  Answer answer(
      Reminder reminder, String name, boolean refused, ChatState chat, Language language) {
    Optional<String> country =
        chat.country().or(() -> chat.region().flatMap(ComplaintDraft::country));
    Optional<ComplaintRoute> route =
        country.flatMap(c -> knowledge.contacts().complaint(c, LocalDate.now(clock)));
    String company = company(reminder.subject(), name);
    String sent = Timeline.day(reminder.sentOn(), language);
    List<String> lead = new ArrayList<>();
    lead.add(
        messages.get(
            language,
            refused ? "complaint.followup.why.refused" : "complaint.followup.why.none",
            company,
            sent));
    List<Source> sources = new ArrayList<>();
    String authority = messages.get(language, "complaint.followup.authority.unknown");
    if (route.isPresent()) {
      Authority a = route.get().authority();
      authority = a.name();
      String reach = route.get().reach();
      lead.add(
          messages.get(
              language,
              "complaint.followup.authority",
              place(country.get(), language),
              a.name(),
              reach));
      if (route.get().companyFirst()) {
        lead.add(messages.get(language, "complaint.companyFirst", a.name()));
      }
      a.web().or(a::webform).ifPresent(u -> sources.add(new Source(a.name(), u)));
    } else {
      lead.add(messages.get(language, "complaint.followup.country"));
    }
    lead.add(messages.get(language, "complaint.followup.fill"));
    Region law = country.flatMap(Regimes::letterRegion).or(chat::region).orElse(Region.EU);
    String draft =
        messages.get(
            language,
            "complaint.draft." + law.name().toLowerCase(Locale.ROOT),
            authority,
            company,
            name,
            sent,
            messages.get(
                language,
                refused ? "complaint.draft.outcome.refused" : "complaint.draft.outcome.none"));
    return Answer.builder(language, AnswerKind.LETTER)
        .title(messages.get(language, "complaint.followup.title", authority, name))
        .lead(String.join("\n\n", lead))
        .sources(sources)
        .document(draft)
        .build();
  }

  /** The legal entity behind a guide, when the contacts know it; else the name as shown. */
  private String company(String subject, String name) {
    return knowledge
        .findAny(subject, Language.fallback())
        .flatMap(g -> knowledge.contacts().forGuide(g))
        .or(() -> knowledge.contacts().find(name))
        .map(Company::name)
        .orElse(name);
  }

  /** A country for a law chosen with /region: the UK's and Switzerland's; the EU has many. */
  private static Optional<String> country(Region region) {
    return switch (region) {
      case UK -> Optional.of("GB");
      case CH -> Optional.of("CH");
      default -> Optional.empty();
    };
  }

  private String place(String code, Language language) {
    if (code.equals("CA-QC")) {
      return messages.get(language, "place.quebec");
    }
    String name =
        new Locale("", ch.optout.understand.Regions.country(code))
            .getDisplayCountry(language.locale());
    return name.isBlank() ? code : name;
  }
}
