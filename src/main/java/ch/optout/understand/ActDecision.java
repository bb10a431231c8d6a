package ch.optout.understand;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The act a message does: the nearest exemplars' label when they vote for it clearly enough and one
 * of them is close in words or in meaning, else a question. The thresholds were calibrated on the
 * tuning half of the project's unseen questions and conversations, with words alone (a one-shot
 * {@code ask}, before the model loads) and with words and meaning.
 */
final class ActDecision {
  /** A message this near one exemplar, in weighted words, says what that exemplar says. */
  static final double SAID_AS_IS = 0.9;

  /** A message saying where one lives is this short; a longer one asks something besides. */
  static final int REGION_WORDS = 7;

  /** Acts that only keep the conversation going: never a question about a platform. */
  private static final Set<Act> CHAT =
      Set.of(Act.GREETING, Act.THANKS, Act.GOODBYE, Act.ACK, Act.SMALL_TALK);

  private ActDecision() {}

  /**
   * @param words the message's word line
   * @param r the acts classifier's result
   * @param namesSomething whether the message names a platform or a service
   * @param inConversation whether the conversation is about platforms already
   */
  static Act of(
      LanguagePack pack,
      String words,
      ExemplarClassifier.Result r,
      boolean namesSomething,
      boolean inConversation) {
    if (pack.list("more").contains(words)) {
      return Act.MORE;
    }
    for (Act exact : List.of(Act.THANKS, Act.GOODBYE, Act.GREETING, Act.ACK)) {
      if (pack.list("act." + exact.name().toLowerCase(Locale.ROOT)).contains(words)) {
        return exact;
      }
    }
    Optional<ExemplarClassifier.Vote> best = r.best();
    if (best.isEmpty()) {
      return Act.QUESTION;
    }
    ExemplarClassifier.Vote chosen = best.get();
    List<String> said =
        r.similarity().entrySet().stream()
            .filter(e -> e.getValue() >= SAID_AS_IS)
            .map(Map.Entry::getKey)
            .toList();
    if (said.size() == 1 && !CHAT.contains(actOf(said.get(0)))) {
      // an exemplar said word for word ("and on my phone?") outweighs the crowd of near ones
      return actOf(said.get(0)) == Act.CORRECTION && !namesSomething
          ? Act.FOLLOW_UP
          : actOf(said.get(0));
    }
    double vote = chosen.score();
    Optional<ExemplarClassifier.Vote> asked =
        r.votes().stream().filter(v -> !v.label().equals("region")).findFirst();
    if (words.split(" ").length > REGION_WORDS && asked.isPresent()) {
      // "I live in Geneva and LinkedIn ignores me: who do I complain to?", "write me the letter, I
      // live in Lyon": in a longer message, where one lives is a detail, and its votes go to what
      // the message asks
      chosen = asked.get();
      vote = chosen.score() + r.score("region");
    }
    String label = chosen.label();
    boolean evidence = r.similarity(label) >= 0.3 || r.cosine(label) >= 0.7;
    if (inConversation && label.equals("followup") && evidence && !namesSomething) {
      // within a conversation, "and on my phone?" most likely goes on with it: the best vote will
      // do
      return Act.FOLLOW_UP;
    }
    boolean clear = vote >= 0.45 && evidence;
    if (!clear) {
      return Act.QUESTION;
    }
    Act act = actOf(label);
    if ((CHAT.contains(act) || act == Act.CHECKLIST) && namesSomething) {
      // "hi, how do I stop LinkedIn…": a question with a greeting
      return Act.QUESTION;
    }
    if (act == Act.CORRECTION && !namesSomething) {
      return Act.FOLLOW_UP;
    }
    return act;
  }

  private static Act actOf(String label) {
    return switch (label) {
      case "followup" -> Act.FOLLOW_UP;
      case "greeting" -> Act.GREETING;
      case "thanks" -> Act.THANKS;
      case "goodbye" -> Act.GOODBYE;
      case "ack" -> Act.ACK;
      case "smalltalk" -> Act.SMALL_TALK;
      case "letter" -> Act.LETTER;
      case "where-to-send" -> Act.WHERE_TO_SEND;
      case "no-reply" -> Act.NO_REPLY;
      case "complaint" -> Act.COMPLAINT;
      case "checklist" -> Act.CHECKLIST;
      case "progress" -> Act.PROGRESS;
      case "correction" -> Act.CORRECTION;
      case "more" -> Act.MORE;
      case "language" -> Act.LANGUAGE;
      case "region" -> Act.REGION;
      default -> Act.QUESTION;
    };
  }
}
