package ch.optout.answer;

import ch.optout.knowledge.Contact;
import ch.optout.knowledge.Guide;
import ch.optout.knowledge.KnowledgeBase;
import ch.optout.knowledge.Language;
import ch.optout.knowledge.OptOutKind;
import ch.optout.knowledge.Source;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Objection letters from the reviewed templates in knowledge/letters. Only the platform, its
 * contact and the date are filled in: the user's name, e-mail and account stay placeholders, so no
 * personal data OptOut might hold can ever end up in a letter.
 */
public final class LetterWriter {
  private final KnowledgeBase knowledge;
  private final Messages messages;
  private final Clock clock;

  public LetterWriter(KnowledgeBase knowledge, Messages messages, Clock clock) {
    this.knowledge = knowledge;
    this.messages = messages;
    this.clock = clock;
  }

  /** A letter ready to copy, how to send it, and what it is based on. */
  public record Letter(
      String platformId,
      LegalRegime regime,
      Language language,
      String intro,
      String text,
      List<Source> sources,
      Optional<LocalDate> verified) {}

  /**
   * A letter to a service OptOut has no guide for ("Duolingo"): the same reviewed template, with
   * the privacy contact left for the user to find. Empty when the template is missing.
   */
  public Optional<Letter> writeUncovered(String service, LegalRegime regime, Language language) {
    Optional<Guide> template = knowledge.find(regime.letterId(), language);
    if (template.isEmpty()) {
      return Optional.empty();
    }
    String text =
        fill(template.get(), service, messages.get(language, "letter.contact.unknown"), language);
    return Optional.of(
        new Letter(
            "",
            regime,
            language,
            messages.get(language, "letter.send.uncovered", service),
            text,
            template.get().sources(),
            template.get().verified()));
  }

  /** Empty when the platform or the template is unknown. */
  public Optional<Letter> write(String platformId, LegalRegime regime, Language language) {
    Optional<Guide> guide = knowledge.findAny(platformId, language);
    Optional<Guide> template = knowledge.find(regime.letterId(), language);
    if (guide.isEmpty() || template.isEmpty()) {
      return Optional.empty();
    }
    Guide g = guide.get();
    Contact contact = g.contact();
    String contactText =
        contact
            .form()
            .map(URI::toString)
            .or(() -> contact.email())
            .orElse(messages.get(language, "letter.contact.unknown"));
    String text = fill(template.get(), g.platform(), contactText, language);
    List<String> intro = new ArrayList<>();
    contact.form().ifPresent(f -> intro.add(messages.get(language, "letter.send.form", f)));
    contact.email().ifPresent(e -> intro.add(messages.get(language, "letter.send.email", e)));
    if (contact.isEmpty()) {
      intro.add(messages.get(language, "letter.send.unknown", g.platform()));
    }
    if (g.optOut().filter(k -> k == OptOutKind.SETTING).isPresent()) {
      intro.add(messages.get(language, "letter.complement", g.platform()));
    }
    List<Source> sources = new ArrayList<>();
    contact
        .form()
        .ifPresent(
            f ->
                sources.add(
                    new Source(messages.get(language, "letter.source.form", g.platform()), f)));
    contact
        .email()
        .ifPresent(
            e ->
                sources.add(
                    new Source(
                        messages.get(language, "letter.source.email", g.platform(), e),
                        URI.create("mailto:" + e))));
    if (contact.isEmpty()) {
      sources.addAll(g.sources());
    }
    sources.addAll(template.get().sources());
    Optional<LocalDate> verified =
        g.verified().flatMap(a -> template.get().verified().map(b -> a.isBefore(b) ? a : b));
    return Optional.of(
        new Letter(g.id(), regime, language, String.join("\n\n", intro), text, sources, verified));
  }

  /** The template's text with the platform, its contact and today's date: nothing of the user. */
  private String fill(Guide template, String platform, String contact, Language language) {
    String date =
        LocalDate.now(clock)
            .format(
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.locale()));
    return template
        .sections()
        .get(0)
        .text()
        .replace("{platform}", platform)
        .replace("{contact}", contact)
        .replace("{date}", date);
  }
}
