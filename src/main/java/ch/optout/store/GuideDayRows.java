package ch.optout.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The anonymous daily figures per guide: answers given, and 👍 / 👎 received. */
final class GuideDayRows {
  private final Sql db;
  private final Clock clock;

  GuideDayRows(Sql db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Adds to today's figures of one guide, by the store's clock. */
  void count(String guideId, int answers, int helpful, int unhelpful) {
    Tokens.check(guideId, "guideId");
    db.write(
        "count",
        c ->
            JdbcChatStore.update(
                c,
                """
        INSERT INTO guide_day (guide_id, day, answers, helpful, unhelpful) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (guide_id, day) DO UPDATE SET answers = guide_day.answers + excluded.answers,
          helpful = guide_day.helpful + excluded.helpful, unhelpful = guide_day.unhelpful + excluded.unhelpful""",
                guideId,
                LocalDate.now(clock).toString(),
                answers,
                helpful,
                unhelpful));
  }

  /** The figures of every guide from {@code since} on, by day then guide. */
  List<GuideDay> since(LocalDate since) {
    return db.read(
        "guide days",
        c -> {
          List<GuideDay> days = new ArrayList<>();
          try (PreparedStatement p =
              c.prepareStatement(
                  """
          SELECT guide_id, day, answers, helpful, unhelpful FROM guide_day WHERE day >= ? ORDER BY day, guide_id""")) {
            p.setString(1, since.toString());
            try (ResultSet r = p.executeQuery()) {
              while (r.next()) {
                days.add(
                    new GuideDay(
                        r.getString(1),
                        LocalDate.parse(r.getString(2)),
                        r.getInt(3),
                        r.getInt(4),
                        r.getInt(5)));
              }
            }
          }
          return days;
        });
  }
}
