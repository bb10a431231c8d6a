package ch.optout.search;

import ch.optout.knowledge.Language;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What OptOut makes of a question before searching.
 *
 * @param languageDetected false when the text alone did not decide and a fallback was used
 * @param platforms ids of the platforms named, first mention first
 * @param domainWords how many words belong to OptOut's topic (AI, data, privacy…)
 * @param facets what the question asks, as answer-card ids, most important first ("retroactive",
 *     "minors", "complaint-switzerland"); empty for a plain how-to
 * @param uncovered a service the question names that OptOut has no guide for ("Duolingo")
 */
public record Understanding(
    String question,
    Language language,
    boolean languageDetected,
    List<String> platforms,
    Intent intent,
    int domainWords,
    List<String> facets,
    Optional<String> uncovered) {
  public Understanding {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(intent, "intent");
    Objects.requireNonNull(uncovered, "uncovered");
    platforms = List.copyOf(platforms);
    facets = List.copyOf(facets);
  }

  /** A question with no facet and no uncovered service named. */
  public Understanding(
      String question,
      Language language,
      boolean languageDetected,
      List<String> platforms,
      Intent intent,
      int domainWords) {
    this(
        question,
        language,
        languageDetected,
        platforms,
        intent,
        domainWords,
        List.of(),
        Optional.empty());
  }

  /** The same question, answered in another language (a language the caller imposes). */
  public Understanding withLanguage(Language other) {
    return new Understanding(
        question, other, true, platforms, intent, domainWords, facets, uncovered);
  }

  /** The same question about platforms taken from the conversation, as a follow-up. */
  public Understanding withPlatforms(List<String> ids) {
    return new Understanding(
        question,
        language,
        languageDetected,
        ids,
        intent,
        Math.max(domainWords, 1),
        facets,
        uncovered);
  }

  public Understanding withIntent(Intent other) {
    return new Understanding(
        question, language, languageDetected, platforms, other, domainWords, facets, uncovered);
  }

  /** Whether the question asks one thing (a fact) rather than only how to opt out. */
  public boolean asksFact() {
    return !facets.isEmpty();
  }

  public SearchQuery query() {
    return new SearchQuery(question, language, platforms, intent);
  }
}
