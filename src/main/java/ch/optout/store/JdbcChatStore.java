package ch.optout.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's logic on SQL that SQLite and PostgreSQL both speak: {@link SqliteChatStore} in one
 * file for one machine, {@link PostgresChatStore} on a server several replicas share.
 */
public abstract class JdbcChatStore implements ChatStore {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcChatStore.class);

  private final Clock clock;
  private final ChatKeys keys;
  private final Sql db;
  private final Addresses addresses;
  private final FollowUpRows followUps;
  private final GuideDayRows guideDays;

  /** Takes the database, migrated, and the keys of its chats. */
  JdbcChatStore(Sql db, ChatKeys keys, Clock clock) {
    this.db = db;
    this.keys = keys;
    this.clock = clock;
    this.addresses = new Addresses(keys, new java.security.SecureRandom());
    this.followUps = new FollowUpRows(db, keys, addresses, clock);
    this.guideDays = new GuideDayRows(db, clock);
  }

  @Override
  public ChatState load(String chatId) {
    String key = keys.of(chatId);
    long freshAfter = clock.instant().minus(ChatState.CONTEXT_TTL).toEpochMilli();
    return db.read(
        "load",
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  """
          SELECT c.language, c.device, c.region, x.platform_id, x.intent, x.set_at, c.country,
            x.other_platform, x.card_id
          FROM chat c LEFT JOIN context x ON x.chat_key = c.chat_key AND x.set_at > ?
          WHERE c.chat_key = ?""")) {
            p.setLong(1, freshAfter);
            p.setString(2, key);
            try (ResultSet r = p.executeQuery()) {
              if (!r.next()) {
                return ChatState.EMPTY;
              }
              ChatState prefs = ChatState.EMPTY;
              if (text(r, 1).isPresent()) {
                prefs = prefs.withLanguage(text(r, 1).get());
              }
              if (text(r, 2).isPresent()) {
                prefs = prefs.withDevice(text(r, 2).get());
              }
              if (text(r, 3).flatMap(Region::fromCode).isPresent()) {
                prefs = prefs.withRegion(text(r, 3).flatMap(Region::fromCode).get());
              }
              if (text(r, 7).isPresent()) {
                prefs = prefs.withCountry(text(r, 7).get());
              }
              return r.getString(4) == null
                  ? prefs
                  : prefs.withTopic(
                      r.getString(4),
                      text(r, 8),
                      text(r, 9),
                      r.getString(5),
                      Instant.ofEpochMilli(r.getLong(6)));
            }
          }
        });
  }

  @Override
  public void save(String chatId, ChatState state) {
    String key = keys.of(chatId);
    db.write(
        "save",
        c -> {
          update(
              c,
              """
          INSERT INTO chat (chat_key, language, device, region, country, updated_at)
          VALUES (?, ?, ?, ?, ?, ?)
          ON CONFLICT (chat_key) DO UPDATE SET language = excluded.language, device = excluded.device,
            region = excluded.region, country = excluded.country, updated_at = excluded.updated_at""",
              key,
              state.language().orElse(null),
              state.device().orElse(null),
              state.region().map(Region::name).orElse(null),
              state.country().orElse(null),
              clock.millis());
          if (state.lastPlatform().isPresent()) {
            update(
                c,
                """
            INSERT INTO context (chat_key, platform_id, intent, set_at, other_platform, card_id)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (chat_key) DO UPDATE SET platform_id = excluded.platform_id, intent = excluded.intent,
              set_at = excluded.set_at, other_platform = excluded.other_platform,
              card_id = excluded.card_id""",
                key,
                state.lastPlatform().get(),
                state.lastIntent().orElseThrow(),
                state.contextAt().orElseThrow().toEpochMilli(),
                state.otherPlatform().orElse(null),
                state.lastCard().orElse(null));
          } else {
            update(c, "DELETE FROM context WHERE chat_key = ?", key);
          }
          pruneIfEmpty(c, key);
          return null;
        });
  }

  @Override
  public List<ChecklistItem> checklist(String chatId) {
    String key = keys.of(chatId);
    return db.read("checklist", c -> ExportRows.checklist(c, key));
  }

  @Override
  public void markChecklist(
      String chatId, String platformId, ChecklistStatus status, Optional<LocalDate> letterOn) {
    ChecklistItem item = new ChecklistItem(platformId, status, LocalDate.now(clock), letterOn);
    String key = keys.of(chatId);
    db.write(
        "mark checklist",
        c -> {
          update(
              c,
              """
          INSERT INTO chat (chat_key, updated_at) VALUES (?, ?)
          ON CONFLICT (chat_key) DO UPDATE SET updated_at = excluded.updated_at""",
              key,
              clock.millis());
          update(
              c,
              """
          INSERT INTO checklist (chat_key, platform_id, status, day, letter_on) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT (chat_key, platform_id) DO UPDATE SET status = excluded.status, day = excluded.day,
            letter_on = COALESCE(excluded.letter_on, checklist.letter_on)""",
              key,
              item.platformId(),
              item.status().name(),
              item.date().toString(),
              item.letterOn().map(LocalDate::toString).orElse(null));
          return null;
        });
  }

  @Override
  public void resetChecklist(String chatId) {
    String key = keys.of(chatId);
    db.write(
        "reset checklist",
        c -> {
          if (update(c, "DELETE FROM checklist WHERE chat_key = ?", key) > 0) {
            update(c, "UPDATE chat SET updated_at = ? WHERE chat_key = ?", clock.millis(), key);
          }
          pruneIfEmpty(c, key);
          return null;
        });
  }

  @Override
  public ChatExport export(String chatId) {
    String key = keys.of(chatId);
    Instant now = clock.instant();
    // an expired context is erased first, so that what is shown is exactly what is kept
    return db.write("export", c -> ExportRows.export(c, key, now));
  }

  @Override
  public void forget(String chatId) {
    String key = keys.of(chatId);
    db.write(
        "forget",
        c -> {
          for (String table : Schema.CHAT_TABLES) {
            // the table name is one of our constants; the key, like every value, is bound
            update(c, "DELETE FROM " + table + " WHERE chat_key = ?", key);
          }
          JdbcRelay.forget(c, key);
          return null;
        });
    flushErasure("forget");
  }

  @Override
  public void recordFeedback(String guideId, boolean helpful) {
    guideDays.count(guideId, 0, helpful ? 1 : 0, helpful ? 0 : 1);
  }

  @Override
  public void countAnswer(String guideId) {
    guideDays.count(guideId, 1, 0, 0);
  }

  @Override
  public List<GuideDay> guideDays(LocalDate since) {
    return guideDays.since(since);
  }

  @Override
  public int purge(Instant now, Duration retention) {
    long cutoff = now.minus(retention).toEpochMilli();
    long contextCutoff = now.minus(ChatState.CONTEXT_TTL).toEpochMilli();
    String oldestDay = LocalDate.ofInstant(now.minus(retention), clock.getZone()).toString();
    int deleted =
        db.write(
            "purge",
            c -> {
              // children first and by hand: the same SQL works where cascades are off
              int n =
                  update(
                      c,
                      "DELETE FROM checklist WHERE chat_key IN (SELECT chat_key FROM chat WHERE updated_at < ?)",
                      cutoff);
              n +=
                  update(
                      c,
                      "DELETE FROM context WHERE set_at <= ? OR chat_key IN (SELECT chat_key FROM chat WHERE updated_at < ?)",
                      contextCutoff,
                      cutoff);
              n += update(c, "DELETE FROM chat WHERE updated_at < ?", cutoff);
              n += update(c, "DELETE FROM guide_day WHERE day < ?", oldestDay);
              n += FollowUpRows.purge(c, now);
              return n;
            });
    if (deleted > 0) {
      flushErasure("purge");
      LOG.info(
          "retention: deleted {} rows older than {} days or expired", deleted, retention.toDays());
    }
    return deleted;
  }

  @Override
  public void remind(String chatId, String channel, Reminder reminder) {
    followUps.remind(chatId, channel, reminder);
  }

  @Override
  public List<Reminder> reminders(String chatId) {
    return followUps.reminders(chatId);
  }

  @Override
  public boolean reminderAsked(String chatId, String subject) {
    return followUps.asked(chatId, subject);
  }

  @Override
  public boolean deleteReminder(String chatId, String subject) {
    return followUps.delete(chatId, subject);
  }

  @Override
  public void watch(String chatId, String channel, Watch watch, Collection<String> known) {
    followUps.watch(chatId, channel, watch, known);
  }

  @Override
  public List<Watch> watches(String chatId) {
    return followUps.watches(chatId);
  }

  @Override
  public boolean unwatch(String chatId, String platformId) {
    return followUps.unwatch(chatId, platformId);
  }

  @Override
  public boolean tell(String chatId, String platformId, String changeId) {
    return followUps.tell(chatId, platformId, changeId);
  }

  /**
   * The Telegram inbox and outbox in this store's database, for replicas that take over from one
   * another.
   */
  public Relay relay() {
    return new JdbcRelay(db, keys, clock);
  }

  /**
   * Reminders and changes as they fall due, for the channel that sends them; their messages go
   * through {@link #relay()}'s outbox.
   */
  public FollowUpQueue followUps() {
    return new JdbcFollowUpQueue(db, keys, addresses, clock, new java.security.SecureRandom());
  }

  @Override
  public void close() {
    db.close();
  }

  /** After an erasure: leaves the erased rows nowhere on disk, where the database needs it. */
  protected void flushErasure(String what) {}

  /** A chat row with nothing left in it goes, so that "nothing kept" means no row at all. */
  static void pruneIfEmpty(Connection c, String key) throws SQLException {
    update(
        c,
        """
        DELETE FROM chat WHERE chat_key = ? AND language IS NULL AND device IS NULL AND region IS NULL
          AND country IS NULL
          AND NOT EXISTS (SELECT 1 FROM context x WHERE x.chat_key = chat.chat_key)
          AND NOT EXISTS (SELECT 1 FROM checklist k WHERE k.chat_key = chat.chat_key)""",
        key);
  }

  /** Runs one parameterised statement; values are bound, never spliced into the SQL. */
  /** One statement with its values bound; how many rows it changed. */
  static int update(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        p.setObject(i + 1, values[i]);
      }
      return p.executeUpdate();
    }
  }

  private static Optional<String> text(ResultSet r, int column) throws SQLException {
    return Optional.ofNullable(r.getString(column));
  }
}
