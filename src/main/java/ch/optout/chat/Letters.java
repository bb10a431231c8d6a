package ch.optout.chat;

import ch.optout.answer.Answer;
import ch.optout.answer.AnswerKind;
import ch.optout.answer.LegalRegime;
import ch.optout.answer.LetterWriter;
import ch.optout.answer.Messages;
import ch.optout.knowledge.Language;
import ch.optout.search.PlatformMatcher;
import ch.optout.store.ChatState;
import ch.optout.store.ChatStore;
import ch.optout.store.Region;
import ch.optout.store.Reminder;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Objection letters in a conversation: which platform, which law (asked once, then kept as the
 * chat's region), then the letter from the reviewed template.
 */
final class Letters {
  /** Whether OptOut waits for the user's region; the platform waits with it. */
  static boolean isWaiting(ChatState state) {
    return Flow.of(state).filter(Flow.LetterAskedRegion.class::isInstance).isPresent();
  }

  /**
   * Placeholder platform of the context of "/letter" without a platform (the store keeps a platform
   * with every context).
   */
  static final String ASKED = "letter-asked";

  /** Whether "/letter" came without a platform: the next message names it. */
  static boolean isWaitingForPlatform(ChatState state) {
    return Flow.of(state).filter(Flow.LetterAskedPlatform.class::isInstance).isPresent();
  }

  private final LetterWriter writer;
  private final PlatformMatcher platforms;
  private final ch.optout.search.UncoveredServices uncovered;
  private final Messages messages;
  private final ChatStore store;
  private final Clock clock;

  Letters(
      LetterWriter writer,
      PlatformMatcher platforms,
      ch.optout.search.UncoveredServices uncovered,
      Messages messages,
      ChatStore store,
      Clock clock) {
    this.writer = writer;
    this.platforms = platforms;
    this.uncovered = uncovered;
    this.messages = messages;
    this.store = store;
    this.clock = clock;
  }

  /**
   * A letter for the first platform named, or the question that is missing: which platform, or
   * which law applies (unless the text says it: "under Swiss law").
   */
  Reply request(String chatId, String text, List<String> named, Language language) {
    return request(chatId, text, named, Optional.empty(), language, Optional.empty());
  }

  /**
   * @param service a service OptOut has no guide for, named in the request ("/letter Duolingo")
   */
  Reply request(
      String chatId,
      String text,
      List<String> named,
      Optional<String> service,
      Language language,
      Optional<Region> lives) {
    Optional<String> target =
        named.isEmpty()
            ? service.or(() -> writer.companyNamedIn(text)).flatMap(this::serviceToken)
            : Optional.of(named.get(0));
    if (target.isEmpty() && service.isPresent() && !service.get().isBlank()) {
      // a name no list knows: the letter is written now and the name never kept
      Region region =
          LegalRegime.mentionedIn(text)
              .map(r -> Region.valueOf(r.name()))
              .or(() -> lives)
              .or(() -> store.load(chatId).region())
              .orElse(Region.EU);
      String name = LegalRegime.withoutRegion(service.get()).strip();
      if (!name.isEmpty()) {
        return written(
            Optional.empty(),
            writer.spelling(name),
            writer.writeUncovered(name, LegalRegime.valueOf(region.name()), language),
            LegalRegime.valueOf(region.name()),
            language);
      }
    }
    if (target.isEmpty()) {
      // the next message names the platform
      ChatState state = store.load(chatId);
      store.save(
          chatId,
          state.withContext(
              ASKED, new Flow.LetterAskedPlatform(language).encode(), clock.instant()));
      return whichPlatform(language);
    }
    String platformId = target.get();
    ChatState state = store.load(chatId);
    Optional<Region> region =
        LegalRegime.mentionedIn(text)
            .map(r -> Region.valueOf(r.name()))
            .or(() -> lives)
            .or(state::region);
    if (region.isEmpty()) {
      store.save(
          chatId,
          state.withContext(
              platformId, new Flow.LetterAskedRegion(language).encode(), clock.instant()));
      return whichRegion(language);
    }
    ChatState kept = state.region().isEmpty() ? state.withRegion(region.get()) : state;
    // "where do I send it?" next is about this letter
    store.save(
        chatId,
        kept.withContext(platformId, new Flow.LetterWritten(language).encode(), clock.instant()));
    return write(platformId, region.get(), language);
  }

  /** The reply to "which law applies to you?"; empty when the text is something else. */
  Optional<Reply> answer(String chatId, String text, Language language, ChatState state) {
    if (!isWaiting(state) || state.lastPlatform().isEmpty()) {
      return Optional.empty();
    }
    return LegalRegime.parse(text).flatMap(r -> answer(chatId, r, language, state));
  }

  /** The law chosen for the letter that waits for it; empty when none waits. */
  Optional<Reply> answer(String chatId, LegalRegime regime, Language language, ChatState state) {
    if (!isWaiting(state) || state.lastPlatform().isEmpty()) {
      return Optional.empty();
    }
    Region region = Region.valueOf(regime.name());
    String platform = state.lastPlatform().get();
    // the letter written, the conversation goes on about its platform, in its language
    store.save(
        chatId,
        platform.startsWith(SERVICE)
            ? state.withRegion(region).withoutContext()
            : state
                .withRegion(region)
                .withContext(platform, new Flow.LetterWritten(language).encode(), clock.instant()));
    return Optional.of(write(platform, region, language));
  }

  /** /region eu|uk|ch: keeps the law for future letters. */
  Reply setRegion(String chatId, String argument, Language language) {
    return LegalRegime.parse(argument)
        .map(regime -> setRegion(chatId, regime, language))
        .orElseGet(() -> whichRegion(language));
  }

  /** Keeps the law for future letters. */
  Reply setRegion(String chatId, LegalRegime regime, Language language) {
    store.save(chatId, store.load(chatId).withRegion(Region.valueOf(regime.name())));
    return Reply.of(
        Answer.message(
            language,
            "",
            messages.get(language, "letter.region.set", regionName(regime, language))));
  }

  private Reply whichPlatform(Language language) {
    return Reply.of(
        Answer.message(
                language,
                messages.get(language, "letter.which.title"),
                messages.get(language, "letter.which.platform"))
            .asDecline());
  }

  private Reply whichRegion(Language language) {
    return Reply.of(
        Answer.message(
            language,
            messages.get(language, "letter.region.title"),
            messages.get(language, "letter.region.body")),
        regionChoices(language));
  }

  /** Services without a guide are kept, while a letter waits, as "svc-" and a slug of the name. */
  static final String SERVICE = "svc-";

  /**
   * "Duolingo" → "svc-duolingo", for a service the list of services without a guide or the company
   * contacts know; empty for any other text, which is never kept (it could be a user's own words).
   */
  Optional<String> serviceToken(String name) {
    String slug = String.join("-", ch.optout.search.Text.words(name));
    if (slug.isEmpty() || slug.length() > 40 || slug.split("-").length > 3) {
      return Optional.empty();
    }
    boolean known =
        uncovered.names().stream()
                .anyMatch(n -> String.join("-", ch.optout.search.Text.words(n)).equals(slug))
            || writer.knows(name);
    return known ? Optional.of(SERVICE + slug) : Optional.empty();
  }

  /** The platform or service the last letter was for, while its context lasts. */
  Optional<String> target(ChatState state) {
    return Flow.of(state)
        .filter(Flow.LetterWritten.class::isInstance)
        .flatMap(f -> state.lastPlatform());
  }

  /** The name to print for a platform id or a service token. */
  String displayName(String target) {
    if (!target.startsWith(SERVICE)) {
      return platforms.name(target);
    }
    String slug = target.substring(SERVICE.length());
    return uncovered.names().stream()
        .filter(n -> String.join("-", ch.optout.search.Text.words(n)).equals(slug))
        .findFirst()
        .orElseGet(
            () ->
                writer.spelling(
                    java.util.Arrays.stream(slug.split("-"))
                        .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1))
                        .collect(java.util.stream.Collectors.joining(" "))));
  }

  private Reply write(String platformId, Region region, Language language) {
    LegalRegime regime = LegalRegime.valueOf(region.name());
    boolean service = platformId.startsWith(SERVICE);
    Optional<LetterWriter.Letter> letter =
        service
            ? writer.writeUncovered(displayName(platformId), regime, language)
            : writer.write(platformId, regime, language);
    Reply written =
        written(
            service ? Optional.empty() : Optional.of(platformId),
            displayName(platformId),
            letter,
            regime,
            language);
    if (written.answer().kind() != AnswerKind.LETTER) {
      return written;
    }
    // a month later, OptOut may ask whether the company answered
    return Reply.of(
        written.answer(),
        Reply.Offer.ifFits(
                messages.get(language, "choice.remind"),
                new Choice.RemindMe(platformId, Reminder.Kind.LETTER, Optional.empty()))
            .stream()
            .toList());
  }

  private Reply written(
      Optional<String> platformId,
      String name,
      Optional<LetterWriter.Letter> letter,
      LegalRegime regime,
      Language language) {
    if (letter.isEmpty()) {
      return whichPlatform(language);
    }
    LetterWriter.Letter l = letter.get();
    String title = messages.get(language, "letter.title", name, regionName(regime, language));
    String lead =
        l.intro() + "\n\n" + messages.get(language, "letter.fill", regionName(regime, language));
    Answer answer =
        Answer.builder(language, AnswerKind.LETTER)
            .platformId(platformId)
            .title(title)
            .lead(lead)
            .sources(l.sources())
            .verified(l.verified())
            .document(l.text())
            .build();
    return Reply.of(answer);
  }

  private String regionName(LegalRegime regime, Language language) {
    return messages.get(language, "region." + regime.name().toLowerCase(java.util.Locale.ROOT));
  }

  private List<Reply.Offer> regionChoices(Language language) {
    return Arrays.stream(LegalRegime.values())
        .map(r -> new Reply.Offer(regionName(r, language), new Choice.LetterRegion(r)))
        .toList();
  }
}
