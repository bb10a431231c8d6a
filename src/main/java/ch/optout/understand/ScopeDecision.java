package ch.optout.understand;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a message is about OptOut's topic, and why: nearer, in weighted words, to an in-scope
 * exemplar (every answer card's question and phrasings, and the pack's) than to an off-topic one.
 * With a topic word ("AI", « données »), an off-topic kind must also be close; without one, a
 * message like nothing in scope is declined or asked back. Calibrated on the tuning half.
 *
 * @param reason the off-topic kind, or what made it in scope ("topic", "conversation"…)
 */
record ScopeDecision(Scope scope, String reason) {
  /** With a topic word, an off-topic kind this close still wins ("write a poem about AI"). */
  static final double TOPIC_OFF = 0.5;

  /**
   * In meaning (the embedding model's cosines), a message this much nearer to one off-topic kind
   * than to anything in scope is off-topic, whatever words it shares with the topic.
   */
  static final double MEANING_OFF = 0.03;

  /** The fewest words besides names for the meaning to decide. */
  static final int MEANING_WORDS = 3;

  /** Without a topic word, a message less like the in-scope exemplars than this is unclear. */
  static final double LIKE_TOPIC = 0.2;

  /** Acts about the conversation itself, in scope whatever their words. */
  private static final Set<Act> CONVERSATION =
      Set.of(
          Act.GREETING,
          Act.THANKS,
          Act.GOODBYE,
          Act.ACK,
          Act.SMALL_TALK,
          Act.MORE,
          Act.LANGUAGE,
          Act.PROGRESS,
          Act.CORRECTION,
          Act.WHERE_TO_SEND,
          Act.NO_REPLY,
          Act.FOLLOW_UP,
          Act.REGION);

  /**
   * @param words the message's word line
   * @param r the scope classifier's result
   * @param platforms how many platforms the message names
   * @param inConversation whether the conversation is about a platform already, which a short
   *     follow-up without a name ("which one is easier?") is about
   */
  static ScopeDecision of(
      LanguagePack pack,
      String words,
      Act act,
      ExemplarClassifier.Result r,
      int platforms,
      boolean inConversation) {
    if (CONVERSATION.contains(act)) {
      return new ScopeDecision(Scope.IN, "conversation");
    }
    Optional<Map.Entry<String, Double>> offMeaning =
        r.cosine().entrySet().stream()
            .filter(e -> !e.getKey().equals("in"))
            .max(Map.Entry.comparingByValue());
    if (act != Act.LETTER
        && (platforms > 0 || !inConversation)
        // a name alone ("TikTok?") says nothing in meaning: it is asked back or answered below
        && words.split(" ").length - platforms >= MEANING_WORDS
        && offMeaning.isPresent()
        && offMeaning.get().getValue() > r.cosine("in") + MEANING_OFF) {
      // "help me with my philosophy essay on whether an AI can think, with ChatGPT as the
      // example": the words say AI and a platform, the meaning says homework
      return new ScopeDecision(Scope.OUT, offMeaning.get().getKey());
    }
    double in = r.similarity("in");
    Optional<Map.Entry<String, Double>> off =
        r.similarity().entrySet().stream()
            .filter(e -> !e.getKey().equals("in"))
            .max(Map.Entry.comparingByValue());
    boolean topic = pack.mentions(words, "domain");
    double offScore = off.map(Map.Entry::getValue).orElse(0.0);
    String kind = off.map(Map.Entry::getKey).orElse("none");
    if (topic && act != Act.LETTER) {
      return offScore > in && offScore >= TOPIC_OFF
          ? new ScopeDecision(Scope.OUT, kind)
          : new ScopeDecision(Scope.IN, "topic");
    }
    if (act == Act.LETTER) {
      // a letter is ours unless clearly another writing ("to my landlord", "a poem")
      return offScore > in + 0.1
          ? new ScopeDecision(Scope.OUT, kind)
          : new ScopeDecision(Scope.IN, "letter");
    }
    if (offScore > in) {
      return new ScopeDecision(Scope.OUT, kind);
    }
    if (in < LIKE_TOPIC) {
      // "I mostly use Discord, Reddit and Stack Overflow": a list of platforms is the topic; one
      // platform with nothing else is asked back; nothing at all is declined
      return platforms >= 2
          ? new ScopeDecision(Scope.IN, "platforms")
          : platforms == 1
              ? new ScopeDecision(Scope.UNSURE, "no-topic")
              : new ScopeDecision(Scope.OUT, "no-topic");
    }
    return new ScopeDecision(Scope.IN, "like-topic");
  }
}
