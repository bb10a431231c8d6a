package ch.optout.store;

/** Where a user stands with one platform of the opt-out checklist. */
public enum ChecklistStatus {
  DONE,
  SKIPPED,
  LATER
}
