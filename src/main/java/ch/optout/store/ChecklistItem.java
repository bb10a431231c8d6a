package ch.optout.store;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One platform of a chat's opt-out checklist.
 *
 * @param platformId the guide id, e.g. "linkedin"
 * @param status done, skipped or for later
 * @param date the day the status was set (a day, not a time: enough to remind, less to reveal)
 * @param letterOn the day an objection (letter or form) was sent, when a reminder said so
 */
public record ChecklistItem(
    String platformId, ChecklistStatus status, LocalDate date, Optional<LocalDate> letterOn) {
  public ChecklistItem {
    Tokens.check(platformId, "platformId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(letterOn, "letterOn");
  }

  public ChecklistItem(String platformId, ChecklistStatus status, LocalDate date) {
    this(platformId, status, date, Optional.empty());
  }
}
