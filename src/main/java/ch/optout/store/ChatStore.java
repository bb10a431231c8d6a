package ch.optout.store;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Per-chat memory and anonymous counts. Implementations are thread-safe, key chats by something
 * other than the raw id wherever they persist anything, never store message text, and never return
 * a context older than {@link ChatState#CONTEXT_TTL}.
 */
public interface ChatStore extends AutoCloseable {
  /** Reminders and watches are kept at most this many months after they were last set. */
  int FOLLOW_UP_MONTHS = 13;

  /** The oldest a reminder or a watch may be at {@code now}. */
  static Instant followUpCutoff(Instant now) {
    return now.atZone(java.time.ZoneOffset.UTC).minusMonths(FOLLOW_UP_MONTHS).toInstant();
  }

  /**
   * The chat's state, {@link ChatState#EMPTY} when nothing is kept; an expired context is left out.
   */
  ChatState load(String chatId);

  /** Replaces the chat's preferences and context with {@code state}. */
  void save(String chatId, ChatState state);

  /** The chat's checklist progress, by platform id. */
  List<ChecklistItem> checklist(String chatId);

  /** Sets one platform's checklist status, dated today. */
  default void markChecklist(String chatId, String platformId, ChecklistStatus status) {
    markChecklist(chatId, platformId, status, Optional.empty());
  }

  /**
   * Sets one platform's checklist status, dated today, with the day an objection was sent when it
   * is known (a reminder answered); an item keeps the day it had otherwise.
   */
  void markChecklist(
      String chatId, String platformId, ChecklistStatus status, Optional<LocalDate> letterOn);

  /**
   * Sets the chat's reminder about {@code reminder.subject()}, replacing one it had.
   *
   * @param channel where the chat is reached when it falls due ("telegram", "terminal")
   */
  void remind(String chatId, String channel, Reminder reminder);

  /** The chat's reminders, by subject. */
  List<Reminder> reminders(String chatId);

  /**
   * Marks the reminder asked, as a channel that shows it itself does (the terminal).
   *
   * @return false when it was not waiting
   */
  boolean reminderAsked(String chatId, String subject);

  /** Deletes the reminder, once answered: true when there was one. */
  boolean deleteReminder(String chatId, String subject);

  /**
   * Follows a platform, or renews the watch; the changes its guide lists now are never told.
   *
   * @param known the ids of the platform's changes already in the knowledge
   */
  void watch(String chatId, String channel, Watch watch, Collection<String> known);

  /** The platforms the chat follows, by platform. */
  List<Watch> watches(String chatId);

  /** Stops following a platform: true when the chat followed it. */
  boolean unwatch(String chatId, String platformId);

  /**
   * Records that a chat following the platform is told of a change, for a channel that tells it
   * itself (the terminal, when the chat opens).
   *
   * @return true the first time; false when told (or known) before, or not followed
   */
  boolean tell(String chatId, String platformId, String changeId);

  /** Clears the chat's checklist progress, keeping its preferences. */
  void resetChecklist(String chatId);

  /** Everything kept about the chat, readably, for /mydata. */
  ChatExport export(String chatId);

  /** Erases everything kept about the chat, everywhere. */
  void forget(String chatId);

  /** Counts a 👍 or 👎 for a guide, today. Anonymous: nothing links it to a chat. */
  void recordFeedback(String guideId, boolean helpful);

  /** Counts one answer given from a guide, today. Anonymous. */
  void countAnswer(String guideId);

  /** Daily figures per guide from {@code since} on, by day then guide. */
  List<GuideDay> guideDays(LocalDate since);

  /**
   * Deletes chats untouched since {@code now - retention} with all they hold, daily figures older
   * than that, and expired contexts; reminders and watches go after {@link #FOLLOW_UP_MONTHS}
   * months, whatever the retention.
   *
   * @return how many rows were deleted
   */
  int purge(Instant now, Duration retention);

  @Override
  default void close() {}
}
