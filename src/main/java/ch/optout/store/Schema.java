package ch.optout.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tables, as numbered migrations applied in order at open and recorded in {@code
 * schema_version}. A migration is never edited once released: a change is a new one. Plain SQL that
 * PostgreSQL also accepts (BIGINT, TEXT, ON CONFLICT) so the store can move there.
 */
final class Schema {
  /** One step; its statements run in one transaction with the version it records. */
  /**
   * One step.
   *
   * @param oldestReader the oldest schema version whose code still runs on the database after this
   *     step: an additive step (expand) keeps the previous one, so that two releases can run side
   *     by side during a deploy; a step that removes or changes what older code uses (contract)
   *     sets its own version
   */
  record Migration(int version, String description, List<String> statements, int oldestReader) {
    Migration(int version, String description, List<String> statements) {
      this(version, description, statements, version);
    }
  }

  static final List<Migration> MIGRATIONS =
      List.of(
          new Migration(
              1,
              "chats, follow-up context, daily guide figures",
              List.of(
                  // chat_key: HMAC-SHA256 of the chat id, hexadecimal; updated_at: epoch ms of the
                  // last write,
                  // from which retention counts
                  """
          CREATE TABLE chat (
            chat_key TEXT NOT NULL PRIMARY KEY,
            language TEXT,
            device TEXT,
            updated_at BIGINT NOT NULL
          )""",
                  "CREATE INDEX chat_updated_at ON chat (updated_at)",
                  // one row per chat at most: only the last answer's platform and intent matter
                  """
          CREATE TABLE context (
            chat_key TEXT NOT NULL PRIMARY KEY REFERENCES chat (chat_key) ON DELETE CASCADE,
            platform_id TEXT NOT NULL,
            intent TEXT NOT NULL,
            set_at BIGINT NOT NULL
          )""",
                  "CREATE INDEX context_set_at ON context (set_at)",
                  // counts per guide and day, never per chat: feedback stays anonymous
                  """
          CREATE TABLE guide_day (
            guide_id TEXT NOT NULL,
            day TEXT NOT NULL,
            answers INTEGER NOT NULL DEFAULT 0,
            helpful INTEGER NOT NULL DEFAULT 0,
            unhelpful INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (guide_id, day)
          )""")),
          new Migration(
              2,
              "region preference, checklist progress",
              List.of(
                  "ALTER TABLE chat ADD COLUMN region TEXT",
                  """
          CREATE TABLE checklist (
            chat_key TEXT NOT NULL REFERENCES chat (chat_key) ON DELETE CASCADE,
            platform_id TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('DONE', 'SKIPPED', 'LATER')),
            day TEXT NOT NULL,
            PRIMARY KEY (chat_key, platform_id)
          )""")),
          new Migration(
              3,
              "Telegram inbox and outbox, for replicas that hand over without losing an update",
              List.of(
                  // chat_key: the chat's HMAC, as elsewhere; payload: the raw update, set to NULL
                  // once handled; times in epoch ms. Rows go an hour after they are done with.
                  """
          CREATE TABLE inbox (
            update_id BIGINT NOT NULL PRIMARY KEY,
            chat_key TEXT,
            payload TEXT,
            received_at BIGINT NOT NULL,
            handled_at BIGINT
          )""",
                  "CREATE INDEX inbox_todo ON inbox (update_id) WHERE handled_at IS NULL",
                  "CREATE INDEX inbox_done ON inbox (handled_at)",
                  // the replies an update's handling decided, in order; body: the Bot API call as
                  // JSON (it names the chat) until sent, then NULL; attempts: counted before each
                  // call, so that a resend after a crash is known for what it is
                  """
          CREATE TABLE outbox (
            update_id BIGINT NOT NULL REFERENCES inbox (update_id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            chat_key TEXT,
            body TEXT,
            attempts INTEGER NOT NULL DEFAULT 0,
            attempted_by TEXT,
            sent_at BIGINT,
            outcome TEXT,
            PRIMARY KEY (update_id, seq)
          )""",
                  "CREATE INDEX outbox_todo ON outbox (update_id, seq) WHERE sent_at IS NULL",
                  "CREATE INDEX outbox_chat ON outbox (chat_key)",
                  "CREATE INDEX inbox_chat ON inbox (chat_key)",
                  // from now on each step says which older code may still run beside it
                  "ALTER TABLE schema_version ADD COLUMN oldest_reader INTEGER"),
              // only new tables: release 2 runs on it unchanged
              2),
          new Migration(
              4,
              "where the user lives, a second platform and the last card in the context",
              List.of(
                  // country: an ISO code the user said ("CH", "PT", "CA-QC"), for complaints
                  "ALTER TABLE chat ADD COLUMN country TEXT",
                  // for "which one is easier?" and "no, I meant Facebook": short identifiers only
                  "ALTER TABLE context ADD COLUMN other_platform TEXT",
                  "ALTER TABLE context ADD COLUMN card_id TEXT"),
              // only new columns: release 3 runs on it unchanged
              3),
          new Migration(
              5,
              "reminders after a letter, watched platforms, the day an objection was sent",
              List.of(
                  // letter_on: the day an objection was sent, kept once its reminder is answered
                  "ALTER TABLE checklist ADD COLUMN letter_on TEXT",
                  // one reminder per chat and company: the company, two days, the state; address:
                  // the chat id sealed with AES-GCM (see Addresses), the only raw id at rest;
                  // set_at: epoch ms, from which the 13 months count. No foreign key to chat: a
                  // reminder outlives the chat's preferences (OPTOUT_RETENTION_DAYS)
                  """
          CREATE TABLE reminder (
            chat_key TEXT NOT NULL,
            subject TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('LETTER', 'FORM')),
            language TEXT NOT NULL,
            channel TEXT NOT NULL,
            address TEXT NOT NULL,
            sent_on TEXT NOT NULL,
            due_on TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('WAITING', 'ASKED')),
            set_at BIGINT NOT NULL,
            PRIMARY KEY (chat_key, subject)
          )""",
                  "CREATE INDEX reminder_due ON reminder (channel, state, due_on)",
                  // a platform a chat follows, with the same sealed address
                  """
          CREATE TABLE watch (
            chat_key TEXT NOT NULL,
            platform_id TEXT NOT NULL,
            language TEXT NOT NULL,
            channel TEXT NOT NULL,
            address TEXT NOT NULL,
            since BIGINT NOT NULL,
            PRIMARY KEY (chat_key, platform_id)
          )""",
                  "CREATE INDEX watch_platform ON watch (platform_id, channel)",
                  // the changes a watch has seen: those in the knowledge when it began (told_at
                  // NULL) and those told since; a row is the claim that makes a change go once
                  """
          CREATE TABLE watch_change (
            chat_key TEXT NOT NULL,
            platform_id TEXT NOT NULL,
            change_id TEXT NOT NULL,
            told_at BIGINT,
            PRIMARY KEY (chat_key, platform_id, change_id)
          )"""),
              // only new tables and a new column: release 4 runs on it unchanged
              4));

