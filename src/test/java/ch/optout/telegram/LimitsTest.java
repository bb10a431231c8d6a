package ch.optout.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LimitsTest {
  @Test
  void telegram_keepsToTheBotApiLimits() {
    assertThat(Limits.TELEGRAM.perChat()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(Duration.ofSeconds(1).dividedBy(Limits.TELEGRAM.global().toMillis()).toMillis())
        .isLessThanOrEqualTo(30);
  }

  @Test
  void retry_doublesFromTheBaseUpToTheCap() {
    assertThat(
            IntStream.rangeClosed(1, 9)
                .mapToObj(Limits.TELEGRAM.retry()::delay)
                .map(Duration::toMillis))
        .containsExactly(500L, 1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L, 30000L);
    assertThat(Limits.TELEGRAM.retry().delay(10_000)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void pollBackOff_growsToTheCapAndResetsOnSuccess() {
    PollBackOff backOff = new PollBackOff(Limits.TELEGRAM.pollBackOff());

    assertThat(IntStream.range(0, 8).mapToLong(i -> backOff.nextBackOffMillis()))
        .containsExactly(500L, 1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L);
    backOff.reset();
    assertThat(backOff.nextBackOffMillis()).isEqualTo(500);
  }

  @Test
  void constructor_maximumBelowMinimum_isRefused() {
    assertThatThrownBy(
            () ->
                new Limits(
                    Duration.ofSeconds(1),
                    Duration.ofMillis(34),
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(1),
                    3,
                    Duration.ofSeconds(30),
                    50,
                    Duration.ofMillis(500),
                    Duration.ofSeconds(30),
                    Duration.ofSeconds(10)))
        .hasMessageContaining("maximum is below its minimum");
  }
}
