package ch.optout.store;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Per-chat memory and anonymous counts. Implementations are thread-safe, key chats by something
 * other than the raw id wherever they persist anything, never store message text, and never return
 * a context older than {@link ChatState#CONTEXT_TTL}.
 */
public interface ChatStore extends AutoCloseable {
  /**
   * The chat's state, {@link ChatState#EMPTY} when nothing is kept; an expired context is left out.
   */
  ChatState load(String chatId);

  /** Replaces the chat's preferences and context with {@code state}. */
  void save(String chatId, ChatState state);

  /** The chat's checklist progress, by platform id. */
  List<ChecklistItem> checklist(String chatId);

  /** Sets one platform's checklist status, dated today. */
  void markChecklist(String chatId, String platformId, ChecklistStatus status);

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
   * than that, and expired contexts.
   *
   * @return how many rows were deleted
   */
  int purge(Instant now, Duration retention);

  @Override
  default void close() {}
}
