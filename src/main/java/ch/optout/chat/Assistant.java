package ch.optout.chat;

import ch.optout.answer.Answer;
import ch.optout.answer.AnswerComposer;
import ch.optout.answer.AnswerKind;
import ch.optout.answer.ExtractiveComposer;
import ch.optout.answer.LetterWriter;
import ch.optout.answer.Messages;
import ch.optout.knowledge.KnowledgeBase;
import ch.optout.knowledge.Language;
import ch.optout.search.Intent;
import ch.optout.search.IntentClassifier;
import ch.optout.search.KnowledgeSearch;
import ch.optout.search.SearchResult;
import ch.optout.search.Text;
import ch.optout.search.Understanding;
import ch.optout.store.ChatState;
import ch.optout.store.ChatStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one entry point of every channel: a chat id and a text in, a {@link Reply} out. It never
 * throws for any text a user can send.
 */
public final class Assistant {
  /** Follow-ups ("and on my phone?") use the last platform for this long. */
  static final Duration CONTEXT_TTL = ChatState.CONTEXT_TTL;

  /** The words a follow-up opens with: "and…", « et si… », "what about…". */
  private static final java.util.regex.Pattern OPENER =
      java.util.regex.Pattern.compile(
          "(and|et|what about|how about|also|aussi|mais|but|et si|and if|ok and|ok et)\\b");

  /** A question this short without a platform may be a follow-up. */
  static final int FOLLOW_UP_MAX_WORDS = 8;

  private final KnowledgeSearch search;
  private final AnswerComposer composer;
  private final ExtractiveComposer extractive;
  private final Messages messages;
  private final ChatStore store;
  private final Commands commands;
  private final Checklist checklist;
  private final Letters letters;
  private final AdminStats stats;
  private final Clock clock;

  public Assistant(
      KnowledgeSearch search,
      AnswerComposer composer,
      ExtractiveComposer extractive,
      Messages messages,
      ChatStore store,
      Clock clock,
      String version) {
    this.search = search;
    this.composer = composer;
    this.extractive = extractive;
    this.messages = messages;
    this.store = store;
    this.clock = clock;
    KnowledgeBase knowledge = search.index().knowledge();
    this.checklist = new Checklist(knowledge, extractive, messages, store, clock);
    this.letters =
        new Letters(
            new LetterWriter(knowledge, messages, clock),
            search.platforms(),
            search.uncovered(),
            messages,
            store,
            clock);
    this.commands =
        new Commands(
            search,
            extractive,
            messages,
            store,
            version,
            checklist,
            letters,
            ch.optout.answer.LlmComposer.sendsQuestionsAway(composer));
    this.stats = new AdminStats(store, messages, search.platforms(), clock);
  }

  public Reply reply(String chatId, String text) {
    return reply(chatId, text, Optional.empty(), Optional.empty());
  }

