package ch.optout.chat;

import ch.optout.answer.Answer;
import ch.optout.answer.AnswerKind;
import ch.optout.answer.LegalRegime;
import ch.optout.answer.LetterWriter;
import ch.optout.answer.Messages;
import ch.optout.knowledge.Language;
import ch.optout.store.Region;
import ch.optout.understand.Reading;
import java.util.Locale;
import java.util.Optional;

/**
 * What comes after a letter: where to send it, and noting where the user lives for the complaint
 * that may follow.
 */
final class FollowThrough {
  private final LetterWriter writer;
  private final Letters letters;
  private final Messages messages;

  FollowThrough(LetterWriter writer, Letters letters, Messages messages) {
    this.writer = writer;
    this.letters = letters;
    this.messages = messages;
  }

  /**
   * "Where do I send it?": the platform's own form first, else its company's privacy contact, and
   * the time the company has to answer; empty when no platform or service is in view.
   *
   * @param letter the platform (or "svc-" service) of a letter written just before, if any
   */
  Optional<Answer> whereToSend(Reading r, Optional<String> lastLetter) {
    Optional<String> target =
        r.platformIds().stream().findFirst().or(() -> lastLetter).or(() -> r.uncovered());
    if (target.isEmpty()) {
      return Optional.empty();
    }
    LegalRegime regime =
        r.country()
            .flatMap(Regimes::letterRegion)
            .map(region -> LegalRegime.valueOf(region.name()))
            .orElse(LegalRegime.EU);
    Language language = r.language();
    String id = target.get();
    boolean service =
        id.startsWith(Letters.SERVICE) || r.uncovered().filter(id::equals).isPresent();
    String name =
        id.startsWith(Letters.SERVICE) || !service ? letters.displayName(id) : writer.spelling(id);
    Optional<LetterWriter.Letter> l =
        service
            ? writer.writeUncovered(name, regime, language)
            : writer.write(id, regime, language);
    return l.map(
        letter ->
            Answer.builder(language, AnswerKind.INFORMATION)
                .platformId(service ? Optional.empty() : Optional.of(id))
                .title(messages.get(language, "send.title", name))
                .lead(letter.intro())
                .sources(letter.sources())
                .verified(letter.verified())
                .build());
  }

  /** "I live in Fribourg": kept, and said so, with what it changes. */
  Answer countryNoted(Reading r) {
    Language language = r.language();
    String code = r.country().orElseThrow();
    String place =
        code.equals("CA-QC")
            ? messages.get(language, "place.quebec")
            : new Locale("", ch.optout.understand.Regions.country(code))
                .getDisplayCountry(language.locale());
    Optional<Region> region = Regimes.letterRegion(code);
    String law =
        region
            .map(x -> messages.get(language, "region." + x.name().toLowerCase(Locale.ROOT)))
            .orElse(messages.get(language, "region.other"));
    return Answer.message(language, "", messages.get(language, "country.noted", place, law));
  }
}
