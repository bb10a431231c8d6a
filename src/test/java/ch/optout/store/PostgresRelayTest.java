package ch.optout.store;

import ch.optout.MutableClock;
import java.util.Optional;

/** The inbox and outbox on a real PostgreSQL server. */
class PostgresRelayTest extends RelayContract {
  @Override
  JdbcChatStore open(MutableClock clock) {
    TestPostgres.reset();
    return new PostgresChatStore(TestPostgres.url(), Optional.empty(), clock);
  }
}
