package ch.optout.store;

/**
 * Per-chat memory. Implementations key chats by something other than the raw id where they persist
 * anything, are thread-safe, and never lose a saved state to a concurrent save of another chat.
 */
public interface ChatStore extends AutoCloseable {
  /** The chat's state, {@link ChatState#EMPTY} when nothing is kept. */
  ChatState load(String chatId);

  void save(String chatId, ChatState state);

  /** Erases everything kept about the chat. */
  void forget(String chatId);

  /** Counts a 👍 or 👎 for a guide. Anonymous: nothing links it to a chat. */
  void recordFeedback(String guideId, boolean helpful);

  @Override
  default void close() {}
}
