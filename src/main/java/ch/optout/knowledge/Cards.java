package ch.optout.knowledge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the "## Questions" section of a knowledge file into {@link Card}s:
 *
 * <pre>
 * ### Is switching it off retroactive? {#retroactive}
 * also: will it remove my data from models already trained? | does opting out delete what was learned?
 * No. It stops future training only; models already trained on your data are not retrained. [1]
 * </pre>
 */
final class Cards {
  private static final Pattern SECTION = Pattern.compile("^##\\s+Questions\\s*$");
  private static final Pattern NEXT_SECTION = Pattern.compile("^#{1,2}\\s+\\S.*$");
  private static final Pattern CARD = Pattern.compile("^###\\s+(.+?)\\s*(?:\\{#([^}]*)\\})?\\s*$");
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Pattern ALSO = Pattern.compile("^(?:also|aussi)\\s*:\\s*(.*)$");

  private Cards() {}

  /**
   * @param body the rest of the file: everything but the Questions section, for the other sections
   * @param bodyFirstLine the file line where {@code body} starts
   */
  record Split(List<Card> cards, String body, int bodyFirstLine) {}

  /**
   * Takes the Questions section out of a body and reads its cards.
   *
   * @param firstLine the 1-based file line where {@code body} starts
   * @param sources how many sources the front matter lists, to check citation numbers
   */
  static Split read(String file, String body, int firstLine, int sources, List<Problem> problems) {
    String[] lines = body.split("\r?\n", -1);
    int start = -1;
    for (int i = 0; i < lines.length; i++) {
      if (SECTION.matcher(lines[i].strip()).matches()) {
        start = i;
        break;
      }
    }
    if (start < 0) {
      return new Split(List.of(), body, firstLine);
    }
    int end = lines.length;
    for (int i = start + 1; i < lines.length; i++) {
      if (NEXT_SECTION.matcher(lines[i]).matches() && !lines[i].startsWith("###")) {
        end = i;
        break;
      }
    }
    List<Card> cards = parse(file, lines, start + 1, end, firstLine, sources, problems);
    // the section's lines become blank, so the other sections keep their line numbers
    StringBuilder rest = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        rest.append('\n');
      }
      if (i < start || i >= end) {
        rest.append(lines[i]);
      }
    }
    return new Split(cards, rest.toString(), firstLine);
  }

  private static List<Card> parse(
      String file,
      String[] lines,
      int from,
      int to,
      int firstLine,
      int sources,
      List<Problem> problems) {
    List<Card> cards = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    int i = from;
    while (i < to && lines[i].isBlank()) {
      i++;
    }
    if (i < to && !lines[i].startsWith("###")) {
      problems.add(
          Problem.error(
              file,
              firstLine + i,
              "text before the first card: each card starts with '### question {#id}'"));
    }
    while (i < to) {
      Matcher heading = CARD.matcher(lines[i]);
      if (!heading.matches()) {
        i++;
        continue;
      }
      int line = firstLine + i;
      String question = heading.group(1).strip();
      String id = heading.group(2) == null ? "" : heading.group(2).strip();
      List<String> also = new ArrayList<>();
      List<String> answer = new ArrayList<>();
      i++;
      while (i < to && !lines[i].startsWith("###")) {
        String text = lines[i].strip();
        Matcher alsoLine = ALSO.matcher(text);
        if (answer.isEmpty() && also.isEmpty() && alsoLine.matches()) {
          for (String phrasing : alsoLine.group(1).split("\\|")) {
            if (!phrasing.isBlank()) {
              also.add(phrasing.strip());
            }
          }
        } else if (!text.isEmpty() || !answer.isEmpty()) {
          answer.add(text);
        }
        i++;
      }
      String answerText =
          String.join("\n", answer).strip().replaceAll("\\s*\\n\\s*\\n\\s*", "\n\n");
      answerText = answerText.replaceAll("(?<!\\n)\\n(?!\\n)", " ");
      if (id.isEmpty()) {
        problems.add(
            Problem.error(file, line, "card '" + question + "' has no id: end it with {#an-id}"));
        continue;
      }
      if (!ID.matcher(id).matches()) {
        problems.add(
            Problem.error(
                file, line, "card id '" + id + "' must be lowercase letters, digits and '-'"));
        continue;
      }
      if (!ids.add(id)) {
        problems.add(Problem.error(file, line, "duplicate card id '" + id + "'"));
        continue;
      }
      if (answerText.isEmpty()) {
        problems.add(Problem.error(file, line, "card '" + id + "' has no answer"));
        continue;
      }
      Card card = new Card(id, question, also, answerText, line);
      if (card.citations().isEmpty()) {
        problems.add(
            Problem.error(
                file, line, "card '" + id + "' cites no source: end the answer with [1], [2]…"));
      }
      for (int n : card.citations()) {
        if (n < 1 || n > sources) {
          problems.add(
              Problem.error(
                  file,
                  line,
                  "card '"
                      + id
                      + "' cites ["
                      + n
                      + "] but the front matter lists "
                      + sources
                      + " source"
                      + (sources == 1 ? "" : "s")));
        }
      }
      cards.add(card);
    }
    return cards;
  }
}
