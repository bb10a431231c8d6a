package ch.optout.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.MutableClock;
import ch.optout.answer.Messages;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PollWatchTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
  private final PollWatch watch = new PollWatch(clock, Duration.ofSeconds(60), new Messages());

  @Test
  void seen_threeRefusalsInARow_stopTheBot() {
    watch.seen(401);
    watch.seen(401);
    assertThat(watch.fatal()).isNotDone();

    watch.seen(401);

    assertThat(watch.fatal()).isCompleted();
    assertThat(watch.fatal().join()).contains("TELEGRAM_BOT_TOKEN");
  }

  @Test
  void seen_refusalsBrokenByASuccess_areForgiven() {
    watch.seen(401);
    watch.seen(401);
    watch.seen(200);
    watch.seen(404);
    watch.seen(502);

    assertThat(watch.fatal()).isNotDone();
  }

  @Test
  void seen_conflictsForAMinute_stopTheBot_butAFewDuringATakeoverDoNot() {
    watch.seen(409);
    clock.advance(Duration.ofSeconds(2));
    watch.seen(409);
    watch.seen(200);
    clock.advance(Duration.ofSeconds(30));
    watch.seen(409);
    clock.advance(Duration.ofSeconds(59));
    watch.seen(409);
    assertThat(watch.fatal()).isNotDone();

    clock.advance(Duration.ofSeconds(1));
    watch.seen(409);

    assertThat(watch.fatal().join()).contains("409 Conflict").contains("for 60 s");
  }
}
