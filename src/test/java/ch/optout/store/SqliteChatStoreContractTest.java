package ch.optout.store;

import ch.optout.MutableClock;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteChatStoreContractTest extends ChatStoreContract {
  @TempDir Path dir;

  @Override
  ChatStore open(MutableClock clock) {
    return new SqliteChatStore(dir, clock);
  }
}
