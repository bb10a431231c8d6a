package ch.optout.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The {@link Relay} in the store's tables; SQL both SQLite and PostgreSQL speak. */
final class JdbcRelay implements Relay {
  private final Sql db;
  private final ChatKeys keys;
  private final Clock clock;

  JdbcRelay(Sql db, ChatKeys keys, Clock clock) {
    this.db = db;
    this.keys = keys;
    this.clock = clock;
  }

  @Override
  public Set<Long> receive(List<Received> updates) {
    if (updates.isEmpty()) {
      return Set.of();
    }
    long now = clock.millis();
    return db.write(
        "inbox",
        c -> {
          Set<Long> fresh = new LinkedHashSet<>();
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO inbox (update_id, chat_key, payload, received_at) VALUES (?, ?, ?, ?)"
                      + " ON CONFLICT (update_id) DO NOTHING")) {
            for (Received u : updates) {
              p.setLong(1, u.updateId());
              p.setString(2, u.chatId().map(keys::of).orElse(null));
              p.setString(3, u.payload());
              p.setLong(4, now);
              if (p.executeUpdate() == 1) {
                fresh.add(u.updateId());
              }
            }
          }
          return fresh;
        });
  }

  @Override
  public List<Received> unhandled() {
    return db.read(
        "unhandled updates",
        c -> {
          List<Received> rows = new ArrayList<>();
          try (PreparedStatement p =
                  c.prepareStatement(
                      "SELECT update_id, payload FROM inbox WHERE handled_at IS NULL ORDER BY update_id");
              ResultSet r = p.executeQuery()) {
            while (r.next()) {
              // the chat is in the payload; its key alone is stored
              rows.add(new Received(r.getLong(1), Optional.empty(), r.getString(2)));
            }
          }
          return rows;
        });
  }

  @Override
  public long lastReceived() {
    return db.read(
        "last update",
        c -> {
          try (PreparedStatement p =
                  // follow-ups sit under negative ids: only Telegram's own count here
                  c.prepareStatement(
                      "SELECT COALESCE(MAX(update_id), 0) FROM inbox WHERE update_id > 0");
              ResultSet r = p.executeQuery()) {
            r.next();
            return r.getLong(1);
          }
        });
  }

  @Override
  public void handled(long updateId, List<String> replies) {
    long now = clock.millis();
    db.write(
        "handled",
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO outbox (update_id, seq, chat_key, body)"
                      + " SELECT update_id, ?, chat_key, ? FROM inbox WHERE update_id = ?"
                      + " ON CONFLICT (update_id, seq) DO NOTHING")) {
            for (int i = 0; i < replies.size(); i++) {
              p.setInt(1, i);
              p.setString(2, replies.get(i));
              p.setLong(3, updateId);
              p.addBatch();
            }
            if (!replies.isEmpty()) {
              p.executeBatch();
            }
          }
          JdbcChatStore.update(
              c,
              "UPDATE inbox SET handled_at = ?, payload = NULL WHERE update_id = ? AND handled_at IS NULL",
              now,
              updateId);
          dropIfForgotten(c, updateId);
          return null;
        });
  }

  @Override
  public List<Pending> unsent() {
    return db.read(
        "unsent replies",
        c -> {
          List<Pending> rows = new ArrayList<>();
          try (PreparedStatement p =
                  c.prepareStatement(
                      "SELECT update_id, seq, body, attempts FROM outbox WHERE sent_at IS NULL"
                          + " ORDER BY update_id, seq");
              ResultSet r = p.executeQuery()) {
            while (r.next()) {
              rows.add(new Pending(r.getLong(1), r.getInt(2), r.getString(3), r.getInt(4)));
            }
          }
          return rows;
        });
  }

  @Override
  public int attempt(long updateId, int seq, String replica) {
    return db.write(
        "send attempt",
        c -> {
          int changed =
              JdbcChatStore.update(
                  c,
                  "UPDATE outbox SET attempts = attempts + 1, attempted_by = ?"
                      + " WHERE update_id = ? AND seq = ? AND sent_at IS NULL",
                  replica,
                  updateId,
                  seq);
          if (changed == 0) {
            return 0;
          }
          try (PreparedStatement p =
              c.prepareStatement("SELECT attempts FROM outbox WHERE update_id = ? AND seq = ?")) {
            p.setLong(1, updateId);
            p.setInt(2, seq);
            try (ResultSet r = p.executeQuery()) {
              return r.next() ? r.getInt(1) : 0;
            }
          }
        });
  }

  @Override
  public void sent(long updateId, int seq, String outcome) {
    long now = clock.millis();
    db.write(
        "sent",
        c -> {
          JdbcChatStore.update(
              c,
              "UPDATE outbox SET sent_at = ?, outcome = ?, body = NULL"
                  + " WHERE update_id = ? AND seq = ? AND sent_at IS NULL",
              now,
              outcome,
              updateId,
              seq);
          dropIfForgotten(c, updateId);
          return null;
        });
  }

  @Override
  public int purge(Instant before) {
    long cutoff = before.toEpochMilli();
    return db.write(
        "purge relay",
        c -> {
          // an update goes with its replies, once all of them are sent
          String done =
              "SELECT update_id FROM inbox i WHERE handled_at < ? AND NOT EXISTS"
                  + " (SELECT 1 FROM outbox o WHERE o.update_id = i.update_id AND o.sent_at IS NULL)";
          int n =
              JdbcChatStore.update(
                  c, "DELETE FROM outbox WHERE update_id IN (" + done + ")", cutoff);
          n +=
              JdbcChatStore.update(
                  c, "DELETE FROM inbox WHERE update_id IN (" + done + ")", cutoff);
          return n;
        });
  }

  @Override
  public long backlog() {
    return db.read(
        "relay backlog",
        c -> {
          try (PreparedStatement p =
                  c.prepareStatement(
                      "SELECT (SELECT COUNT(*) FROM inbox WHERE handled_at IS NULL)"
                          + " + (SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL)");
              ResultSet r = p.executeQuery()) {
            r.next();
            return r.getLong(1);
          }
        });
  }

  /**
   * /forget: what is done with goes now, and reminders and alerts not sent yet (negative ids) too.
   * What is under way (the /forget update itself and its reply, at least) loses its key, so that
   * nothing links it to the chat any more, and goes as soon as it is done with ({@link
   * #dropIfForgotten}), not an hour later.
   */
  static int forget(Connection c, String key) throws SQLException {
    int n =
        JdbcChatStore.update(
            c,
            "DELETE FROM outbox WHERE chat_key = ? AND (sent_at IS NOT NULL OR update_id < 0)",
            key);
    n +=
        JdbcChatStore.update(
            c,
            "DELETE FROM inbox WHERE chat_key = ? AND handled_at IS NOT NULL AND NOT EXISTS"
                + " (SELECT 1 FROM outbox o WHERE o.update_id = inbox.update_id)",
            key);
    JdbcChatStore.update(c, "UPDATE outbox SET chat_key = NULL WHERE chat_key = ?", key);
    JdbcChatStore.update(c, "UPDATE inbox SET chat_key = NULL WHERE chat_key = ?", key);
    return n;
  }

  /**
   * Deletes an update and its replies once all are done with, when nothing links them to a chat: a
   * chat erased with /forget while they were under way (or an update that had no chat).
   */
  private static void dropIfForgotten(Connection c, long updateId) throws SQLException {
    String done =
        "SELECT update_id FROM inbox i WHERE update_id = ? AND chat_key IS NULL"
            + " AND handled_at IS NOT NULL AND NOT EXISTS"
            + " (SELECT 1 FROM outbox o WHERE o.update_id = i.update_id AND o.sent_at IS NULL)";
    JdbcChatStore.update(c, "DELETE FROM outbox WHERE update_id IN (" + done + ")", updateId);
    JdbcChatStore.update(c, "DELETE FROM inbox WHERE update_id IN (" + done + ")", updateId);
  }

  /** What the relay holds for a chat, for /mydata. */
  static ChatExport.RelayRows rows(Connection c, String key) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT (SELECT COUNT(*) FROM inbox WHERE chat_key = ?),"
                + " (SELECT COUNT(*) FROM inbox WHERE chat_key = ? AND handled_at IS NULL),"
                + " (SELECT COUNT(*) FROM outbox WHERE chat_key = ?),"
                + " (SELECT COUNT(*) FROM outbox WHERE chat_key = ? AND sent_at IS NULL)")) {
      for (int i = 1; i <= 4; i++) {
        p.setString(i, key);
      }
      try (ResultSet r = p.executeQuery()) {
        r.next();
        return new ChatExport.RelayRows(r.getInt(1), r.getInt(2), r.getInt(3), r.getInt(4));
      }
    }
  }
}
