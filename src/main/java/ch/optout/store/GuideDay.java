package ch.optout.store;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Anonymous daily figures for one guide: how often it was given and how it was rated. Nothing here
 * can be traced back to a chat.
 */
public record GuideDay(String guideId, LocalDate day, int answers, int helpful, int unhelpful) {
  public GuideDay {
    Tokens.check(guideId, "guideId");
    Objects.requireNonNull(day, "day");
    if (answers < 0 || helpful < 0 || unhelpful < 0) {
      throw new IllegalArgumentException("counts cannot be negative");
    }
  }
}
