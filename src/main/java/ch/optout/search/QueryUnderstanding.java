package ch.optout.search;

import ch.optout.knowledge.Language;
import java.util.List;

/** Language, platforms and intent of a question: the first stage of the pipeline. */
public final class QueryUnderstanding {
  private final LanguageDetector languages;
  private final PlatformMatcher platforms;
  private final IntentClassifier intents;

  public QueryUnderstanding(
      LanguageDetector languages, PlatformMatcher platforms, IntentClassifier intents) {
    this.languages = languages;
    this.platforms = platforms;
    this.intents = intents;
  }

  /**
   * @param fallback the language to use when the text does not decide (chat, client, English)
   */
  public Understanding understand(String question, Language fallback) {
    LanguageDetector.Detection detection = languages.detect(question);
    List<String> named = platforms.platforms(question);
    Intent intent = intents.classify(question, !named.isEmpty());
    return new Understanding(
        question,
        detection.language().orElse(fallback),
        !detection.ambiguous(),
        named,
        intent,
        intents.domainWords(question));
  }

  /** Whether a question without a platform may continue the last answer's topic. */
  public boolean isFollowUp(String question) {
    return intents.isFollowUp(question);
  }

  public PlatformMatcher platformMatcher() {
    return platforms;
  }
}
