package ch.optout.store;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteFollowUpQueueTest extends FollowUpQueueContract {
  @TempDir Path dir;

  @Override
  JdbcChatStore open(MutableClock clock) {
    return new SqliteChatStore(dir, clock);
  }

  @Test
  void chatId_isSealedInItsRows_andGoneFromTheFileWithThem() throws Exception {
    String chatId = "tg:7319004455661122";
    store.remind(
        chatId,
        "telegram",
        new Reminder(
            "linkedin",
            Reminder.Kind.LETTER,
            "en",
            DAY0,
            DAY0.plusMonths(1),
            Reminder.State.WAITING));
    store.watch(chatId, "telegram", new Watch("meta", "en", T0), List.of());

    byte[] raw = "7319004455661122".getBytes(StandardCharsets.UTF_8);
    assertThat(RawDb.anyFileContains(dir, raw)).as("raw id at rest").isFalse();
    assertThat(store.followUps().dueReminders("telegram", DAY0.plusYears(10), 10))
        .extracting(FollowUpQueue.DueReminder::chatId)
        .containsExactly(chatId);
    try (RawDb db = new RawDb(dir)) {
      assertThat(db.count("SELECT COUNT(*) FROM reminder WHERE address LIKE '%7319%'")).isZero();
    }

    store.forget(chatId);

    try (RawDb db = new RawDb(dir)) {
      for (String table : List.of("reminder", "watch", "watch_change")) {
        assertThat(db.count("SELECT COUNT(*) FROM " + table)).as(table).isZero();
      }
    }
  }
}
