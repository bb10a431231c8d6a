package ch.optout.chat;

import ch.optout.answer.Answer;
import ch.optout.answer.AnswerKind;
import ch.optout.knowledge.KnowledgeBase;
import ch.optout.knowledge.Language;
import ch.optout.store.ChatState;
import ch.optout.store.ChatStore;
import ch.optout.understand.Act;
import ch.optout.understand.Reading;
import ch.optout.understand.Scope;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a chat remembers between messages, and how a message is read in its light: the platforms in
 * context (one or two), the card last answered, the language, the country the user said.
 */
final class Conversation {
  private final KnowledgeBase knowledge;
  private final ChatStore store;
  private final Clock clock;

  Conversation(KnowledgeBase knowledge, ChatStore store, Clock clock) {
    this.knowledge = knowledge;
    this.store = store;
    this.clock = clock;
  }

  /** The guides the conversation is about, freshest first; empty outside a fresh context. */
  List<String> platforms(ChatState state) {
    List<String> out = new ArrayList<>();
    if (!state.contextFresh(clock.instant())
        || Letters.isWaiting(state)
        || Letters.isWaitingForPlatform(state)) {
      return out;
    }
    // in the checklist, the platform on screen (none while picking)
    state.lastPlatform().filter(this::isGuide).ifPresent(out::add);
    state.otherPlatform().filter(this::isGuide).ifPresent(out::add);
    return out;
  }

  /**
   * The reading, completed by the conversation: a message naming nothing continues the platform in
   * context ("c'est rétroactif ?", "and on my phone?"), two in context for "which one is easier?";
   * a country said before serves complaints and letters.
   */
  Reading resolve(Reading r, ChatState state) {
    Reading.Builder b = r.toBuilder();
    if (r.country().isEmpty()) {
      state.country().ifPresent(c -> b.country(Optional.of(c)));
    }
    if (awaitsPlatform(state) && !r.platforms().isEmpty() && r.act() == Act.QUESTION) {
      Optional<String> card = state.lastCard();
      if (card.isPresent()
          && r.cardsFor(r.platformIds().get(0)).stream().noneMatch(a -> a.score() >= 0.9)) {
        // "is it retroactive?" → "which platform?" → "LinkedIn": the card asked, for LinkedIn
        b.shape(ch.optout.understand.Shape.FACT)
            .cardsByDocument(
                java.util.Map.of(
                    r.platformIds().get(0), List.of(new Reading.Asked(card.get(), 9.0))));
      }
      return b.build();
    }
    List<String> context = platforms(state);
    boolean continues =
        r.namesNothing()
            && !context.isEmpty()
            && r.scope() != Scope.OUT
            && r.act() != Act.CHECKLIST
            && r.act() != Act.PROGRESS
            // "oh and we live in Manchester btw" is noted, not a question about the platform
            && r.act() != Act.REGION;
    if (continues && lastCard(state).filter(c -> c.contains("#")).isPresent()) {
      // after a law card ("who do I complain to?"), "how long does it take?" is the law's again
      b.aboutLaw(true);
    }
    if (continues) {
      boolean both = r.shape() == ch.optout.understand.Shape.COMPARISON && context.size() == 2;
      b.platformsFromContext(both ? context : context.subList(0, 1));
      if (r.scope() == Scope.UNSURE) {
        // a short follow-up without a topic word ("et après ?") is about the platform in context
        b.scope(Scope.IN, "conversation");
      }
    }
    return b.build();
  }

  /** The placeholder platform of that context. */
  static final String ASKED = "platform-asked";

  /** The card the last answer led with, while the context is fresh. */
  Optional<String> lastCard(ChatState state) {
    return state.contextFresh(clock.instant()) ? state.lastCard() : Optional.empty();
  }

  /** "Which platform?" was asked: the card the question asked, if any, waits for the answer. */
  void awaitPlatform(String chatId, Reading r) {
    Optional<String> card =
        r.cards().stream().findFirst().filter(a -> a.score() >= 0.3).map(Reading.Asked::id);
    store.save(
        chatId,
        store
            .load(chatId)
            .withTopic(
                ASKED,
                Optional.empty(),
                card.filter(c -> !c.contains("#")),
                new Flow.AskedPlatform(r.language()).encode(),
                clock.instant()));
  }

  /** Whether the chat waits for the platform of a question asked before. */
  boolean awaitsPlatform(ChatState state) {
    return state.contextFresh(clock.instant())
        && Flow.of(state).filter(Flow.AskedPlatform.class::isInstance).isPresent();
  }

  /** The country said in a message, kept for complaints and letters. */
  void rememberCountry(String chatId, ChatState state, Reading r) {
    r.country()
        .filter(c -> state.country().filter(c::equals).isEmpty())
        .ifPresent(c -> store.save(chatId, store.load(chatId).withCountry(c)));
  }

  /**
   * After an answer about one or two platforms: the conversation is now about them (the one named
   * just before stays as the second), in this language, with the card the answer led with.
   */
  void remember(String chatId, ChatState state, Reading r, Answer answer) {
    if (!answer.answered()
        || answer.kind() == AnswerKind.MESSAGE
        || answer.kind() == AnswerKind.DECLINE
        || answer.platformId().isEmpty()) {
      keepLanguage(chatId, state, r);
      return;
    }
    String platform = answer.platformId().get();
    Optional<String> other =
        r.platformIds().stream()
            .filter(p -> !p.equals(platform))
            .findFirst()
            .or(() -> state.lastPlatform().filter(this::isGuide).filter(p -> !p.equals(platform)));
    // the platform's card, or a law card whole ("complaints#complaint-time") when the law led
    Optional<String> card =
        answer.cards().stream()
            .findFirst()
            .filter(c -> c.contains("#"))
            .map(c -> c.startsWith(platform + "#") ? c.substring(c.indexOf('#') + 1) : c);
    Instant now = clock.instant();
    store.save(
        chatId,
        store
            .load(chatId)
            .withTopic(platform, other, card, Flow.answered(r.language()).encode(), now));
    store.countAnswer(platform);
  }

  /** The conversation is now about this platform, in this language, for an hour. */
  void rememberPlatform(String chatId, String platformId, Language language) {
    store.save(
        chatId,
        store
            .load(chatId)
            .withContext(platformId, Flow.answered(language).encode(), clock.instant()));
  }

  /**
   * A clear message in another language moves the conversation to it, keeping its platform: "et
   * whatsapp ?" after a French question is answered in French.
   */
  void keepLanguage(String chatId, ChatState state, Reading r) {
    if (!r.languageSure()
        || !state.contextFresh(clock.instant())
        || Checklist.isChecklist(state)
        || Letters.isWaiting(state)
        || Letters.isWaitingForPlatform(state)) {
      return;
    }
    Flow flow = Flow.of(state).orElseThrow();
    Flow updated = flow.in(r.language());
    if (!updated.equals(flow)) {
      ChatState now = store.load(chatId);
      store.save(
          chatId,
          now.withTopic(
              now.lastPlatform().orElseThrow(),
              now.otherPlatform(),
              now.lastCard(),
              updated.encode(),
              now.contextAt().orElseThrow()));
    }
  }

  /** The language the conversation is held in, kept with its context while that lasts. */
  Optional<Language> spoken(ChatState state) {
    return state.contextFresh(clock.instant())
        ? Flow.of(state).flatMap(Flow::language)
        : Optional.empty();
  }

  private boolean isGuide(String id) {
    return knowledge.isGuide(id);
  }
}
