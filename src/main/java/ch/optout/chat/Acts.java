package ch.optout.chat;

import ch.optout.answer.Answer;
import ch.optout.answer.ExtractiveComposer;
import ch.optout.answer.Messages;
import ch.optout.store.ChatState;
import ch.optout.store.ChatStore;
import ch.optout.understand.Act;
import ch.optout.understand.Reading;
import java.util.List;
import java.util.Optional;

/**
 * What a message does decides who answers it: "more", a letter, where to send it, the checklist,
 * progress, a correction, a country — else a question answered from the knowledge.
 */
final class Acts {
  private final ExtractiveComposer extractive;
  private final Messages messages;
  private final ChatStore store;
  private final Conversation conversation;
  private final Checklist checklist;
  private final Letters letters;
  private final FollowThrough followThrough;
  private final Questions questions;

  Acts(
      ExtractiveComposer extractive,
      Messages messages,
      ChatStore store,
      Conversation conversation,
      Checklist checklist,
      Letters letters,
      FollowThrough followThrough,
      Questions questions) {
    this.extractive = extractive;
    this.messages = messages;
    this.store = store;
    this.conversation = conversation;
    this.checklist = checklist;
    this.letters = letters;
    this.followThrough = followThrough;
    this.questions = questions;
  }

  /** What the message does decides who answers it. */
  Reply byAct(String chatId, Reading r, ChatState state) {
    switch (r.act()) {
      case MORE:
        // "plus" after an English answer: the rest comes in the conversation's language
        return more(
            chatId,
            r.toBuilder().language(conversation.spoken(state).orElse(r.language()), true).build());
      case LETTER:
        if (r.scope() != ch.optout.understand.Scope.OUT) {
          return letter(chatId, r, state);
        }
        break;
      case WHERE_TO_SEND:
        Optional<Answer> address = followThrough.whereToSend(r, letters.target(state));
        if (address.isPresent()) {
          return new Reply(address.get(), Optional.of(r));
        }
        break;
      case CHECKLIST:
        if (r.platforms().isEmpty()) {
          return withReading(checklist.pick(chatId, r.language()), r);
        }
        break;
      case PROGRESS:
        return withReading(checklist.open(chatId, r.language()), r);
      case CORRECTION:
        return correction(chatId, r, state);
      case REGION:
        if (r.country().isPresent() && r.platforms().isEmpty()) {
          return withReading(Reply.of(followThrough.countryNoted(r)), r);
        }
        break;
      default:
        break;
    }
    return questions.answer(chatId, r, state);
  }

  /** "write me a letter": for the platform named, else the one in context. */
  private Reply letter(String chatId, Reading r, ChatState state) {
    Optional<ch.optout.store.Region> region = r.country().flatMap(Regimes::letterRegion);
    return withReading(
        letters.request(chatId, r.question(), r.platformIds(), r.uncovered(), r.language(), region),
        r);
  }

  /** The message after "/letter" alone: a name, or a short request naming one. */
  Optional<Reply> letterFor(String chatId, String text, Reading r, ChatState state) {
    boolean naming =
        r.act() == Act.LETTER
            || ((!r.platforms().isEmpty() || r.uncovered().isPresent())
                && text.strip().split("\\s+").length <= 6)
            || isShortName(text);
    store.save(chatId, state.withoutContext());
    if (!naming) {
      return Optional.empty();
    }
    return Optional.of(
        withReading(
            letters.request(
                chatId,
                text,
                r.platformIds(),
                r.uncovered().or(() -> Optional.of(text.strip())),
                r.language(),
                r.country().flatMap(Regimes::letterRegion)),
            r));
  }

  /** "no, I meant Facebook": the same question, about the platform now named. */
  private Reply correction(String chatId, Reading r, ChatState state) {
    // a law card is not asked again of another platform
    Optional<String> card = conversation.lastCard(state).filter(c -> !c.contains("#"));
    Reading again =
        r.toBuilder()
            .act(Act.QUESTION)
            .shape(
                card.isPresent()
                    ? ch.optout.understand.Shape.FACT
                    : ch.optout.understand.Shape.HOW_TO)
            .cardsByDocument(
                card.map(
                        c ->
                            r.platformIds().stream()
                                .collect(
                                    java.util.stream.Collectors.toMap(
                                        p -> p, p -> List.of(new Reading.Asked(c, 9.0)))))
                    .orElse(r.cardsByDocument()))
            .build();
    return questions.answer(chatId, again, state);
  }

  /** "more", « plus »: the rest of the guide in context. */
  private Reply more(String chatId, Reading r) {
    Optional<String> platform = r.platformIds().stream().findFirst();
    if (platform.isEmpty()) {
      return new Reply(
          Answer.message(r.language(), "", messages.get(r.language(), "more.none")),
          Optional.of(r));
    }
    Answer answer = extractive.more(platform.get(), r.language());
    conversation.rememberPlatform(chatId, platform.get(), r.language());
    return new Reply(answer, Optional.of(r));
  }

  /** A reply that could be a service's name: a few words, no question. */
  private static boolean isShortName(String text) {
    String t = text.strip();
    return !t.isEmpty() && t.length() <= 40 && t.split("\\s+").length <= 3 && !t.contains("?");
  }

  private static Reply withReading(Reply reply, Reading r) {
    return new Reply(reply.answer(), Optional.of(r), reply.choices());
  }
}