  /**
   * @param clientLanguage the language the user's app is set to (Telegram's language_code), used
   *     when neither the text nor a /lang choice decides
   * @param forced a language imposed by the caller (ask --lang), above everything else
   */
  public Reply reply(
      String chatId, String text, Optional<Language> clientLanguage, Optional<Language> forced) {
    ChatState state = store.load(chatId);
    // the language: imposed by the caller, else chosen with /lang, else the one the text is
    // clearly written in, else the one the conversation was last held in, else the app's
    Optional<Language> pinned = forced.or(() -> state.language().flatMap(Language::fromCode));
    Optional<Language> spoken = spoken(state);
    Language fallback = pinned.or(() -> spoken).or(() -> clientLanguage).orElse(Language.EN);
    Input.Cleaned input = Input.clean(text);
    if (input.text().startsWith("/")) {
      Optional<Reply> deepLink = deepLink(chatId, input.text(), fallback);
      if (deepLink.isPresent()) {
        return deepLink.get();
      }
      if (Letters.isWaiting(state)
          && input.text().toLowerCase(java.util.Locale.ROOT).startsWith("/region ")) {
        // the law buttons of a waiting letter: the choice, then the letter itself
        Optional<Reply> letter =
            letters.answer(chatId, input.text().substring("/region ".length()), fallback, state);
        if (letter.isPresent()) {
          return letter.get();
        }
      }
      return commands.run(chatId, input.text(), fallback);
    }
    if (Letters.isWaitingForPlatform(state)) {
      // "/letter" alone asked which platform: this message names it
      Understanding named = search.understand(input.text(), fallback);
      // a name ("TikTok", "Duolingo") or a short request; a real question is answered as one
      boolean naming =
          isShortName(input.text())
              || named.intent() == Intent.LETTER
              || ((!named.platforms().isEmpty() || named.uncovered().isPresent())
                  && input.text().strip().split("\\s+").length <= 6);
      store.save(chatId, state.withoutContext());
      if (naming) {
        return withUnderstanding(
            letters.request(
                chatId,
                input.text(),
                named.platforms(),
                named.uncovered().or(() -> Optional.of(input.text().strip())),
                named.language()),
            named);
      }
    }
    if (input.text().isBlank() || input.text().codePoints().noneMatch(Character::isLetterOrDigit)) {
      return Reply.of(
          Answer.message(fallback, "", messages.get(fallback, "decline.empty")).asDecline());
    }
    // "1 4 12", "fait" or "et whatsapp ?" continue in the language the conversation is held in
    Understanding u = search.understand(input.text(), fallback);
    if (pinned.isPresent()) {
      u = u.withLanguage(pinned.get());
    }
    if (MORE.matcher(Text.fold(input.text()).strip()).matches()) {
      // "plus" is French and "more" English, but the rest comes in the conversation's language
      return more(chatId, state, u.withLanguage(pinned.or(() -> spoken).orElse(u.language())));
    }
    Optional<Reply> flow = flowAnswer(chatId, input.text(), u.language(), state);
    if (flow.isPresent()) {
      return flow.get();
    }
    if (u.platforms().isEmpty()
        && u.uncovered().isEmpty()
        && (u.intent() == Intent.LETTER || u.intent() == Intent.OFF_TOPIC)
        && IntentClassifier.asksLetter(u.question())
        && !OTHER_ADDRESSEE.matcher(Text.wordLine(u.question())).find()) {
      // "write me a letter" after a guide: the letter is for the platform in context
      Optional<String> platform = contextPlatform(state, u.language());
      if (platform.isPresent()) {
        Understanding withPlatform =
            u.withPlatforms(List.of(platform.get())).withIntent(Intent.LETTER);
        return withUnderstanding(
            letters.request(
                chatId, input.text(), withPlatform.platforms(), Optional.empty(), u.language()),
            withPlatform);
      }
    }
    if (u.intent() == Intent.LETTER) {
      return withUnderstanding(
          letters.request(chatId, input.text(), u.platforms(), u.uncovered(), u.language()), u);
    }
    if (u.intent() == Intent.EVERYWHERE) {
      return withUnderstanding(checklist.pick(chatId, u.language()), u);
    }
    u = withFollowUp(u, state);
    if (u.intent() == Intent.SMALL_TALK || u.intent() == Intent.OFF_TOPIC) {
      // nothing to remember but the language the chat is held in
      Reply reply = new Reply(composer.compose(search.search(u)), Optional.of(u));
      keepLanguage(chatId, state, u);
      return reply;
    }
    SearchResult result = search.search(u);
    Answer answer = composer.compose(result);
    if (input.truncated()) {
      // said up front: the answer may miss what the unread middle asked
      answer =
          answer.toBuilder()
              .lead(
                  messages.get(answer.language(), "input.truncated", Input.MAX_CHARS)
                      + "\n\n"
                      + answer.lead())
              .build();
    }
    if (Checklist.isChecklist(state)
        && state.lastPlatform().filter(p -> !p.equals(Checklist.PICKING)).isPresent()
        && answer.answered()) {
      // a question in the middle of the checklist: answered, and the checklist waits where it was
      String current = search.platforms().name(state.lastPlatform().get());
      answer = answer.withNote(messages.get(answer.language(), "checklist.resume", current));
      answer.platformId().ifPresent(store::countAnswer);
      return new Reply(answer, Optional.of(u));
    }
    remember(chatId, state, u, answer);
    return new Reply(answer, Optional.of(u));
  }

  /**
   * "/start linkedin", as a t.me/bot?start=linkedin link sends it: that platform's short answer,
   * remembered as the conversation's platform; empty for any other text.
   */
  private Optional<Reply> deepLink(String chatId, String text, Language language) {
    String[] parts = text.strip().split("\\s+", 2);
    if (parts.length < 2 || !parts[0].equalsIgnoreCase("/start")) {
      return Optional.empty();
    }
    String argument = parts[1].strip();
    Optional<String> platform =
        search
            .index()
            .knowledge()
            .findAny(argument.toLowerCase(java.util.Locale.ROOT), language)
            .map(g -> g.id())
            .or(() -> search.platforms().platforms(argument).stream().findFirst());
    return platform
        .flatMap(p -> openGuide(chatId, p, language))
        .map(a -> new Reply(a, Optional.empty()));
  }

  /** A reply that could be a service's name: a few words, no question. */
  private static boolean isShortName(String text) {
    String t = text.strip();
    return !t.isEmpty() && t.length() <= 40 && t.split("\\s+").length <= 3 && !t.contains("?");
  }

