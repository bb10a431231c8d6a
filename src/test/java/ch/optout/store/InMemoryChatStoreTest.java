package ch.optout.store;

class InMemoryChatStoreTest extends ChatStoreContract {
  @Override
  ChatStore open(MutableClock clock) {
    return new InMemoryChatStore(clock);
  }
}
