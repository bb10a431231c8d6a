package ch.optout.store;

import ch.optout.MutableClock;

class InMemoryChatStoreTest extends ChatStoreContract {
  @Override
  ChatStore open(MutableClock clock) {
    return new InMemoryChatStore(clock);
  }
}
