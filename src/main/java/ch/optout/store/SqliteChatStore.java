package ch.optout.store;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store in one SQLite file, {@value #DATABASE}, in the data directory, beside the secret that
 * keys its chats ({@value ChatKeys#FILE}). Opening it creates both if needed, checks the file, and
 * applies pending migrations; it fails with a {@link StoreException} rather than repair anything.
 */
public final class SqliteChatStore extends JdbcChatStore {
  public static final String DATABASE = "optout.db";

  private static final Logger LOG = LoggerFactory.getLogger(SqliteChatStore.class);

  private final Database db;

  public SqliteChatStore(Path dataDir, Clock clock) {
    this(dataDir, clock, Database.Tuning.DEFAULT);
  }

  SqliteChatStore(Path dataDir, Clock clock, Database.Tuning tuning) {
    this(DataDirectory.prepare(dataDir), clock, tuning, true);
  }

  private SqliteChatStore(Path dir, Clock clock, Database.Tuning tuning, boolean prepared) {
    this(
        ChatKeys.open(dir, new SecureRandom()),
        Database.open(DataDirectory.createOwnerOnly(dir.resolve(DATABASE)), tuning),
        clock);
  }

  private SqliteChatStore(ChatKeys keys, Database db, Clock clock) {
    super(migrated(db, clock), keys, clock);
    this.db = db;
  }

  private static Database migrated(Database db, Clock clock) {
    try {
      Schema.migrate(db, clock);
      return db;
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /** The database file. */
  public Path file() {
    return db.file();
  }

  /**
   * Erased rows are zeroed in the database file (secure_delete), but their old pages may still sit
   * in the write-ahead log: copying it back and truncating it leaves them nowhere. Best effort: a
   * reader in another connection can delay it to the next checkpoint.
   */
  @Override
  protected void flushErasure(String what) {
    db.plain(
        what + " checkpoint",
        c -> {
          try (Statement s = c.createStatement();
              ResultSet r = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            if (r.next() && r.getInt(1) != 0) {
              LOG.debug("{}: checkpoint deferred by a concurrent reader", what);
            }
          }
          return null;
        });
  }
}
