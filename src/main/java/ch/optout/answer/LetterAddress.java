package ch.optout.answer;

import ch.optout.knowledge.Company;
import ch.optout.knowledge.Contact;
import ch.optout.knowledge.Guide;
import ch.optout.knowledge.Language;
import ch.optout.knowledge.OptOutKind;
import ch.optout.knowledge.Source;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whom a letter goes to and how, said to the user: the platform's own objection form first where
 * its guide has one (faster than a letter), then the legal entity of its company record by the
 * record's medium (e-mail, web form, or post), else the guide's own contact; an unchecked record
 * with a caveat, and each contact with its source.
 *
 * @param recipient the letter's "To:" name: the legal entity, else the platform
 * @param route the letter's "To:" contact: an e-mail, a web form, a postal address or a placeholder
 * @param lines what to tell the user, in order
 * @param sources where each contact comes from
 */
record LetterAddress(String recipient, String route, List<String> lines, List<Source> sources) {
  LetterAddress {
    lines = List.copyOf(lines);
    sources = List.copyOf(sources);
  }

  /** A platform with a guide, and its company record if the guide links one. */
  static LetterAddress forGuide(
      Guide guide, Optional<Company> company, Messages messages, Language language) {
    List<String> lines = new ArrayList<>();
    List<Source> sources = new ArrayList<>();
    ownForm(guide, messages, language, lines, sources);
    boolean formFirst = !lines.isEmpty();
    if (company.isPresent()) {
      return toCompany(
          company.get(), guide.platform(), formFirst, messages, language, lines, sources);
    }
    Contact contact = guide.contact();
    contact
        .email()
        .ifPresent(
            e -> {
              lines.add(messages.get(language, "letter.send.email", e));
              sources.add(
                  new Source(
                      messages.get(language, "letter.source.email", guide.platform(), e),
                      URI.create("mailto:" + e)));
            });
    String route =
        contact
            .form()
            .map(URI::toString)
            .or(contact::email)
            .orElse(messages.get(language, "letter.contact.unknown"));
    if (contact.isEmpty() && !formFirst) {
      lines.add(messages.get(language, "letter.send.unknown", guide.platform()));
      sources.addAll(guide.sources());
    }
    return new LetterAddress(guide.platform(), route, lines, sources);
  }

  /** A service without a guide, found in the contacts by the name the user typed. */
  static LetterAddress forCompany(
      String service, Company company, Messages messages, Language language) {
    List<String> lines = new ArrayList<>();
    lines.add(messages.get(language, "letter.uncovered.company", service));
    return toCompany(company, service, false, messages, language, lines, new ArrayList<>());
  }

  /** A service known by name only: the contact is the user's to find. */
  static LetterAddress unknown(String service, Messages messages, Language language) {
    return new LetterAddress(
        service,
        messages.get(language, "letter.contact.unknown"),
        List.of(messages.get(language, "letter.send.uncovered", service)),
        List.of());
  }

  /**
   * The platform's own objection form: the guide's contact form, or, where objecting is done by a
   * form ({@code opt_out: form}), the guide's link or, without one, its path to the form.
   */
  private static void ownForm(
      Guide guide, Messages messages, Language language, List<String> lines, List<Source> sources) {
    Optional<URI> form =
        guide
            .contact()
            .form()
            .or(() -> guide.optOut().filter(k -> k == OptOutKind.FORM).flatMap(k -> guide.link()));
    if (form.isPresent()) {
      lines.add(messages.get(language, "letter.form.first", guide.platform(), form.get()));
      sources.add(
          new Source(messages.get(language, "letter.source.form", guide.platform()), form.get()));
    } else if (guide.optOut().filter(k -> k == OptOutKind.FORM).isPresent()
        && !guide.action().isBlank()) {
      lines.add(messages.get(language, "letter.form.first", guide.platform(), guide.action()));
    }
  }

  private static LetterAddress toCompany(
      Company company,
      String platform,
      boolean formFirst,
      Messages messages,
      Language language,
      List<String> lines,
      List<Source> sources) {
    String route =
        switch (company.medium()) {
          case EMAIL -> company.email().orElseThrow();
          case WEBFORM -> company.webform().orElseThrow().toString();
          case LETTER, FAX -> company.addressLine();
        };
    String key = "letter.send.company." + company.medium().code();
    lines.add(
        messages.get(
            language, formFirst ? key + ".otherwise" : key, company.name(), platform, route));
    alsoReachable(company, messages, language).ifPresent(lines::add);
    if (company.unchecked()) {
      lines.add(messages.get(language, "letter.contact.unchecked", platform));
    }
    company.sources().stream()
        .findFirst()
        .ifPresent(
            s ->
                sources.add(
                    new Source(
                        messages.get(language, "letter.source.company", company.name()), s)));
    sources.add(
        new Source(messages.get(language, "letter.source.database"), company.databasePage()));
    return new LetterAddress(company.name(), route, lines, sources);
  }

  /** The record's other on-line route, when the medium is one and it has both. */
  private static Optional<String> alsoReachable(
      Company company, Messages messages, Language language) {
    return switch (company.medium()) {
      case EMAIL ->
          company.webform().map(f -> messages.get(language, "letter.send.also.webform", f));
      case WEBFORM -> company.email().map(e -> messages.get(language, "letter.send.also.email", e));
      case LETTER, FAX -> Optional.empty();
    };
  }
}