  /** The checklist's done / skip / later or numbers, or the law a letter waits for; else empty. */
  private Optional<Reply> flowAnswer(
      String chatId, String text, Language language, ChatState state) {
    return checklist
        .answer(chatId, text, language, state)
        .or(() -> letters.answer(chatId, text, language, state));
  }

  /** The language suffix of a flow's context intent ("CHECKLIST.fr"). */
  private static Optional<Language> flowLanguage(String intent) {
    int dot = intent.lastIndexOf('.');
    return dot < 0 ? Optional.empty() : Language.fromCode(intent.substring(dot + 1));
  }

  private static Reply withUnderstanding(Reply reply, Understanding u) {
    return new Reply(reply.answer(), Optional.of(u), reply.choices());
  }

  /** "more", « plus », "tell me more": the rest of the guide in context. */
  private static final java.util.regex.Pattern MORE =
      java.util.regex.Pattern.compile(
          "(more|plus|en savoir plus|dis m en plus|dites m en plus|tell me more|show more|the rest|le reste|la suite|details|detail|more details|plus de details|voir plus|afficher plus)[ .!?]*");

  /** "a letter to my landlord": addressed to someone, so not to the platform in context. */
  private static final java.util.regex.Pattern OTHER_ADDRESSEE =
      java.util.regex.Pattern.compile(
          "\\b(to|for|pour|a|au|aux) (my|mon|ma|mes|the|le|la|les|a|an|un|une|our|notre|nos)\\b");

  /** The platform the conversation is about, when fresh and one the knowledge has a guide for. */
  private Optional<String> contextPlatform(ChatState state, Language language) {
    return (state.contextFresh(clock.instant()) ? state.lastPlatform() : Optional.<String>empty())
        .filter(p -> !p.equals(Checklist.PICKING))
        .filter(p -> !Letters.isWaiting(state))
        .filter(p -> search.index().knowledge().findAny(p, language).isPresent());
  }

  private Reply more(String chatId, ChatState state, Understanding u) {
    Optional<String> platform =
        state.contextFresh(clock.instant()) ? state.lastPlatform() : Optional.empty();
    platform =
        platform.filter(p -> search.index().knowledge().findAny(p, u.language()).isPresent());
    if (platform.isEmpty()) {
      return new Reply(
          Answer.message(u.language(), "", messages.get(u.language(), "more.none")),
          Optional.of(u));
    }
    Answer answer = extractive.more(platform.get(), u.language());
    rememberPlatform(chatId, state, platform.get(), u.language());
    return new Reply(answer, Optional.of(u.withPlatforms(List.of(platform.get()))));
  }

