package ch.optout.search;

import ch.optout.knowledge.Language;
import java.util.List;
import java.util.Objects;

/**
 * What OptOut makes of a question before searching.
 *
 * @param languageDetected false when the text alone did not decide and a fallback was used
 * @param platforms ids of the platforms named, first mention first
 * @param domainWords how many words belong to OptOut's topic (AI, data, privacy…)
 */
public record Understanding(
    String question,
    Language language,
    boolean languageDetected,
    List<String> platforms,
    Intent intent,
    int domainWords) {
  public Understanding {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(intent, "intent");
    platforms = List.copyOf(platforms);
  }

  /** The same question, answered in another language (a language the caller imposes). */
  public Understanding withLanguage(Language other) {
    return new Understanding(question, other, true, platforms, intent, domainWords);
  }

  /** The same question about platforms taken from the conversation, as a follow-up. */
  public Understanding withPlatforms(List<String> ids) {
    return new Understanding(
        question, language, languageDetected, ids, intent, Math.max(domainWords, 1));
  }

  public SearchQuery query() {
    return new SearchQuery(question, language, platforms, intent);
  }
}