  /** Tables that hold a {@code chat_key}: /forget and retention must reach every one of them. */
  static final List<String> CHAT_TABLES =
      List.of("watch_change", "watch", "reminder", "checklist", "context", "chat");

  /**
   * The Telegram inbox and outbox, keyed by chat too: /forget deletes what is done with at once,
   * the rest once handled and sent ({@link JdbcRelay}).
   */
  static final List<String> RELAY_TABLES = List.of("outbox", "inbox");

  private static final Logger LOG = LoggerFactory.getLogger(Schema.class);

  private Schema() {}

  static int latest() {
    return MIGRATIONS.get(MIGRATIONS.size() - 1).version();
  }

  /** Brings the database up to {@link #latest()}. */
  /**
   * The key of the PostgreSQL advisory lock every migration takes: replicas starting together apply
   * each migration once, and a new version can migrate while an older one still runs (expand, then
   * contract in a later release).
   */
  static final long MIGRATION_LOCK = 0x0_7074_6f75_7401L;

  static void migrate(Sql db, Clock clock) {
    migrate(db, clock, latest());
  }

  /**
   * Applies the migrations up to {@code target}, each in its own write transaction that re-reads
   * the version first, so two processes opening one file together apply each migration once.
   */
  static void migrate(Sql db, Clock clock, int target) {
    db.write(
        "create schema_version",
        c -> {
          lock(db, c);
          execute(
              c,
              "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at BIGINT NOT NULL)");
          return null;
        });
    int found = db.read("read schema version", Schema::version);
    int oldestReader = db.read("read oldest reader", Schema::oldestReader);
    if (found > latest() && oldestReader <= latest()) {
      LOG.info(
          "{}: schema version {} is newer than this release's {}, and only adds to it: running"
              + " beside the newer release",
          db.name(),
          found,
          latest());
      return;
    }
    if (found > latest()) {
      throw new StoreException(
          StoreException.Reason.NEWER_SCHEMA,
          java.nio.file.Path.of(db.name()),
          "The database "
              + db.name()
              + " was written by a newer OptOut (schema version "
              + found
              + "; this one knows up to "
              + latest()
              + "). It was left untouched: run the newer OptOut, or point OPTOUT_DATA_DIR elsewhere.");
    }
    for (Migration m : MIGRATIONS) {
      if (m.version() > target) {
        break;
      }
      boolean applied =
          db.write(
              "migration " + m.version(),
              c -> {
                lock(db, c);
                if (version(c) >= m.version()) {
                  return false;
                }
                for (String sql : m.statements()) {
                  execute(c, sql);
                }
                try (PreparedStatement p =
                    c.prepareStatement(
                        "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)")) {
                  p.setInt(1, m.version());
                  p.setLong(2, clock.millis());
                  p.executeUpdate();
                }
                if (hasOldestReader(c)) {
                  try (PreparedStatement p =
                      c.prepareStatement(
                          "UPDATE schema_version SET oldest_reader = ? WHERE version = ?")) {
                    p.setInt(1, m.oldestReader());
                    p.setInt(2, m.version());
                    p.executeUpdate();
                  }
                }
                return true;
              });
      if (applied) {
        LOG.info("{}: applied migration {} ({})", db.name(), m.version(), m.description());
      }
    }
  }

  /** On PostgreSQL, one migrator at a time, until the transaction ends; SQLite locks the file. */
  static void lock(Sql db, Connection c) throws SQLException {
    if (db.postgres()) {
      try (PreparedStatement p = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
        p.setLong(1, MIGRATION_LOCK);
        p.executeQuery().close();
      }
    }
  }

  /**
   * The oldest release's schema version that may run on this database: the newest step's {@code
   * oldest_reader}, or its version where steps did not say.
   */
  static int oldestReader(Connection c) throws SQLException {
    if (!hasOldestReader(c)) {
      return version(c);
    }
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT COALESCE(oldest_reader, version) FROM schema_version"
                    + " ORDER BY version DESC LIMIT 1")) {
      return r.next() ? r.getInt(1) : 0;
    }
  }

  private static boolean hasOldestReader(Connection c) throws SQLException {
    try (ResultSet r = c.getMetaData().getColumns(null, null, "schema_version", "oldest_reader")) {
      return r.next();
    }
  }

  static int version(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
      r.next();
      return r.getInt(1);
    }
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
