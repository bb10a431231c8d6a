package ch.optout.knowledge;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The rules that keep the knowledge trustworthy, checked over the whole folder. */
final class KnowledgeValidator {
  /** Hosts that only copy other pages: cite the page they copy instead. */
  private static final Set<String> MIRROR_HOSTS =
      Set.of(
          "vuink.com",
          "guatda.com",
          "sipoch.com",
          "stockwatchindex.com",
          "romanticpoetry.info",
          "mastodawn.com",
          "raw.githubusercontent.com",
          "web.archive.org",
          "archive.org",
          "archive.ph",
          "archive.today",
          "archive.is",
          "translate.goog",
          "webcache.googleusercontent.com",
          "12ft.io",
          "removepaywall.com");

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
      if (isMirror(source.url().getHost(), source.url().toString())) {
        problems.add(
            Problem.error(
                guide.file(),
                1,
                "source '"
                    + source.title()
                    + "' points to a proxy or mirror ("
                    + source.url().getHost()
                    + "): cite the official address"));
      }
    }
  }

  static boolean isMirror(String host, String url) {
    String h = host.toLowerCase(Locale.ROOT);
    for (String mirror : MIRROR_HOSTS) {
      if (h.equals(mirror) || h.endsWith("." + mirror)) {
        return true;
      }
    }
    return h.startsWith("proxy.") || h.contains(".proxy.") || url.contains("index.php?q=aHR0c");
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
