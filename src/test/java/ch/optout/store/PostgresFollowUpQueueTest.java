package ch.optout.store;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.MutableClock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The queue on a real PostgreSQL server, where replicas really do claim at the same time. */
class PostgresFollowUpQueueTest extends FollowUpQueueContract {
  static final String SECRET = "a-test-secret-of-at-least-thirty-two-characters";

  private boolean reset = true;

  @Override
  JdbcChatStore open(MutableClock clock) {
    if (reset) {
      TestPostgres.reset();
      reset = false;
    }
    return new PostgresChatStore(TestPostgres.url(), Optional.of(SECRET), clock);
  }

  @Test
  void rowsSealedUnderAnotherSecret_cannotBeOpened_andAreDeleted() {
    store.remind(
        "tg:1",
        "telegram",
        new Reminder("linkedin", Reminder.Kind.LETTER, "en", DAY0, DAY0, Reminder.State.WAITING));
    try (PostgresChatStore other =
        new PostgresChatStore(
            TestPostgres.url(),
            Optional.of("another-secret-of-at-least-thirty-two-characters"),
            clock)) {
      assertThat(other.followUps().dueReminders("telegram", DAY0.plusYears(10), 10)).isEmpty();
    }

    assertThat(TestPostgres.count("SELECT COUNT(*) FROM reminder")).isZero();
    assertThat(store.followUps().dueReminders("telegram", DAY0.plusYears(10), 10)).isEmpty();
  }
}
