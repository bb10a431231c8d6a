package ch.optout.knowledge;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When a source was published, as precisely as it says: a day, a month, a year, "undated", or not
 * recorded at all.
 *
 * @param text the value as written in the front matter ({@code 2025-07-15}, {@code 2025-07}, {@code
 *     2025}, {@code undated}), empty when not recorded
 */
public record SourceDate(String text) {
  public static final SourceDate UNKNOWN = new SourceDate("");

  public SourceDate {
    if (!text.isEmpty() && !text.equals("undated") && earliest(text).isEmpty()) {
      throw new IllegalArgumentException(
          "a source date is YYYY-MM-DD, YYYY-MM, YYYY or 'undated', not '" + text + "'");
    }
  }

  /** The parsed value, or empty when it is not a date of one of the accepted forms. */
  public static Optional<SourceDate> parse(String text) {
    String t = text.strip();
    if (t.equals("undated") || earliest(t).isPresent()) {
      return Optional.of(new SourceDate(t));
    }
    return Optional.empty();
  }

  /** Whether the front matter says anything at all (a date or "undated"). */
  public boolean recorded() {
    return !text.isEmpty();
  }

  /** The first day the date can mean: 2025-07 → 1 July 2025; empty when undated or unknown. */
  public Optional<LocalDate> earliestDay() {
    return earliest(text);
  }

  private static Optional<LocalDate> earliest(String t) {
    try {
      if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return Optional.of(LocalDate.parse(t));
      }
      if (t.matches("\\d{4}-\\d{2}")) {
        return Optional.of(YearMonth.parse(t).atDay(1));
      }
      if (t.matches("\\d{4}")) {
        return Optional.of(LocalDate.of(Integer.parseInt(t), 1, 1));
      }
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
