package ch.optout.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClockOffsetTest {
  private static final Instant NOW = Instant.parse("2027-01-31T10:00:00Z");

  @ParameterizedTest
  @CsvSource({
    "P31D, 744",
    "p31d, 744",
    "P1M, 672", // 31 January + one month is 28 February
    "PT36H, 36",
    "P1DT2H, 26",
    "P0D, 0"
  })
  void clockOffset_isoPeriodOrDuration_movesNowForward(String setting, long hours) {
    Settings settings = Settings.from(Map.of("OPTOUT_CLOCK_OFFSET", setting));

    assertThat(settings.clockOffset(NOW)).isEqualTo(Duration.ofHours(hours));
  }

  @ParameterizedTest
  @ValueSource(strings = {"31", "a month", "-P1D", "P20Y"})
  void clockOffset_notAForwardPeriod_isAUsageProblem(String setting) {
    Settings settings = Settings.from(Map.of("OPTOUT_CLOCK_OFFSET", setting));

    assertThatThrownBy(() -> settings.clockOffset(NOW))
        .isInstanceOf(UsageProblem.class)
        .hasMessageContaining("OPTOUT_CLOCK_OFFSET");
  }

  @org.junit.jupiter.api.Test
  void clock_withAnOffset_isAheadOfTheSystemClock() {
    Instant before = Instant.now();

    Instant moved = Settings.from(Map.of("OPTOUT_CLOCK_OFFSET", "P31D")).clock().instant();

    assertThat(moved).isAfterOrEqualTo(before.plus(Duration.ofDays(31)));
    assertThat(Settings.from(Map.of()).clock().instant()).isBefore(before.plus(Duration.ofDays(1)));
  }
}
