package ch.optout.knowledge;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
    for (Guide guide : documents) {
      Guide twin = seen.get(guide.id() + "." + guide.language().other().code());
      if (guide.kind() == DocumentKind.GUIDE && guide.language() == Language.FR && twin != null) {
        checkTwinsAgree(guide, twin, problems);
      }
      if (guide.language() == Language.FR && twin != null) {
        checkSameCards(guide, twin, problems);
      }
      if (guide.kind() != DocumentKind.DOCUMENT && twin == null) {
        Language other = guide.language().other();
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

  /** Both languages of a guide must say the same about how to opt out and whom to write to. */
  private static void checkTwinsAgree(Guide fr, Guide en, List<Problem> problems) {
    if (!fr.optOut().equals(en.optOut())) {
      problems.add(Problem.error(fr.file(), 1, "opt_out differs from " + en.file()));
    }
    if (!fr.contact().equals(en.contact())) {
      problems.add(Problem.error(fr.file(), 1, "contact differs from " + en.file()));
    }
    if (!fr.company().equals(en.company())) {
      problems.add(Problem.error(fr.file(), 1, "company differs from " + en.file()));
    }
    checkSameChanges(fr, en, problems);
  }

  /**
   * A change is told once to each chat, in its language: the twins must list the same changes, with
   * the same "must act" and deadline, each summarised in its own language.
   */
  private static void checkSameChanges(Guide fr, Guide en, List<Problem> problems) {
    for (Change change : fr.changes()) {
      java.util.Optional<Change> twin = en.change(change.id());
      if (twin.isEmpty()) {
        problems.add(
            Problem.error(
                fr.file(),
                change.line(),
                "change " + change.id() + " has no twin in " + en.file() + " (same dates)"));
      } else if (twin.get().act() != change.act()
          || !twin.get().deadline().equals(change.deadline())) {
        problems.add(
            Problem.error(
                fr.file(),
                change.line(),
                "change " + change.id() + " differs from " + en.file() + " on act or deadline"));
      }
    }
    for (Change change : en.changes()) {
      if (fr.change(change.id()).isEmpty()) {
        problems.add(
            Problem.error(
                en.file(),
                change.line(),
                "change " + change.id() + " has no twin in " + fr.file() + " (same dates)"));
      }
    }
  }

  /** Twins answer the same questions: a follow-up must find its card in either language. */
  private static void checkSameCards(Guide fr, Guide en, List<Problem> problems) {
    List<String> frIds = fr.cards().stream().map(Card::id).toList();
    List<String> enIds = en.cards().stream().map(Card::id).toList();
    for (Card card : fr.cards()) {
      if (!enIds.contains(card.id())) {
        problems.add(
            Problem.error(
                fr.file(),
                card.line(),
                "card '" + card.id() + "' has no twin in " + en.file() + " (card ids must match)"));
      }
    }
    for (Card card : en.cards()) {
      if (!frIds.contains(card.id())) {
        problems.add(
            Problem.error(
                en.file(),
                card.line(),
                "card '" + card.id() + "' has no twin in " + fr.file() + " (card ids must match)"));
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
                  + (guide.language() == Language.FR ? "Étapes" : "Steps")
                  + " (web)' with a numbered list"));
    }
  }

  private static String name(Language language) {
    return language == Language.FR ? "French" : "English";
  }
}
