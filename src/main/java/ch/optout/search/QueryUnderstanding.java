package ch.optout.search;

import ch.optout.knowledge.Language;
import java.util.List;
import java.util.Optional;

/** Language, platforms and intent of a question: the first stage of the pipeline. */
public final class QueryUnderstanding {
  private final LanguageDetector languages;
  private final PlatformMatcher platforms;
  private final IntentClassifier intents;
  private final Facets facets;
  private final UncoveredServices uncovered;

  public QueryUnderstanding(
      LanguageDetector languages,
      PlatformMatcher platforms,
      IntentClassifier intents,
      Facets facets,
      UncoveredServices uncovered) {
    this.languages = languages;
    this.platforms = platforms;
    this.intents = intents;
    this.facets = facets;
    this.uncovered = uncovered;
  }

  public QueryUnderstanding(
      LanguageDetector languages, PlatformMatcher platforms, IntentClassifier intents) {
    this(languages, platforms, intents, new Facets(), UncoveredServices.bundled());
  }

  /**
   * @param fallback the language to use when the text does not decide (chat, client, English)
   */
  public Understanding understand(String question, Language fallback) {
    LanguageDetector.Detection detection = languages.detect(question);
    List<PlatformMatcher.Match> matches = platforms.find(question);
    Optional<UncoveredServices.Match> found = uncovered.find(question);
    // "Ray-Ban Meta glasses" is no question about Meta's guide: the longer name wins
    found.ifPresent(s -> matches.removeIf(m -> overlaps(m, s) && m.length() <= s.length()));
    Optional<UncoveredServices.Match> service =
        found.filter(s -> matches.stream().noneMatch(m -> overlaps(m, s)));
    dropCompanyNames(matches, Text.words(question));
    List<String> named =
        matches.stream().map(PlatformMatcher.Match::platformId).distinct().toList();
    Intent intent = intents.classify(question, named.size());
    return new Understanding(
        question,
        detection.language().orElse(fallback),
        !detection.ambiguous(),
        named,
        intent,
        intents.domainWords(question),
        facets.of(question),
        service.map(UncoveredServices.Match::name));
  }

  /**
   * "Is GitHub training on my code in Copilot?" names GitHub Copilot, not Microsoft Copilot; "Meta"
   * beside "WhatsApp" is the company of WhatsApp and Meta AI: a one-word match that is part of
   * another named platform's name goes to that platform.
   */
  private void dropCompanyNames(List<PlatformMatcher.Match> matches, List<String> words) {
    List<String> ids = matches.stream().map(PlatformMatcher.Match::platformId).distinct().toList();
    if (ids.size() < 2) {
      return;
    }
    matches.removeIf(
        m ->
            ids.stream()
                .filter(other -> !other.equals(m.platformId()))
                .anyMatch(
                    other -> {
                      List<String> name = Text.words(platforms.name(other));
                      // every mention of this platform is a word of the other's name ("copilot",
                      // "copilot pro" beside "GitHub"), give or take a plan's name
                      return matches.stream()
                          .filter(o -> o.platformId().equals(m.platformId()))
                          .allMatch(
                              o -> {
                                List<String> said =
                                    words.subList(o.start(), o.end()).stream()
                                        .filter(w -> !PLANS.contains(w))
                                        .toList();
                                return !said.isEmpty() && name.containsAll(said);
                              });
                    }));
  }

  /** Plan names that qualify a product without naming another one ("Copilot Pro"). */
  private static final java.util.Set<String> PLANS =
      java.util.Set.of("pro", "plus", "premium", "free", "business", "enterprise", "team", "max");

  private static boolean overlaps(PlatformMatcher.Match m, UncoveredServices.Match s) {
    return m.start() < s.end() && s.start() < m.end();
  }

  /** Whether a question without a platform may continue the last answer's topic. */
  public boolean isFollowUp(String question) {
    return intents.isFollowUp(question);
  }

  /** The services people ask about that OptOut has no guide for. */
  public UncoveredServices uncoveredServices() {
    return uncovered;
  }

  public PlatformMatcher platformMatcher() {
    return platforms;
  }
}
