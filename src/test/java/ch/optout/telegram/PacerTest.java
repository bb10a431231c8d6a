package ch.optout.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PacerTest {
  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-01-10T10:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final ManualClock clock = new ManualClock();
  private final Pacer pacer = new Pacer(clock, Duration.ofSeconds(1), Duration.ofMillis(34));

  @Test
  void chatReadyAt_newChat_isNow() {
    assertThat(pacer.chatReadyAt(1)).isBeforeOrEqualTo(clock.now);
  }

  @Test
  void sent_nextMessageToThatChatWaitsASecond_otherChatsDoNot() {
    pacer.sent(1);

    assertThat(pacer.chatReadyAt(1)).isEqualTo(clock.now.plusSeconds(1));
    assertThat(pacer.chatReadyAt(2)).isBeforeOrEqualTo(clock.now);
    clock.advance(Duration.ofMillis(1000));
    assertThat(pacer.chatReadyAt(1)).isBeforeOrEqualTo(clock.now);
  }

  @Test
  void reserveGlobal_thirtyAtOnce_areSpreadOverASecond() {
    Instant start = clock.now;
    Instant last = null;
    for (int i = 0; i < 30; i++) {
      last = pacer.reserveGlobal();
    }
    assertThat(last).isEqualTo(start.plusMillis(29 * 34));
  }

  @Test
  void reserveGlobal_afterAQuietPeriod_isNowAgain() {
    pacer.reserveGlobal();
    pacer.reserveGlobal();
    clock.advance(Duration.ofSeconds(5));

    assertThat(pacer.reserveGlobal()).isEqualTo(clock.now);
  }
}
