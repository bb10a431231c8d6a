package ch.optout.store;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The store on a PostgreSQL server, for replicas on several machines: the same tables and the same
 * behaviour as {@link SqliteChatStore}. Chats are keyed with one secret for all replicas, given as
 * {@code OPTOUT_SECRET_KEY} or else created once in the database under the migration lock.
 */
public final class PostgresChatStore extends JdbcChatStore {
  /** How long opening waits for the server before it says it cannot reach it. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** The leader locks' range of advisory keys, apart from {@link Schema#MIGRATION_LOCK}. */
  private static final long LEADER_LOCKS = 0x4F70_0000_0000_0000L;

  private final DatabaseUrl url;

  public PostgresChatStore(DatabaseUrl url, Optional<String> secretKey, Clock clock) {
    this(url, secretKey, clock, CONNECT_TIMEOUT);
  }

  PostgresChatStore(
      DatabaseUrl url, Optional<String> secretKey, Clock clock, Duration connectTimeout) {
    this(new PostgresDatabase(url, connectTimeout), url, secretKey, clock);
  }

  /** With another socket timeout, for tests of a server that stops answering. */
  PostgresChatStore(
      DatabaseUrl url,
      Optional<String> secretKey,
      Clock clock,
      Duration connectTimeout,
      Duration socketTimeout) {
    this(new PostgresDatabase(url, connectTimeout, socketTimeout), url, secretKey, clock);
  }

  private PostgresChatStore(
      PostgresDatabase db, DatabaseUrl url, Optional<String> secretKey, Clock clock) {
    super(db, keys(db, secretKey, clock), clock);
    this.url = url;
  }

  /**
   * The leader lock of one bot: replicas of the same bot compete for it, another bot sharing the
   * database has its own.
   */
  public LeaderLock leaderLock(long botId) {
    return new LeaderLock(url, LEADER_LOCKS | (botId & 0xFFFF_FFFF_FFFFL));
  }

  private static ChatKeys keys(PostgresDatabase db, Optional<String> secretKey, Clock clock) {
    try {
      Schema.migrate(db, clock);
      if (secretKey.isPresent()) {
        byte[] bytes = secretKey.get().getBytes(StandardCharsets.UTF_8);
        if (bytes.length < ChatKeys.BYTES) {
          throw new StoreException(
              StoreException.Reason.FAILED,
              java.nio.file.Path.of(db.name()),
              "OPTOUT_SECRET_KEY must be at least "
                  + ChatKeys.BYTES
                  + " characters long (it is never shown)");
        }
        return ChatKeys.of(bytes);
      }
      return ChatKeys.of(HexFormat.of().parseHex(sharedSecret(db)));
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /** The secret every replica shares, created by the first one under the migration lock. */
  private static String sharedSecret(PostgresDatabase db) {
    byte[] fresh = new byte[ChatKeys.BYTES];
    new SecureRandom().nextBytes(fresh);
    String candidate = HexFormat.of().formatHex(fresh);
    return db.write(
        "chat-key secret",
        c -> {
          Schema.lock(db, c);
          try (Statement s = c.createStatement()) {
            s.execute(
                "CREATE TABLE IF NOT EXISTS chat_secret (id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1), secret TEXT NOT NULL)");
          }
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO chat_secret (id, secret) VALUES (1, ?) ON CONFLICT (id) DO NOTHING")) {
            p.setString(1, candidate);
            p.executeUpdate();
          }
          try (Statement s = c.createStatement();
              ResultSet r = s.executeQuery("SELECT secret FROM chat_secret WHERE id = 1")) {
            r.next();
            return r.getString(1);
          }
        });
  }
}
