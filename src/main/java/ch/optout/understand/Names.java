package ch.optout.understand;

import ch.optout.knowledge.CompanyNames;
import ch.optout.knowledge.Guide;
import ch.optout.knowledge.KnowledgeBase;
import ch.optout.search.PlatformMatcher;
import ch.optout.search.Text;
import ch.optout.search.UncoveredServices;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The platforms and the service without a guide a message names, exactly or with typos. */
final class Names {
  private final PlatformMatcher platforms;
  private final UncoveredServices uncovered;
  private final Regions regions;
  private final CompanyNames companies;

  /** The companies the guides link to: naming one is naming a covered platform's company. */
  private final Set<String> guideCompanies = new HashSet<>();

  /** Plans' names ("plus", "pro"), said beside a platform's name and no part of it. */
  private final Set<String> plans;

  Names(
      KnowledgeBase knowledge,
      PlatformMatcher platforms,
      UncoveredServices uncovered,
      Regions regions,
      Set<String> plans) {
    this.platforms = platforms;
    this.uncovered = uncovered;
    this.regions = regions;
    this.plans = plans;
    this.companies = new CompanyNames(knowledge.contacts());
    for (Guide g : knowledge.documents()) {
      knowledge.contacts().forGuide(g).ifPresent(c -> guideCompanies.add(c.slug()));
    }
  }

  /** The platforms a text names, first mention first, each once. */
  List<Reading.Mention> mentions(String text) {
    List<PlatformMatcher.Match> matches = new ArrayList<>(platforms.find(text));
    // "Ray-Ban Meta glasses" is no question about Meta's guide: the longer name wins
    uncovered
        .find(text)
        .ifPresent(
            s ->
                matches.removeIf(
                    m -> m.start() < s.end() && s.start() < m.end() && m.length() <= s.length()));
    dropCompanyNames(matches, Text.words(text));
    List<Reading.Mention> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (PlatformMatcher.Match m : matches) {
      if (seen.add(m.platformId())) {
        out.add(new Reading.Mention(m.platformId(), m.exact() ? 1.0 : 0.8));
      }
    }
    return out;
  }

  /**
   * "Is GitHub training on my code in Copilot?" names GitHub Copilot, not Microsoft Copilot; "Meta"
   * beside "WhatsApp" is the company of WhatsApp and Meta AI: a name whose every mention is part of
   * another named platform's name (give or take a plan's name) goes to that platform.
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
                      return matches.stream()
                          .filter(o -> o.platformId().equals(m.platformId()))
                          .allMatch(
                              o -> {
                                List<String> said =
                                    words.subList(o.start(), o.end()).stream()
                                        .filter(w -> !plans.contains(w))
                                        .toList();
                                return !said.isEmpty() && name.containsAll(said);
                              });
                    }));
  }

  /**
   * A service without a guide: from the list of services people ask about, else a company of the
   * contacts named as a name ("Zalando", not "free of charge"), unless a platform's own name covers
   * it or its company runs a guide's platform.
   *
   * @param named the platforms the text names ({@link #mentions})
   */
  Optional<String> service(String text, List<Reading.Mention> named) {
    List<PlatformMatcher.Match> matches = platforms.find(text);
    Optional<UncoveredServices.Match> listed = uncovered.find(text);
    if (listed.isPresent()) {
      UncoveredServices.Match s = listed.get();
      boolean longerPlatform =
          matches.stream()
              .anyMatch(m -> m.start() < s.end() && s.start() < m.end() && m.length() > s.length());
      return longerPlatform ? Optional.empty() : Optional.of(s.name());
    }
    if (!named.isEmpty()) {
      return Optional.empty();
    }
    return companies.find(text).stream()
        .filter(c -> !guideCompanies.contains(c.company().slug()))
        .filter(c -> platforms.platforms(c.text()).isEmpty())
        // "people in the UK": a place is no company, whatever the contacts call themselves
        .filter(c -> regions.find(c.text()).isEmpty())
        .findFirst()
        .map(c -> c.text().strip())
        // "How do I stop Zorblax using my photos?": a name no list knows, said honestly
        .or(() -> platforms.unknownName(text).filter(n -> regions.find(n).isEmpty()));
  }
}
