package ch.optout.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PacerTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T10:00:00Z"));
  private final Pacer pacer = new Pacer(clock, Duration.ofSeconds(1), Duration.ofMillis(34));

  @Test
  void chatReadyAt_newChat_isNow() {
    assertThat(pacer.chatReadyAt(1)).isBeforeOrEqualTo(clock.instant());
  }

  @Test
  void sent_nextMessageToThatChatWaitsASecond_otherChatsDoNot() {
    pacer.sent(1);

    assertThat(pacer.chatReadyAt(1)).isEqualTo(clock.instant().plusSeconds(1));
    assertThat(pacer.chatReadyAt(2)).isBeforeOrEqualTo(clock.instant());
    clock.advance(Duration.ofMillis(1000));
    assertThat(pacer.chatReadyAt(1)).isBeforeOrEqualTo(clock.instant());
  }

  @Test
  void reserveGlobal_thirtyAtOnce_areSpreadOverASecond() {
    Instant start = clock.instant();
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

    assertThat(pacer.reserveGlobal()).isEqualTo(clock.instant());
  }

  @Test
  void idle_onlyWhenNoGlobalSlotIsTakenAheadOfNow() {
    assertThat(pacer.idle()).isTrue();
    pacer.reserveGlobal();
    assertThat(pacer.idle()).isFalse();
    pacer.reserveGlobal();
    clock.advance(Duration.ofMillis(34));
    assertThat(pacer.idle()).as("the second slot is still ahead").isFalse();
    clock.advance(Duration.ofMillis(34));
    assertThat(pacer.idle()).isTrue();
  }
}
