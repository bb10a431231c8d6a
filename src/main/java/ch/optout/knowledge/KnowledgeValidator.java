package ch.optout.knowledge;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The rules that keep the knowledge trustworthy, checked over the whole folder. */
final class KnowledgeValidator {
  List<Problem> validate(List<Guide> documents) {
    List<Problem> problems = new ArrayList<>();
    Map<String, Guide> seen = new HashMap<>();
    for (Guide guide : documents) {
      if (guide.kind() == DocumentKind.DOCUMENT) {
        continue;
      }
      String key = guide.id() + "." + guide.language().code();
      Guide first = seen.putIfAbsent(key, guide);
      if (first != null) {
        problems.add(
            Problem.error(
                guide.file(),
                1,
                "duplicate id '"
                    + guide.id()
                    + "' in "
                    + guide.language().code()
                    + ", already used by "
                    + first.file()));
      }
      checkSources(guide, problems);
      if (guide.kind() == DocumentKind.GUIDE) {
        checkSteps(guide, problems);
        checkCards(guide, problems);
      }
    }
    // every guide in every language; each twin agrees with the one in the first language
    Set<Language> languages = new LinkedHashSet<>(Arrays.asList(Language.values()));
    documents.forEach(g -> languages.add(g.language()));
    Language first = Language.values()[0];
    for (Guide guide : documents) {
      Guide reference = seen.get(guide.id() + "." + first.code());
      if (guide.language() != first && reference != null) {
        if (guide.kind() == DocumentKind.GUIDE) {
          checkTwinsAgree(guide, reference, problems);
        }
        checkSameCards(guide, reference, problems);
      }
      if (guide.kind() == DocumentKind.DOCUMENT) {
        continue;
      }
      for (Language other : languages) {
        if (other != guide.language() && !seen.containsKey(guide.id() + "." + other.code())) {
          String folder =
              guide.file().contains("/")
                  ? guide.file().substring(0, guide.file().lastIndexOf('/') + 1)
                  : "";
          problems.add(
              Problem.error(
                  guide.file(),
                  1,
                  "no "
                      + name(other)
                      + " twin: add "
                      + folder
                      + guide.id()
                      + "."
                      + other.code()
                      + ".md"));
        }
      }
    }
    return problems;
  }

  /**
   * The rules for knowledge about to be published, on top of {@link #validate}: what loading needs
   * to answer is there already; these keep the answers trustworthy and complete.
   */
  List<Problem> publishing(List<Guide> documents, CoverageList coverage) {
    List<Problem> problems = new ArrayList<>();
    SourceHosts.bundled().check(documents, problems);
    SamePages.bundled().check(documents, problems);
    CommonCards.check(documents, problems);
    FrenchLabels.bundled().check(documents, problems);
    coverage.check(documents, problems);
    return problems;
  }

  /** Guides verified more than {@code days} days before {@code today}: warnings, not failures. */
  List<Problem> stale(List<Guide> documents, LocalDate today, int days) {
    List<Problem> problems = new ArrayList<>();
    for (Guide guide : documents) {
      guide
          .verified()
          .ifPresent(
              date -> {
                long age = ChronoUnit.DAYS.between(date, today);
                if (age > days) {
                  problems.add(
                      Problem.warning(
                          guide.file(),
                          1,
                          "verified "
                              + date
                              + ", "
                              + age
                              + " days ago (more than "
                              + days
                              + "): check it again"));
                }
              });
    }
    return problems;
  }

  /** Every language of a guide must say the same about how to opt out and whom to write to. */
  private static void checkTwinsAgree(Guide guide, Guide reference, List<Problem> problems) {
    if (!guide.optOut().equals(reference.optOut())) {
      problems.add(Problem.error(guide.file(), 1, "opt_out differs from " + reference.file()));
    }
    if (!guide.contact().equals(reference.contact())) {
      problems.add(Problem.error(guide.file(), 1, "contact differs from " + reference.file()));
    }
    if (!guide.company().equals(reference.company())) {
      problems.add(Problem.error(guide.file(), 1, "company differs from " + reference.file()));
    }
    checkSameChanges(guide, reference, problems);
  }

