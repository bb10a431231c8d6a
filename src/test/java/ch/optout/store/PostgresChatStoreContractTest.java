package ch.optout.store;

import ch.optout.MutableClock;
import java.util.Optional;

/** The contract every store keeps, on a real PostgreSQL server. */
class PostgresChatStoreContractTest extends ChatStoreContract {
  @Override
  ChatStore open(MutableClock clock) {
    TestPostgres.reset();
    return new PostgresChatStore(TestPostgres.url(), Optional.empty(), clock);
  }
}
