package ch.optout.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the store keeps about one chat, read back for the chat itself to see (/mydata). */
final class ExportRows {
  private ExportRows() {}

  /** Erases an expired context first, so that what is shown is exactly what is kept. */
  static ChatExport export(Connection c, String key, Instant now) throws SQLException {
    JdbcChatStore.update(
        c,
        "DELETE FROM context WHERE chat_key = ? AND set_at <= ?",
        key,
        now.minus(ChatState.CONTEXT_TTL).toEpochMilli());
    JdbcChatStore.pruneIfEmpty(c, key);
    return chatRow(c, key)
        .withRelay(JdbcRelay.rows(c, key))
        .withFollowUps(FollowUpRows.reminders(c, key), FollowUpRows.watches(c, key));
  }

  /** The chat's own row, its context and its checklist; empty when nothing is kept. */
  private static ChatExport chatRow(Connection c, String key) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            """
    SELECT c.language, c.device, c.region, c.updated_at, x.platform_id, x.intent, x.set_at,
      c.country, x.other_platform, x.card_id
    FROM chat c LEFT JOIN context x ON x.chat_key = c.chat_key WHERE c.chat_key = ?""")) {
      p.setString(1, key);
      try (ResultSet r = p.executeQuery()) {
        if (!r.next()) {
          return ChatExport.EMPTY;
        }
        Optional<ChatExport.Context> context = Optional.empty();
        if (r.getString(5) != null) {
          Instant setAt = Instant.ofEpochMilli(r.getLong(7));
          context =
              Optional.of(
                  new ChatExport.Context(
                      r.getString(5),
                      r.getString(6),
                      setAt,
                      setAt.plus(ChatState.CONTEXT_TTL),
                      text(r, 9),
                      text(r, 10)));
        }
        return new ChatExport(
            text(r, 1),
            text(r, 2),
            text(r, 3).flatMap(Region::fromCode),
            text(r, 8),
            context,
            checklist(c, key),
            Optional.of(Instant.ofEpochMilli(r.getLong(4))));
      }
    }
  }

  static List<ChecklistItem> checklist(Connection c, String key) throws SQLException {
    List<ChecklistItem> items = new ArrayList<>();
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT platform_id, status, day, letter_on FROM checklist WHERE chat_key = ?"
                + " ORDER BY platform_id")) {
      p.setString(1, key);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          items.add(
              new ChecklistItem(
                  r.getString(1),
                  ChecklistStatus.valueOf(r.getString(2)),
                  LocalDate.parse(r.getString(3)),
                  text(r, 4).map(LocalDate::parse)));
        }
      }
    }
    return items;
  }

  private static Optional<String> text(ResultSet r, int column) throws SQLException {
    return Optional.ofNullable(r.getString(column));
  }
}