  /**
   * A change is told once to each chat, in its language: the twins must list the same changes, with
   * the same "must act" and deadline, each summarised in its own language.
   */
  private static void checkSameChanges(Guide guide, Guide reference, List<Problem> problems) {
    for (Change change : guide.changes()) {
      java.util.Optional<Change> twin = reference.change(change.id());
      if (twin.isEmpty()) {
        problems.add(
            Problem.error(
                guide.file(),
                change.line(),
                "change " + change.id() + " has no twin in " + reference.file() + " (same dates)"));
      } else if (twin.get().act() != change.act()
          || !twin.get().deadline().equals(change.deadline())) {
        problems.add(
            Problem.error(
                guide.file(),
                change.line(),
                "change "
                    + change.id()
                    + " differs from "
                    + reference.file()
                    + " on act or deadline"));
      }
    }
    for (Change change : reference.changes()) {
      if (guide.change(change.id()).isEmpty()) {
        problems.add(
            Problem.error(
                reference.file(),
                change.line(),
                "change " + change.id() + " has no twin in " + guide.file() + " (same dates)"));
      }
    }
  }

  /** Twins answer the same questions: a follow-up must find its card in any language. */
  private static void checkSameCards(Guide guide, Guide reference, List<Problem> problems) {
    List<String> ids = guide.cards().stream().map(Card::id).toList();
    List<String> referenceIds = reference.cards().stream().map(Card::id).toList();
    for (Card card : guide.cards()) {
      if (!referenceIds.contains(card.id())) {
        problems.add(
            Problem.error(
                guide.file(),
                card.line(),
                "card '"
                    + card.id()
                    + "' has no twin in "
                    + reference.file()
                    + " (card ids must match)"));
      }
    }
    for (Card card : reference.cards()) {
      if (!ids.contains(card.id())) {
        problems.add(
            Problem.error(
                reference.file(),
                card.line(),
                "card '"
                    + card.id()
                    + "' has no twin in "
                    + guide.file()
                    + " (card ids must match)"));
      }
    }
  }

  private static void checkSources(Guide guide, List<Problem> problems) {
    if (guide.sources().isEmpty()) {
      problems.add(
          Problem.error(guide.file(), 1, "no sources: add at least one official https source"));
    }
    for (Source source : guide.sources()) {
      String scheme = source.url().getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("https")) {
        problems.add(
            Problem.error(
                guide.file(), 1, "source '" + source.title() + "' must use https, not " + scheme));
      }
    }
  }

  /** A guide answers the common questions from its cards; fewer than this is a gap. */
  static final int MIN_CARDS = 10;

  private static void checkCards(Guide guide, List<Problem> problems) {
    if (guide.cards().size() < MIN_CARDS) {
      problems.add(
          Problem.warning(
              guide.file(),
              1,
              guide.cards().size()
                  + " answer card"
                  + (guide.cards().size() == 1 ? "" : "s")
                  + ": a guide needs at least "
                  + MIN_CARDS
                  + " in '## Questions' (retroactive, minors, regions…)"));
    }
  }

  private static void checkSteps(Guide guide, List<Problem> problems) {
    boolean hasSteps =
        guide.sections(SectionKind.STEPS).stream().anyMatch(s -> !s.items().isEmpty());
    if (!hasSteps) {
      problems.add(
          Problem.error(
              guide.file(),
              1,
              "no numbered steps: add a section '## "
                  + SectionKind.STEPS.heading(guide.language())
                  + " (web)' with a numbered list"));
    }
  }

  private static String name(Language language) {
    return language.locale().getDisplayLanguage(Locale.ENGLISH);
  }
}
