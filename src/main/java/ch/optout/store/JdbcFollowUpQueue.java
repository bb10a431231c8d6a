package ch.optout.store;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link FollowUpQueue} on the store's tables. A claim is a conditional write (a reminder moved
 * from waiting to asked, a watch_change row inserted): whoever makes it first queues the message,
 * in the same transaction, as a handled inbox row with a negative id and its outbox rows.
 */
final class JdbcFollowUpQueue implements FollowUpQueue {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcFollowUpQueue.class);

  private final Sql db;
  private final ChatKeys keys;
  private final Addresses addresses;
  private final Clock clock;
  private final SecureRandom random;

  JdbcFollowUpQueue(Sql db, ChatKeys keys, Addresses addresses, Clock clock, SecureRandom random) {
    this.db = db;
    this.keys = keys;
    this.addresses = addresses;
    this.clock = clock;
    this.random = random;
  }

  @Override
  public List<DueReminder> dueReminders(String channel, LocalDate dueBy, int limit) {
    List<String> unopened = new ArrayList<>();
    List<DueReminder> due =
        db.read(
            "due reminders",
            c -> {
              List<DueReminder> rows = new ArrayList<>();
              try (PreparedStatement p =
                  c.prepareStatement(
                      "SELECT chat_key, address, subject, kind, language, sent_on, due_on, state"
                          + " FROM reminder WHERE channel = ? AND state = 'WAITING' AND due_on <= ?"
                          + " ORDER BY due_on, chat_key, subject LIMIT ?")) {
                p.setString(1, channel);
                p.setString(2, dueBy.toString());
                p.setInt(3, limit);
                try (ResultSet r = p.executeQuery()) {
                  while (r.next()) {
                    String key = r.getString(1);
                    Optional<String> chat = addresses.open(r.getString(2), key);
                    if (chat.isPresent()) {
                      rows.add(new DueReminder(chat.get(), FollowUpRows.reminder(r, 3)));
                    } else {
                      unopened.add(key);
                    }
                  }
                }
              }
              return rows;
            });
    dropUnopened(unopened);
    return due;
  }

  @Override
  public List<Follower> followers(String channel, String platformId, String changeId, int limit) {
    List<String> unopened = new ArrayList<>();
    List<Follower> followers =
        db.read(
            "followers",
            c -> {
              List<Follower> rows = new ArrayList<>();
              try (PreparedStatement p =
                  c.prepareStatement(
                      "SELECT w.chat_key, w.address, w.language FROM watch w"
                          + " WHERE w.platform_id = ? AND w.channel = ? AND NOT EXISTS"
                          + " (SELECT 1 FROM watch_change s WHERE s.chat_key = w.chat_key"
                          + " AND s.platform_id = w.platform_id AND s.change_id = ?)"
                          + " ORDER BY w.chat_key LIMIT ?")) {
                p.setString(1, platformId);
                p.setString(2, channel);
                p.setString(3, changeId);
                p.setInt(4, limit);
                try (ResultSet r = p.executeQuery()) {
                  while (r.next()) {
                    Optional<String> chat = addresses.open(r.getString(2), r.getString(1));
                    if (chat.isPresent()) {
                      rows.add(new Follower(chat.get(), platformId, r.getString(3)));
                    } else {
                      unopened.add(r.getString(1));
                    }
                  }
                }
              }
              return rows;
            });
    dropUnopened(unopened);
    return followers;
  }

  @Override
  public List<Queued> queue(List<? extends Claim> claims) {
    if (claims.isEmpty()) {
      return List.of();
    }
    long now = clock.millis();
    return db.write(
        "queue follow-ups",
        c -> {
          List<Queued> won = new ArrayList<>();
          for (Claim claim : claims) {
            String key = keys.of(claim.chatId());
            if (claimed(c, claim, key, now)) {
              won.add(new Queued(claim, enqueue(c, key, claim.bodies(), now)));
            }
          }
          return won;
        });
  }

  private static boolean claimed(Connection c, Claim claim, String key, long now)
      throws SQLException {
    if (claim instanceof ReminderClaim r) {
      return JdbcChatStore.update(
              c,
              "UPDATE reminder SET state = 'ASKED' WHERE chat_key = ? AND subject = ?"
                  + " AND state = 'WAITING' AND due_on = ?",
              key,
              r.subject(),
              r.dueOn().toString())
          == 1;
    }
    AlertClaim a = (AlertClaim) claim;
    // only while the chat still follows the platform
    return JdbcChatStore.update(
            c,
            "INSERT INTO watch_change (chat_key, platform_id, change_id, told_at)"
                + " SELECT chat_key, platform_id, ?, ? FROM watch"
                + " WHERE chat_key = ? AND platform_id = ?"
                + " ON CONFLICT (chat_key, platform_id, change_id) DO NOTHING",
            a.changeId(),
            now,
            key,
            a.platformId())
        == 1;
  }

  /**
   * The messages as one update already handled, so that the relay sends them, counts their attempts
   * and purges them as it does replies; its id is negative, never one of Telegram's.
   */
  private long enqueue(Connection c, String key, List<String> bodies, long now)
      throws SQLException {
    long updateId;
    do {
      updateId = random.nextLong() | Long.MIN_VALUE;
    } while (JdbcChatStore.update(
            c,
            "INSERT INTO inbox (update_id, chat_key, payload, received_at, handled_at)"
                + " VALUES (?, ?, NULL, ?, ?) ON CONFLICT (update_id) DO NOTHING",
            updateId,
            key,
            now,
            now)
        == 0);
    for (int seq = 0; seq < bodies.size(); seq++) {
      JdbcChatStore.update(
          c,
          "INSERT INTO outbox (update_id, seq, chat_key, body) VALUES (?, ?, ?, ?)",
          updateId,
          seq,
          key,
          bodies.get(seq));
    }
    return updateId;
  }

  @Override
  public void unreachable(String chatId) {
    String key = keys.of(chatId);
    db.write("unreachable chat", c -> dropFollowUps(c, key));
  }

  /**
   * Rows whose address does not open were sealed under another secret (OPTOUT_SECRET_KEY changed):
   * nobody can be reached through them, so they go.
   */
  private void dropUnopened(List<String> chatKeys) {
    if (chatKeys.isEmpty()) {
      return;
    }
    LOG.warn(
        "{} reminders or watches were sealed under another chat-key secret: deleted",
        chatKeys.size());
    db.write(
        "drop unopened follow-ups",
        c -> {
          for (String key : chatKeys) {
            dropFollowUps(c, key);
          }
          return null;
        });
  }

  private static int dropFollowUps(Connection c, String key) throws SQLException {
    int n = JdbcChatStore.update(c, "DELETE FROM watch_change WHERE chat_key = ?", key);
    n += JdbcChatStore.update(c, "DELETE FROM watch WHERE chat_key = ?", key);
    n += JdbcChatStore.update(c, "DELETE FROM reminder WHERE chat_key = ?", key);
    return n;
  }
}
