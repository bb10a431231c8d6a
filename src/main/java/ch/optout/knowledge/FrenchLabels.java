package ch.optout.knowledge;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * French guides use the French interface's words. Steps that give a label in English (in bold, as
 * labels are written) are reported, unless the guide says once that the app may show English
 * labels; saying "label not confirmed" at every step instead is reported too. Warnings: a label may
 * be English in the French app, and only a source can tell.
 */
final class FrenchLabels {
  private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
  private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’-]*");
  private static final Pattern ACCENT = Pattern.compile("[àâæçéèêëîïôœùûüÿ]");
  private static final Pattern UNCONFIRMED =
      Pattern.compile("(libellés?|intitulés?|chemin) non confirmés?", Pattern.CASE_INSENSITIVE);

  private static final Pattern SUBJECT = Pattern.compile("(?i)\\b(objet|sujet)\\b");
  private static final int SAID_HERE_BEFORE = 25;
  private static final int SAID_HERE_AFTER = 60;

  /** Saying it this often, rather than once near the top, is repeating it at every step. */
  static final int MAX_UNCONFIRMED = 2;

  private final Set<String> english;
  private final Set<String> french;
  private final List<Pattern> notices;

  FrenchLabels(RuleList words, RuleList notices) {
    this.english = group(words, "english");
    this.french = group(words, "french");
    this.notices =
        notices.texts().stream()
            .map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
            .toList();
  }

  static FrenchLabels bundled() {
    return new FrenchLabels(
        RuleList.bundled("label-words.txt"), RuleList.bundled("english-label-notices.txt"));
  }

  void check(List<Guide> documents, List<Problem> problems) {
    for (Guide guide : documents) {
      if (guide.kind() == DocumentKind.GUIDE && guide.language() == Language.FR) {
        checkLabels(guide, problems);
        checkUnconfirmed(guide, problems);
      }
    }
  }

  private void checkLabels(Guide guide, List<Problem> problems) {
    if (saysLabelsMayBeEnglish(guide)) {
      return;
    }
    Set<String> labels = new LinkedHashSet<>();
    int line = 0;
    for (Section steps : guide.sections(SectionKind.STEPS)) {
      Matcher bold = BOLD.matcher(steps.fullText());
      while (bold.find()) {
        if (isEnglish(bold.group(1))
            && !saidHere(steps.fullText(), bold.start(), bold.end())
            && labels.add(bold.group())) {
          line = line == 0 ? steps.line() : line;
        }
      }
    }
    if (!labels.isEmpty()) {
      problems.add(
          Problem.warning(
              guide.file(),
              line,
              "steps give English labels ("
                  + String.join(", ", labels)
                  + "): use the French interface's label where a source gives it; else say once,"
                  + " near the top, that the app may show the English label"));
    }
  }

  private void checkUnconfirmed(Guide guide, List<Problem> problems) {
    int count = 0;
    int line = 0;
    for (Section steps : guide.sections(SectionKind.STEPS)) {
      Matcher m = UNCONFIRMED.matcher(steps.fullText());
      while (m.find()) {
        count++;
        line = line == 0 ? steps.line() : line;
      }
    }
    if (count > MAX_UNCONFIRMED) {
      problems.add(
          Problem.warning(
              guide.file(),
              line,
              "steps say a label is not confirmed "
                  + count
                  + " times: say it once, near the top of the steps"));
    }
  }

  private boolean saysLabelsMayBeEnglish(Guide guide) {
    for (Section section : guide.sections()) {
      String text = section.fullText();
      if (notices.stream().anyMatch(p -> p.matcher(text).find())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the step itself says the bold text stays English: an e-mail subject to type as it is
   * ("avec l'objet **…**"), or a label followed by "(en anglais)".
   */
  private static boolean saidHere(String text, int start, int end) {
    String before = text.substring(Math.max(0, start - SAID_HERE_BEFORE), start);
    String after = text.substring(end, Math.min(text.length(), end + SAID_HERE_AFTER));
    return SUBJECT.matcher(before).find() || after.toLowerCase(Locale.ROOT).contains("anglais");
  }

  /** More English interface words than French ones, e.g. "Data Controls", not "Paramètres". */
  boolean isEnglish(String label) {
    int en = 0;
    int fr = 0;
    Matcher m = WORD.matcher(label.toLowerCase(Locale.ROOT));
    while (m.find()) {
      String word = m.group();
      if (english.contains(word)) {
        en++;
      } else if (french.contains(word) || ACCENT.matcher(word).find()) {
        fr++;
      }
    }
    return en > fr;
  }

  private static Set<String> group(RuleList words, String group) {
    Set<String> set = new LinkedHashSet<>();
    for (RuleList.Entry entry : words.entries()) {
      if (entry.group().equals(group)) {
        set.add(entry.text().toLowerCase(Locale.ROOT));
      }
    }
    return set;
  }
}
