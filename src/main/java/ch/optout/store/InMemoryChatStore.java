package ch.optout.store;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A store that forgets everything when the process ends: for one-shot {@code ask} and tests. */
public final class InMemoryChatStore implements ChatStore {
  private final ConcurrentMap<String, ChatState> states = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Integer> feedback = new ConcurrentHashMap<>();

  @Override
  public ChatState load(String chatId) {
    return states.getOrDefault(chatId, ChatState.EMPTY);
  }

  @Override
  public void save(String chatId, ChatState state) {
    states.put(chatId, state);
  }

  @Override
  public void forget(String chatId) {
    states.remove(chatId);
  }

  @Override
  public void recordFeedback(String guideId, boolean helpful) {
    feedback.merge(guideId + (helpful ? ":up" : ":down"), 1, Integer::sum);
  }

  /** Feedback counts by "guideId:up" and "guideId:down", for tests. */
  public java.util.Map<String, Integer> feedback() {
    return java.util.Map.copyOf(feedback);
  }
}
