package ch.optout.answer;

import ch.optout.knowledge.Guide;
import ch.optout.knowledge.Language;
import ch.optout.understand.Act;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The short replies: small talk, declines, services without a guide, and questions back. */
final class ShortAnswers {
  private final Messages messages;
  private final Function<Language, String> covered;
  private final Function<Language, String> popular;

  /**
   * @param covered the platforms OptOut covers, as a short phrase, in a language
   * @param popular the most asked platforms, named, for "which one?"
   */
  ShortAnswers(
      Messages messages, Function<Language, String> covered, Function<Language, String> popular) {
    this.messages = messages;
    this.covered = covered;
    this.popular = popular;
  }

  /** "Hello", "thanks", "are you a bot?": one short line, never the whole welcome. */
  Answer smallTalk(Language language, Act act) {
    String kind =
        switch (act) {
          case GREETING -> "hello";
          case THANKS -> "thanks";
          case GOODBYE -> "bye";
          case SMALL_TALK -> "about";
          default -> "ok";
        };
    return Answer.message(language, "", messages.get(language, "smalltalk." + kind));
  }

  /** A platform named, but not about AI and data: a short decline, never a guide. */
  Answer offTopic(Language language, Optional<Guide> platform) {
    String body =
        platform
            .map(g -> messages.get(language, "offtopic.body", g.platform()))
            .orElseGet(
                () ->
                    messages.get(language, "offtopic.body.general")
                        + " "
                        + messages.get(language, "decline.covered", covered.apply(language)));
    return Answer.builder(language, AnswerKind.DECLINE)
        .answered(false)
        .title(messages.get(language, "offtopic.title"))
        .lead(body + "\n\n" + messages.get(language, "offtopic.examples"))
        .build();
  }

  /** A service OptOut has no guide for: said by name, with what works anyway. */
  Answer notCovered(Language language, String service) {
    return Answer.builder(language, AnswerKind.DECLINE)
        .answered(false)
        .title(messages.get(language, "notcovered.title", service))
        .lead(
            messages.get(language, "notcovered.body", service)
                + "\n\n"
                + messages.get(language, "notcovered.note", service))
        .build();
  }

  /** One question back, in one line: which platform, is it about AI, where do you live. */
  Answer clarify(Language language, Route.Clarify.Kind kind, List<Guide> choices) {
    String body =
        switch (kind) {
          case PLATFORM ->
              messages.get(language, "clarify.platform")
                  + " "
                  + messages.get(language, "clarify.examples", popular.apply(language));
          case TOPIC ->
              choices.isEmpty()
                  ? messages.get(language, "clarify.topic")
                  : messages.get(language, "clarify.topic.platform", choices.get(0).platform());
          case COUNTRY -> messages.get(language, "clarify.country");
        };
    return Answer.builder(language, AnswerKind.CLARIFY)
        .answered(false)
        .lead(body)
        .platformId(choices.stream().findFirst().map(Guide::id))
        .build();
  }

  /** The polite "I don't know", with what OptOut can help with instead. */
  Answer decline(Language language) {
    return Answer.builder(language, AnswerKind.DECLINE)
        .answered(false)
        .title(messages.get(language, "decline.title"))
        .lead(
            messages.get(language, "decline.outOfScope")
                + "\n\n"
                + messages.get(language, "decline.covered", covered.apply(language))
                + "\n\n"
                + messages.get(language, "decline.examples"))
        .build();
  }
}
