package ch.optout.store;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A store that forgets everything when the process ends: for one-shot {@code ask} and tests. */
public final class InMemoryChatStore implements ChatStore {
  private final ConcurrentMap<String, ChatState> states = new ConcurrentHashMap<>();

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
}