  /**
   * The full guide answer for one platform, e.g. to lay out its steps again. Counts nothing: see
   * {@link #openGuide}.
   */
  public Optional<Answer> guide(String platformId, Language language) {
    if (search.index().knowledge().findAny(platformId, language).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(extractive.guide(platformId, language));
  }

  /**
   * A guide the user opened (a platform tapped in a list): counted once, and remembered as the
   * conversation's platform so that follow-ups are about it.
   */
  public Optional<Answer> openGuide(String chatId, String platformId, Language language) {
    if (search.index().knowledge().findAny(platformId, language).isEmpty()) {
      return Optional.empty();
    }
    store.countAnswer(platformId);
    rememberPlatform(chatId, store.load(chatId), platformId, language);
    return Optional.of(extractive.howTo(platformId, language, -1));
  }

  /** The conversation is now about this platform, in this language, for an hour. */
  private void rememberPlatform(
      String chatId, ChatState state, String platformId, Language language) {
    store.save(
        chatId,
        state.withContext(
            platformId, Intent.HOW_TO.name() + "." + language.code(), clock.instant()));
  }

  /** The covered platforms as (id, display name), sorted by name, in one language. */
  public List<Map.Entry<String, String>> platforms(Language language) {
    return search.index().knowledge().guides(language).stream()
        .map(g -> Map.entry(g.id(), g.platform()))
        .toList();
  }

  /**
   * The short how-to of a platform with the steps of one group only (a device button), or of every
   * group ({@code group} −1). Counts nothing: the answer it replaces was counted.
   */
  public Optional<Answer> shortGuide(String platformId, Language language, int group) {
    if (search.index().knowledge().findAny(platformId, language).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(extractive.howTo(platformId, language, group));
  }

  /**
   * The short answer for an inline query ("linkedin", "instagram photos"): the first platform it
   * names, in the query's language, else the app's. Stores and counts nothing.
   */
  public Optional<Answer> inlineAnswer(String query, Optional<Language> app) {
    Input.Cleaned input = Input.clean(query);
    if (input.text().isBlank()) {
      return Optional.empty();
    }
    Understanding u = search.understand(input.text(), app.orElse(Language.EN));
    return u.platforms().stream()
        .findFirst()
        .filter(p -> search.index().knowledge().findAny(p, u.language()).isPresent())
        .map(p -> extractive.howTo(p, u.language(), -1));
  }

  /** The platforms of the checklist's pick list, in its order, by name. */
  public List<String> checklistPlatforms(Language language) {
    return extractive.checklistGuides(language).stream().map(g -> g.platform()).toList();
  }

  /** Records a 👍 or 👎 on a guide, anonymously. */
  public void feedback(String guideId, boolean helpful) {
    store.recordFeedback(guideId, helpful);
  }

  /**
   * The anonymous daily figures per guide over the last week. Not a command of its own: a channel
   * offers it only to the people who run the bot (Telegram: OPTOUT_ADMIN_IDS).
   */
  public Answer stats(Language language) {
    return stats.answer(language, AdminStats.DEFAULT_DAYS);
  }

  /**
   * The language a chat is held in: chosen with /lang, else the one of its last clear message while
   * the conversation's context lasts.
   */
  public Optional<Language> chatLanguage(String chatId) {
    ChatState state = store.load(chatId);
    return state.language().flatMap(Language::fromCode).or(() -> spoken(state));
  }

  /** The language the conversation is held in, kept with its context while that lasts. */
  private Optional<Language> spoken(ChatState state) {
    return state.contextFresh(clock.instant())
        ? state.lastIntent().flatMap(Assistant::flowLanguage)
        : Optional.empty();
  }

  /** The language a chat chose with /lang, if any. */
  public Optional<Language> chosenLanguage(String chatId) {
    return store.load(chatId).language().flatMap(Language::fromCode);
  }

  /** "et sur Instagram ?" names its platform; "and on my phone?" borrows the last one. */
  private Understanding withFollowUp(Understanding u, ChatState state) {
    boolean fresh =
        state.contextAt().map(at -> at.plus(CONTEXT_TTL).isAfter(clock.instant())).orElse(false);
    int words = u.question().split("\\s+").length;
    // "c'est rétroactif ?", "and for my son?": a fact asked about the platform in context
    boolean asksFact = !u.facets().isEmpty() && words <= FOLLOW_UP_MAX_WORDS * 2;
    // "et si j'ai déjà publié des photos l'an dernier ?" opens like a follow-up, however long
    boolean opener = OPENER.matcher(Text.fold(u.question()).strip()).lookingAt();
    int limit = opener ? FOLLOW_UP_MAX_WORDS * 2 : FOLLOW_UP_MAX_WORDS;
    if (!fresh
        || !u.platforms().isEmpty()
        || u.uncovered().isPresent()
        || state.lastPlatform().isEmpty()
        || (words > limit && !asksFact)
        || u.intent() == Intent.SMALL_TALK
        || u.intent() == Intent.OFF_TOPIC
        || (!asksFact && !search.isFollowUp(u.question()))
        || state.lastPlatform().filter(Checklist.PICKING::equals).isPresent()
        // only a platform the knowledge has: not a flow's placeholder, not one since removed
        || search.index().knowledge().findAny(state.lastPlatform().get(), u.language()).isEmpty()
        || Letters.isWaiting(state)) {
      return u;
    }
    return u.withPlatforms(List.of(state.lastPlatform().get()));
  }

  private void remember(String chatId, ChatState state, Understanding u, Answer answer) {
    if (answer.answered()
        && answer.kind() != AnswerKind.MESSAGE
        && answer.platformId().isPresent()) {
      Instant now = clock.instant();
      store.save(
          chatId,
          state.withContext(
              answer.platformId().get(), u.intent().name() + "." + u.language().code(), now));
      store.countAnswer(answer.platformId().get());
    } else {
      keepLanguage(chatId, state, u);
    }
  }

  /**
   * A clear message in another language moves the conversation to it, keeping its platform: "et
   * whatsapp ?" after a French question is answered in French.
   */
  private void keepLanguage(String chatId, ChatState state, Understanding u) {
    if (!u.languageDetected() || !state.contextFresh(clock.instant())) {
      return;
    }
    Optional<String> intent = state.lastIntent();
    if (intent.isEmpty() || Checklist.isChecklist(state) || Letters.isWaiting(state)) {
      return;
    }
    String base =
        intent.get().contains(".")
            ? intent.get().substring(0, intent.get().lastIndexOf('.'))
            : intent.get();
    String updated = base + "." + u.language().code();
    if (!updated.equals(intent.get())) {
      store.save(
          chatId, state.withContext(state.lastPlatform().get(), updated, state.contextAt().get()));
    }
  }
}
