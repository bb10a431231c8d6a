package ch.optout.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model's reply cut into the parts of an {@link Answer}, so channels lay it out like any other:
 * the prose before the first numbered line is the lead, numbered lines are steps (a new group when
 * numbering restarts or a "Label:" line precedes them), and prose after the steps is kept as notes.
 *
 * @param steps empty when the reply has no numbered line
 */
record ReplyLayout(String lead, List<StepGroup> steps, List<String> tail) {
  private static final Pattern STEP = Pattern.compile("^\\s*(\\d{1,2})[.)]\\s+(.+)$");

  /** "Web:", "**Mobile app:**", "### Web" — a label only when steps follow it. */
  private static final Pattern LABEL =
      Pattern.compile("^\\s*(?:#{1,6}\\s*)?\\**\\s*([^\\n]{1,60}?)\\s*:?\\s*\\**\\s*:?\\s*$");

  ReplyLayout {
    Objects.requireNonNull(lead, "lead");
    steps = List.copyOf(steps);
    tail = List.copyOf(tail);
  }

  static ReplyLayout of(String text) {
    List<String> lines = text.lines().toList();
    List<String> lead = new ArrayList<>();
    List<String> tail = new ArrayList<>();
    List<StepGroup> groups = new ArrayList<>();
    String label = "";
    List<String> current = new ArrayList<>();
    int last = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher step = STEP.matcher(line);
      if (step.matches()) {
        int number = Integer.parseInt(step.group(1));
        if (!current.isEmpty() && number <= last) {
          groups.add(new StepGroup(label, current));
          label = "";
          current = new ArrayList<>();
        }
        current.add(step.group(2).strip());
        last = number;
        continue;
      }
      if (line.isBlank()) {
        (groups.isEmpty() && current.isEmpty() ? lead : tail).add("");
        continue;
      }
      boolean continuation = !current.isEmpty() && Character.isWhitespace(line.charAt(0));
      if (continuation) {
        int at = current.size() - 1;
        current.set(at, current.get(at) + " " + line.strip());
        continue;
      }
      Matcher labelled = LABEL.matcher(line);
      boolean stepsSeen = !groups.isEmpty() || !current.isEmpty();
      if (labelled.matches() && nextNonBlankIsStep(lines, i) && looksLikeLabel(line, stepsSeen)) {
        if (!current.isEmpty()) {
          groups.add(new StepGroup(label, current));
          current = new ArrayList<>();
        }
        label = labelled.group(1).strip();
        last = 0;
        continue;
      }
      if (!current.isEmpty()) {
        groups.add(new StepGroup(label, current));
        label = "";
        current = new ArrayList<>();
      }
      (groups.isEmpty() ? lead : tail).add(line.strip());
    }
    if (!current.isEmpty()) {
      groups.add(new StepGroup(label, current));
    }
    return new ReplyLayout(
        String.join("\n", lead).strip().replaceAll("\n{3,}", "\n\n"), groups, paragraphs(tail));
  }

  private static boolean nextNonBlankIsStep(List<String> lines, int from) {
    for (int i = from + 1; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        return STEP.matcher(lines.get(i)).matches();
      }
    }
    return false;
  }

  /**
   * A heading or a bold line; or, between two lists, a short line ending in a colon. Before the
   * first list such a line is more often the lead's "Here is how:" than a device name.
   */
  private static boolean looksLikeLabel(String line, boolean stepsSeen) {
    String s = line.strip();
    if (s.startsWith("#") || (s.startsWith("**") && s.endsWith("**"))) {
      return true;
    }
    return stepsSeen && s.endsWith(":") && s.length() <= 40 && !s.contains("[");
  }

  private static List<String> paragraphs(List<String> lines) {
    List<String> out = new ArrayList<>();
    StringBuilder paragraph = new StringBuilder();
    for (String line : lines) {
      if (line.isBlank()) {
        if (!paragraph.isEmpty()) {
          out.add(paragraph.toString());
          paragraph.setLength(0);
        }
      } else {
        paragraph.append(paragraph.isEmpty() ? "" : " ").append(line);
      }
    }
    if (!paragraph.isEmpty()) {
      out.add(paragraph.toString());
    }
    return out;
  }
}
