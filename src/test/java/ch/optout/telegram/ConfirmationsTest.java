package ch.optout.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ConfirmationsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-20T10:00:00Z"));
  private final Confirmations confirmations = new Confirmations(clock, Duration.ofMinutes(2));

  @Test
  void confirmable_nothingReceived_isZero() {
    assertThat(confirmations.confirmable()).isZero();
  }

  @Test
  void confirmable_stopsBelowTheFirstUpdateStillOpen() {
    confirmations.received(10);
    confirmations.received(11);
    confirmations.received(12);

    confirmations.done(10);
    confirmations.done(12);

    assertThat(confirmations.confirmable()).isEqualTo(10);
    confirmations.done(11);
    assertThat(confirmations.confirmable()).isEqualTo(12);
  }

  @Test
  void handling_aReplyQueuedMeanwhile_keepsTheUpdateOpenUntilTheReplyIsDone() {
    confirmations.received(10);
    AtomicReference<Optional<Integer>> reply = new AtomicReference<>();

    confirmations.handling(10, () -> reply.set(confirmations.more()));

    assertThat(reply.get()).contains(10);
    assertThat(confirmations.confirmable()).isEqualTo(9);
    confirmations.done(10);
    assertThat(confirmations.confirmable()).isEqualTo(10);
  }

  @Test
  void more_outsideAnyHandling_belongsToNoUpdate() {
    confirmations.received(10);

    assertThat(confirmations.more()).isEmpty();
    confirmations.done(10);
    assertThat(confirmations.confirmable()).isEqualTo(10);
  }

  @Test
  void confirmableWhilePolling_anUpdateOpenPastTheHold_noLongerHoldsTheOthersBack() {
    confirmations.received(10);
    clock.advance(Duration.ofMinutes(1));
    confirmations.received(11);
    confirmations.received(12);
    confirmations.done(12);

    clock.advance(Duration.ofMinutes(1).plusSeconds(1));

    assertThat(confirmations.confirmableWhilePolling())
        .as("10 let go, 11 still held")
        .isEqualTo(10);
    assertThat(confirmations.confirmable())
        .as("a shutdown still confirms only what is done")
        .isEqualTo(9);
    clock.advance(Duration.ofMinutes(1));
    assertThat(confirmations.confirmableWhilePolling()).isEqualTo(12);
  }

  @Test
  void awaitBeyond_returnsOnceTheOldestOpenUpdateIsDone() throws Exception {
    confirmations.received(10);
    confirmations.received(11);
    Thread worker = new Thread(() -> confirmations.done(10));

    worker.start();

    assertThat(confirmations.awaitBeyond(9, Duration.ofSeconds(5))).isTrue();
    assertThat(confirmations.confirmable()).isEqualTo(10);
  }

  @Test
  void awaitBeyond_whenOnlyALaterUpdateIsDone_givesUpAfterTheTimeout() throws Exception {
    confirmations.received(10);
    confirmations.received(11);
    confirmations.done(11);

    assertThat(confirmations.awaitBeyond(9, Duration.ofMillis(20))).isFalse();
  }

  @Test
  void awaitBeyond_nothingOpen_returnsAtOnce() throws Exception {
    assertThat(confirmations.awaitBeyond(0, Duration.ofDays(1))).isTrue();
  }
}
