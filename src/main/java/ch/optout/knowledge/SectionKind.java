package ch.optout.knowledge;

import java.util.Locale;

/** What a guide section is for, recognised from its heading in either language. */
public enum SectionKind {
  SUMMARY,
  STEPS,
  NOT_COVERED,
  GOOD_TO_KNOW,
  /** an answer card of the "Questions" section: heading the question, label the card id. */
  CARD,
  OTHER;

  /** Classifies a level-2 heading such as "Steps (web)" or "Ce que cela ne couvre pas". */
  public static SectionKind ofHeading(String heading) {
    String h = heading.strip().toLowerCase(Locale.ROOT);
    if (h.startsWith("steps") || h.startsWith("étapes") || h.startsWith("etapes")) {
      return STEPS;
    }
    if (h.equals("summary") || h.equals("résumé") || h.equals("resume")) {
      return SUMMARY;
    }
    if (h.startsWith("what it does not cover") || h.startsWith("ce que cela ne couvre pas")) {
      return NOT_COVERED;
    }
    if (h.equals("good to know") || h.equals("bon à savoir")) {
      return GOOD_TO_KNOW;
    }
    return OTHER;
  }
}
