package ch.optout.store;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One platform of a chat's opt-out checklist.
 *
 * @param platformId the guide id, e.g. "linkedin"
 * @param status done, skipped or for later
 * @param date the day the status was set (a day, not a time: enough to remind, less to reveal)
 */
public record ChecklistItem(String platformId, ChecklistStatus status, LocalDate date) {
  public ChecklistItem {
    Tokens.check(platformId, "platformId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(date, "date");
  }
}
