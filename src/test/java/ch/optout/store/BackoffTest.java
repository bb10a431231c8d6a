package ch.optout.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {
  private static final Backoff QUICK = Backoff.fixed(Duration.ofMillis(1));

  @ParameterizedTest
  @CsvSource({"1, 20", "2, 40", "3, 80", "5, 320", "11, 20480", "12, 20480", "40, 20480"})
  void delay_doubling_doublesUpToTheLongest(int attempt, long millis) {
    Backoff b = Backoff.doubling(Duration.ofMillis(20), Duration.ofMillis(20 << 10));
    assertThat(b.delay(attempt)).isEqualTo(Duration.ofMillis(millis));
  }

  @Test
  void delay_fixed_isTheSameEachTime() {
    Backoff b = Backoff.fixed(Duration.ofSeconds(1));
    assertThat(b.delay(1)).isEqualTo(b.delay(7)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void delay_withJitter_addsAtMostTheFraction() {
    Backoff b = Backoff.doubling(Duration.ofMillis(20), Duration.ofSeconds(20)).withJitter(0.5);
    for (int i = 0; i < 200; i++) {
      assertThat(b.delay(3).toMillis()).isBetween(80L, 120L);
    }
  }

  @Test
  void delay_zeroFirst_staysZero() {
    Backoff b = Backoff.doubling(Duration.ZERO, Duration.ofSeconds(1));
    assertThat(b.delay(Integer.MAX_VALUE)).isEqualTo(Duration.ZERO);
  }

  @Test
  void untilDone_failingCall_isTriedAgainUntilItReturns() {
    AtomicInteger calls = new AtomicInteger();
    Optional<String> result = QUICK.untilDone("test", failing(calls, 2), () -> true);
    assertThat(result).contains("done");
    assertThat(calls).hasValue(3);
  }

  @Test
  void untilDone_noLongerLive_givesUpEmpty() {
    AtomicInteger calls = new AtomicInteger();
    Optional<String> result =
        QUICK.untilDone("test", failing(calls, Integer.MAX_VALUE), () -> calls.get() < 2);
    assertThat(result).isEmpty();
    assertThat(calls).hasValue(2);
  }

  @Test
  void untilDone_interruptedWhileWaiting_givesUpEmptyAndKeepsTheInterrupt() {
    Backoff slow = Backoff.fixed(Duration.ofSeconds(10));
    Thread.currentThread().interrupt();
    try {
      Optional<String> result =
          slow.untilDone("test", failing(new AtomicInteger(), Integer.MAX_VALUE), () -> true);
      assertThat(result).isEmpty();
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  /** A call that fails {@code failures} times, then returns "done"; counted in {@code calls}. */
  private static Supplier<String> failing(AtomicInteger calls, int failures) {
    return () -> {
      if (calls.incrementAndGet() <= failures) {
        throw new IllegalStateException("down");
      }
      return "done";
    };
  }

  @Test
  void constructor_longestBelowFirst_isRefused() {
    assertThatThrownBy(() -> Backoff.doubling(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
