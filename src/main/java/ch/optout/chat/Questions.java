package ch.optout.chat;

import ch.optout.answer.Answer;
import ch.optout.answer.AnswerComposer;
import ch.optout.answer.ExtractiveComposer;
import ch.optout.answer.Messages;
import ch.optout.answer.Queries;
import ch.optout.answer.Question;
import ch.optout.knowledge.KnowledgeBase;
import ch.optout.knowledge.Language;
import ch.optout.search.KnowledgeSearch;
import ch.optout.search.ScoredPassage;
import ch.optout.store.ChatState;
import ch.optout.store.ChatStore;
import ch.optout.understand.Reading;
import ch.optout.understand.Understander;
import java.util.List;
import java.util.Optional;

/**
 * A question answered from the knowledge: searched, composed, remembered for follow-ups, with the
 * choices that follow it (the most asked platforms when it asks which, following a guide).
 */
final class Questions {
  private final Understander understander;
  private final KnowledgeSearch search;
  private final AnswerComposer composer;
  private final ExtractiveComposer extractive;
  private final Messages messages;
  private final ChatStore store;
  private final KnowledgeBase knowledge;
  private final Conversation conversation;
  private final FollowUps followUps;

  Questions(
      Understander understander,
      KnowledgeSearch search,
      AnswerComposer composer,
      ExtractiveComposer extractive,
      Messages messages,
      ChatStore store,
      Conversation conversation,
      FollowUps followUps) {
    this.understander = understander;
    this.search = search;
    this.composer = composer;
    this.extractive = extractive;
    this.messages = messages;
    this.store = store;
    this.knowledge = search.index().knowledge();
    this.conversation = conversation;
    this.followUps = followUps;
  }

  /** A question answered from the knowledge, remembered for follow-ups. */
  Reply answer(String chatId, Reading r, ChatState state) {
    List<ScoredPassage> hits =
        r.scope() == ch.optout.understand.Scope.OUT ? List.of() : search.retrieve(Queries.of(r));
    Answer answer = composer.compose(new Question(r, hits));
    if (Checklist.isChecklist(state)
        && state.lastPlatform().filter(p -> !p.equals(Checklist.PICKING)).isPresent()
        && answer.answered()) {
      // a question in the middle of the checklist: answered, and the checklist waits where it was
      String current = understander.platforms().name(state.lastPlatform().get());
      answer = answer.withNote(messages.get(answer.language(), "checklist.resume", current));
      answer.platformId().ifPresent(store::countAnswer);
      return new Reply(answer, Optional.of(r), choices(r, answer));
    }
    if (answer.kind() == ch.optout.answer.AnswerKind.CLARIFY) {
      // the next message may name the platform: the card asked waits with the question
      conversation.awaitPlatform(chatId, r);
    } else {
      conversation.remember(chatId, state, r, answer);
    }
    List<Reply.Offer> choices = new java.util.ArrayList<>(choices(r, answer));
    choices.addAll(offers(chatId, answer));
    return new Reply(answer, Optional.of(r), choices);
  }

  /** After a platform's guide: follow it, and, where it has a form, a reminder once it is sent. */
  List<Reply.Offer> offers(String chatId, Answer answer) {
    if (answer.kind() != ch.optout.answer.AnswerKind.GUIDE
        || !answer.answered()
        || answer.platformId().isEmpty()) {
      return List.of();
    }
    return followUps.afterGuide(chatId, answer.platformId().get(), answer.language());
  }

  /** "Which platform?" offers the most asked ones, by name. */
  private List<Reply.Offer> choices(Reading r, Answer answer) {
    if (answer.kind() != ch.optout.answer.AnswerKind.CLARIFY || answer.platformId().isPresent()) {
      return List.of();
    }
    return understander.popular().stream()
        .map(id -> knowledge.findAny(id, r.language()))
        .flatMap(Optional::stream)
        .map(g -> new Reply.Offer(g.platform(), new Choice.NamePlatform(shortName(g.platform()))))
        .toList();
  }

  /** "Meta (Facebook, Instagram, Threads)" is typed as "Meta". */
  private static String shortName(String platform) {
    int paren = platform.indexOf('(');
    return (paren > 0 ? platform.substring(0, paren) : platform).strip();
  }

  /** A guide the user opened: counted once, remembered as the conversation's platform. */
  Optional<Answer> openGuide(String chatId, String platformId, Language language) {
    if (knowledge.findAny(platformId, language).isEmpty()) {
      return Optional.empty();
    }
    store.countAnswer(platformId);
    conversation.rememberPlatform(chatId, platformId, language);
    return Optional.of(extractive.howTo(platformId, language, -1));
  }

  /** The articles for an inline query: see {@link Assistant#inlineAnswers}. */
  List<Answer> inline(String query, Optional<Language> app) {
    Input.Cleaned input = Input.clean(query);
    Language language = app.orElse(Language.fallback());
    if (input.text().isBlank()) {
      return understander.popular().stream()
          .filter(id -> knowledge.findAny(id, language).isPresent())
          .map(id -> extractive.howTo(id, language, -1))
          .toList();
    }
    Reading r = understander.read(input.text(), language);
    if (r.platforms().isEmpty() && r.uncovered().isEmpty()) {
      return List.of();
    }
    Answer a = composer.compose(new Question(r, search.retrieve(Queries.of(r))));
    boolean saysNoGuide =
        r.platforms().isEmpty() && a.kind() == ch.optout.answer.AnswerKind.DECLINE;
    return a.answered() || saysNoGuide ? List.of(a) : List.of();
  }
}
