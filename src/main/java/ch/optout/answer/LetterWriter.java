package ch.optout.answer;

import ch.optout.knowledge.Company;
import ch.optout.knowledge.CompanyNames;
import ch.optout.knowledge.Guide;
import ch.optout.knowledge.KnowledgeBase;
import ch.optout.knowledge.Language;
import ch.optout.knowledge.OptOutKind;
import ch.optout.knowledge.Source;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Objection letters from the reviewed templates in knowledge/letters, addressed from the contacts:
 * the platform's own form first where it has one, then the legal entity and its privacy contact,
 * today's date and the answer the law gives the company time for. Only the addressee and the date
 * are filled in: the user's name, e-mail and account stay placeholders, so no personal data OptOut
 * might hold can ever end up in a letter.
 */
public final class LetterWriter {
  private final KnowledgeBase knowledge;
  private final Messages messages;
  private final Clock clock;
  private volatile CompanyNames names;

  public LetterWriter(KnowledgeBase knowledge, Messages messages, Clock clock) {
    this.knowledge = knowledge;
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * A letter ready to copy, how to send it, and what it is based on.
   *
   * @param company the company record it is addressed to, when there is one
   * @param answerDue the day the answer is due by law, when the law sets one (not in Switzerland)
   */
  public record Letter(
      String platformId,
      LegalRegime regime,
      Language language,
      String intro,
      String text,
      List<Source> sources,
      Optional<LocalDate> verified,
      Optional<Company> company,
      Optional<LocalDate> answerDue) {}

  /**
   * A letter to a service OptOut has no guide for ("Duolingo"): addressed to its record in the
   * contacts when one matches the name, else with the privacy contact left for the user to find.
   * Empty when the template is missing.
   */
  public Optional<Letter> writeUncovered(String service, LegalRegime regime, Language language) {
    Optional<Guide> template = knowledge.find(regime.letterId(), language);
    if (template.isEmpty()) {
      return Optional.empty();
    }
    Optional<Company> company = findCompany(service, regime);
    String shown = spelling(service);
    LetterAddress address =
        company
            .map(c -> LetterAddress.forCompany(shown, c, messages, language))
            .orElseGet(() -> LetterAddress.unknown(shown, messages, language));
    return Optional.of(
        letter(
            "", regime, language, template.get(), address, company, List.of(), Optional.empty()));
  }

  /**
   * The first company of the contacts named in a letter request ("write to Zalando"), as the user
   * wrote it; empty when none is, or only as a common word ("a letter to my bank").
   */
  public Optional<String> companyNamedIn(String text) {
    CompanyNames built = names;
    if (built == null) {
      built = new CompanyNames(knowledge.contacts());
      names = built;
    }
    return built.find(text).stream().findFirst().map(CompanyNames.Mention::text);
  }

  /** Whether the company contacts know a service by this name. */
  public boolean knows(String service) {
    return knowledge.contacts().find(service).isPresent();
  }

  /** A service's name as its company writes it ("Booking.com" for "booking com"), else as typed. */
  public String spelling(String service) {
    return knowledge.contacts().spelling(service).orElse(service);
  }

  /** Empty when the platform or the template is unknown. */
  public Optional<Letter> write(String platformId, LegalRegime regime, Language language) {
    Optional<Guide> guide = knowledge.findAny(platformId, language);
    Optional<Guide> template = knowledge.find(regime.letterId(), language);
    if (guide.isEmpty() || template.isEmpty()) {
      return Optional.empty();
    }
    Guide g = guide.get();
    Optional<Company> company = knowledge.contacts().forGuide(g);
    LetterAddress address = LetterAddress.forGuide(g, company, messages, language);
    List<String> after = new ArrayList<>();
    if (g.optOut().filter(k -> k == OptOutKind.SETTING).isPresent()) {
      after.add(messages.get(language, "letter.complement", g.platform()));
    }
    return Optional.of(
        letter(g.id(), regime, language, template.get(), address, company, after, g.verified()));
  }

  private Letter letter(
      String platformId,
      LegalRegime regime,
      Language language,
      Guide template,
      LetterAddress address,
      Optional<Company> company,
      List<String> after,
      Optional<LocalDate> guideVerified) {
    LocalDate today = LocalDate.now(clock);
    Optional<LocalDate> due =
        regime == LegalRegime.CH ? Optional.empty() : Optional.of(today.plusMonths(1));
    List<String> intro = new ArrayList<>(address.lines());
    intro.add(deadline(regime, language, due));
    intro.addAll(after);
    List<Source> sources = new ArrayList<>(address.sources());
    sources.addAll(template.sources());
    Optional<LocalDate> verified =
        template.verified().map(t -> guideVerified.filter(g -> g.isBefore(t)).orElse(t));
    return new Letter(
        platformId,
        regime,
        language,
        String.join("\n\n", intro),
        fill(template, address.recipient(), address.route(), today, language),
        sources,
        verified,
        company,
        due);
  }

  /** "GB" records for a UK letter, "CH" for a Swiss one: Amazon writes from each country. */
  private Optional<Company> findCompany(String service, LegalRegime regime) {
    return switch (regime) {
      case UK -> knowledge.contacts().find(service, "GB");
      case CH -> knowledge.contacts().find(service, "CH");
      case EU -> knowledge.contacts().find(service);
    };
  }

  /** One month under the GDPR and the UK GDPR (Art. 12(3)); the FADP sets none for objections. */
  private String deadline(LegalRegime regime, Language language, Optional<LocalDate> due) {
    String key = "letter.deadline." + regime.name().toLowerCase(java.util.Locale.ROOT);
    return due.map(d -> messages.get(language, key, format(d, language)))
        .orElseGet(() -> messages.get(language, key));
  }

  private static String format(LocalDate date, Language language) {
    return date.format(
        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.locale()));
  }

  /** The template's text with the addressee and today's date: nothing of the user. */
  private static String fill(
      Guide template, String recipient, String route, LocalDate today, Language language) {
    return template
        .sections()
        .get(0)
        .text()
        .replace("{platform}", recipient)
        .replace("{contact}", route)
        .replace("{date}", format(today, language));
  }
}
