package ch.optout.knowledge;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A dated change of a platform's rules, from the {@code changes:} list of its guide's front matter:
 * what a chat that follows the platform is told once, in the guide's language.
 *
 * @param date the day the change was announced or took effect; with the guide's id it names the
 *     change, so a guide has at most one change a day and its twin the same dates
 * @param summary one line saying what changed, in the file's language
 * @param act whether the user must do something (object, switch a setting off)
 * @param deadline the day by which to act, when the platform sets one
 * @param line the 1-based line of the entry, for messages
 */
public record Change(
    LocalDate date, String summary, boolean act, Optional<LocalDate> deadline, int line) {
  /** The longest summary: one line on a phone screen, or two. */
  public static final int MAX_SUMMARY = 280;

  public Change {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(deadline, "deadline");
  }

  /** The change's name within its guide, stable across restarts and languages: its date. */
  public String id() {
    return date.toString();
  }
}
