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
import ch.optout.search.KnowledgeSearch;
import ch.optout.search.SearchResult;
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
            messages,
            store,
            clock);
    this.commands = new Commands(search, extractive, messages, store, version, checklist, letters);
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
    Language fallback =
        forced
            .or(() -> state.language().flatMap(Language::fromCode))
            .or(() -> clientLanguage)
            .orElse(Language.EN);
    Input.Cleaned input = Input.clean(text);
    if (input.text().startsWith("/")) {
      return commands.run(chatId, input.text(), fallback);
    }
    if (input.text().isBlank() || input.text().codePoints().noneMatch(Character::isLetterOrDigit)) {
      return Reply.of(
          Answer.message(fallback, "", messages.get(fallback, "decline.empty")).asDecline());
    }
    // "1 4 12" or "fait" continue a flow in the language it was started in, unless the text says
    // otherwise; so do ambiguous questions asked in the middle of it
    Language contextual = state.lastIntent().flatMap(Assistant::flowLanguage).orElse(fallback);
    Understanding u = search.understand(input.text(), contextual);
    if (forced.isPresent()) {
      u = u.withLanguage(forced.get());
    }
    Optional<Reply> flow = flowAnswer(chatId, input.text(), u.language(), state);
    if (flow.isPresent()) {
      return flow.get();
    }
    if (u.intent() == Intent.LETTER) {
      return withUnderstanding(
          letters.request(chatId, input.text(), u.platforms(), u.language()), u);
    }
    if (u.intent() == Intent.EVERYWHERE) {
      return withUnderstanding(checklist.pick(chatId, u.language()), u);
    }
    u = withFollowUp(u, state);
    SearchResult result = search.search(u);
    Answer answer = composer.compose(result);
    if (input.truncated()) {
      answer = answer.withNote(messages.get(answer.language(), "input.truncated", Input.MAX_CHARS));
    }
    remember(chatId, state, u, answer);
    return new Reply(answer, Optional.of(u));
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

  /** The full guide answer for one platform, e.g. when a user taps it in a platform list. */
  public Optional<Answer> guide(String platformId, Language language) {
    if (search.index().knowledge().findAny(platformId, language).isEmpty()) {
      return Optional.empty();
    }
    store.countAnswer(platformId);
    return Optional.of(extractive.guide(platformId, language));
  }

  /** The covered platforms as (id, display name), sorted by name, in one language. */
  public List<Map.Entry<String, String>> platforms(Language language) {
    return search.index().knowledge().guides(language).stream()
        .map(g -> Map.entry(g.id(), g.platform()))
        .toList();
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

  /** The language a chat chose with /lang, if any. */
  public Optional<Language> chosenLanguage(String chatId) {
    return store.load(chatId).language().flatMap(Language::fromCode);
  }

  /** "et sur Instagram ?" names its platform; "and on my phone?" borrows the last one. */
  private Understanding withFollowUp(Understanding u, ChatState state) {
    boolean fresh =
        state.contextAt().map(at -> at.plus(CONTEXT_TTL).isAfter(clock.instant())).orElse(false);
    int words = u.question().split("\\s+").length;
    if (!fresh
        || !u.platforms().isEmpty()
        || state.lastPlatform().isEmpty()
        || words > FOLLOW_UP_MAX_WORDS
        || u.intent() == Intent.SMALL_TALK
        || !search.isFollowUp(u.question())
        || state.lastPlatform().filter(Checklist.PICKING::equals).isPresent()
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
      store.save(chatId, state.withContext(answer.platformId().get(), u.intent().name(), now));
      store.countAnswer(answer.platformId().get());
    }
  }
}
