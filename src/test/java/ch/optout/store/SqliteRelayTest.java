package ch.optout.store;

import ch.optout.MutableClock;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteRelayTest extends RelayContract {
  @TempDir Path dir;

  @Override
  JdbcChatStore open(MutableClock clock) {
    return new SqliteChatStore(dir, clock);
  }
}
