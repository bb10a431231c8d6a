package ch.optout.answer;

import ch.optout.knowledge.Source;

/** The answer as plain text: for the terminal and for {@code ask --json}'s "answer" field. */
public final class PlainTextRenderer {
  private final Messages messages;

  public PlainTextRenderer(Messages messages) {
    this.messages = messages;
  }

  public String render(Answer a) {
    StringBuilder sb = new StringBuilder();
    if (!a.title().isBlank()) {
      sb.append(Inline.plain(a.title())).append("\n");
    }
    if (!a.lead().isBlank()) {
      sb.append("\n").append(Inline.plain(a.lead())).append("\n");
    }
    if (!a.document().isBlank()) {
      String rule = "-".repeat(60);
      sb.append("\n")
          .append(rule)
          .append("\n")
          .append(a.document().strip())
          .append("\n")
          .append(rule)
          .append("\n");
    }
    for (StepGroup group : a.steps()) {
      sb.append("\n");
      if (!group.label().isBlank()) {
        sb.append(group.label()).append(":\n");
      }
      int n = 1;
      for (String step : group.steps()) {
        sb.append(String.format("%2d. ", n++)).append(Inline.plain(step)).append("\n");
      }
    }
    list(
        sb,
        messages.get(a.language(), "label.notCovered"),
        a.caveats().stream().map(Inline::plain).toList());
    list(
        sb,
        messages.get(a.language(), "label.goodToKnow"),
        a.notes().stream().map(Inline::plain).toList());
    if (!a.warning().isBlank()) {
      sb.append("\n").append("! ").append(a.warning()).append("\n");
    }
    if (a.more()) {
      sb.append("\n").append(messages.get(a.language(), "answer.more")).append("\n");
    }
    if (!a.sources().isEmpty()) {
      String heading =
          a.verified()
              .map(d -> messages.get(a.language(), "label.sourcesVerified", d))
              .orElse(messages.get(a.language(), "label.sources"));
      sb.append("\n").append(heading).append("\n");
      int n = 1;
      for (Source s : a.sources()) {
        sb.append(a.citesByNumber() ? " [" + n++ + "] " : " - ")
            .append(s.title())
            .append(" — ")
            .append(s.url())
            .append("\n");
      }
    }
    return sb.toString().stripTrailing();
  }

  private static void list(StringBuilder sb, String heading, java.util.List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    sb.append("\n").append(heading).append("\n");
    for (String item : items) {
      sb.append(" - ").append(item).append("\n");
    }
  }
}
