package ch.optout.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A chat's reminders and watches in the {@code reminder}, {@code watch} and {@code watch_change}
 * tables, for {@link JdbcChatStore}: each row holds the chat's key, the company or platform, days,
 * the state, the language to write in and the chat id sealed ({@link Addresses}).
 */
final class FollowUpRows {
  private final Sql db;
  private final ChatKeys keys;
  private final Addresses addresses;
  private final Clock clock;

  FollowUpRows(Sql db, ChatKeys keys, Addresses addresses, Clock clock) {
    this.db = db;
    this.keys = keys;
    this.addresses = addresses;
    this.clock = clock;
  }

  void remind(String chatId, String channel, Reminder r) {
    Tokens.check(channel, "channel");
    String key = keys.of(chatId);
    String address = addresses.seal(chatId, key);
    db.write(
        "set reminder",
        c ->
            JdbcChatStore.update(
                c,
                """
        INSERT INTO reminder (chat_key, subject, kind, language, channel, address, sent_on, due_on,
          state, set_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (chat_key, subject) DO UPDATE SET kind = excluded.kind,
          language = excluded.language, channel = excluded.channel, address = excluded.address,
          sent_on = excluded.sent_on, due_on = excluded.due_on, state = excluded.state,
          set_at = excluded.set_at""",
                key,
                r.subject(),
                r.kind().name(),
                r.language(),
                channel,
                address,
                r.sentOn().toString(),
                r.dueOn().toString(),
                r.state().name(),
                clock.millis()));
  }

  List<Reminder> reminders(String chatId) {
    String key = keys.of(chatId);
    return db.read("reminders", c -> reminders(c, key));
  }

  static List<Reminder> reminders(Connection c, String key) throws SQLException {
    List<Reminder> out = new ArrayList<>();
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT subject, kind, language, sent_on, due_on, state FROM reminder"
                + " WHERE chat_key = ? ORDER BY subject")) {
      p.setString(1, key);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(reminder(r, 1));
        }
      }
    }
    return out;
  }

  /**
   * A reminder from six columns starting at {@code first}: subject, kind, language, days, state.
   */
  static Reminder reminder(ResultSet r, int first) throws SQLException {
    return new Reminder(
        r.getString(first),
        Reminder.Kind.valueOf(r.getString(first + 1)),
        r.getString(first + 2),
        LocalDate.parse(r.getString(first + 3)),
        LocalDate.parse(r.getString(first + 4)),
        Reminder.State.valueOf(r.getString(first + 5)));
  }

  boolean asked(String chatId, String subject) {
    String key = keys.of(chatId);
    return db.write(
            "reminder asked",
            c ->
                JdbcChatStore.update(
                    c,
                    "UPDATE reminder SET state = 'ASKED' WHERE chat_key = ? AND subject = ?"
                        + " AND state = 'WAITING'",
                    key,
                    subject))
        > 0;
  }

  boolean delete(String chatId, String subject) {
    String key = keys.of(chatId);
    return db.write(
            "delete reminder",
            c ->
                JdbcChatStore.update(
                    c, "DELETE FROM reminder WHERE chat_key = ? AND subject = ?", key, subject))
        > 0;
  }

  void watch(String chatId, String channel, Watch w, Collection<String> known) {
    Tokens.check(channel, "channel");
    known.forEach(id -> Tokens.check(id, "changeId"));
    String key = keys.of(chatId);
    String address = addresses.seal(chatId, key);
    db.write(
        "watch",
        c -> {
          JdbcChatStore.update(
              c,
              """
          INSERT INTO watch (chat_key, platform_id, language, channel, address, since)
          VALUES (?, ?, ?, ?, ?, ?)
          ON CONFLICT (chat_key, platform_id) DO UPDATE SET language = excluded.language,
            channel = excluded.channel, address = excluded.address, since = excluded.since""",
              key,
              w.platformId(),
              w.language(),
              channel,
              address,
              w.since().toEpochMilli());
          // what the knowledge holds now is not news to this chat
          for (String change : known) {
            JdbcChatStore.update(
                c,
                "INSERT INTO watch_change (chat_key, platform_id, change_id, told_at)"
                    + " VALUES (?, ?, ?, NULL)"
                    + " ON CONFLICT (chat_key, platform_id, change_id) DO NOTHING",
                key,
                w.platformId(),
                change);
          }
          return null;
        });
  }

  List<Watch> watches(String chatId) {
    String key = keys.of(chatId);
    return db.read("watches", c -> watches(c, key));
  }

  static List<Watch> watches(Connection c, String key) throws SQLException {
    List<Watch> out = new ArrayList<>();
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT platform_id, language, since FROM watch WHERE chat_key = ? ORDER BY platform_id")) {
      p.setString(1, key);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(new Watch(r.getString(1), r.getString(2), Instant.ofEpochMilli(r.getLong(3))));
        }
      }
    }
    return out;
  }

  boolean unwatch(String chatId, String platformId) {
    String key = keys.of(chatId);
    return db.write("unwatch", c -> unwatch(c, key, platformId)) > 0;
  }

  boolean tell(String chatId, String platformId, String changeId) {
    Tokens.check(changeId, "changeId");
    String key = keys.of(chatId);
    return db.write(
            "tell a change",
            c ->
                JdbcChatStore.update(
                    c,
                    "INSERT INTO watch_change (chat_key, platform_id, change_id, told_at)"
                        + " SELECT chat_key, platform_id, ?, ? FROM watch"
                        + " WHERE chat_key = ? AND platform_id = ?"
                        + " ON CONFLICT (chat_key, platform_id, change_id) DO NOTHING",
                    changeId,
                    clock.millis(),
                    key,
                    platformId))
        == 1;
  }

  private static int unwatch(Connection c, String key, String platformId) throws SQLException {
    JdbcChatStore.update(
        c, "DELETE FROM watch_change WHERE chat_key = ? AND platform_id = ?", key, platformId);
    return JdbcChatStore.update(
        c, "DELETE FROM watch WHERE chat_key = ? AND platform_id = ?", key, platformId);
  }

  /** Reminders and watches set more than 13 months ago, and what is left of stopped watches. */
  static int purge(Connection c, Instant now) throws SQLException {
    long cutoff = ChatStore.followUpCutoff(now).toEpochMilli();
    int n = JdbcChatStore.update(c, "DELETE FROM reminder WHERE set_at < ?", cutoff);
    n += JdbcChatStore.update(c, "DELETE FROM watch WHERE since < ?", cutoff);
    n +=
        JdbcChatStore.update(
            c,
            "DELETE FROM watch_change WHERE NOT EXISTS (SELECT 1 FROM watch w"
                + " WHERE w.chat_key = watch_change.chat_key"
                + " AND w.platform_id = watch_change.platform_id)");
    return n;
  }
}
