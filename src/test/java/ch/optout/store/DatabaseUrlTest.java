package ch.optout.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {
  @Test
  void parse_aUrlWithItsUserAndPassword_givesTheJdbcUrlAndHidesThePassword() {
    DatabaseUrl url =
        DatabaseUrl.parse(
            "postgresql://optout:s%40cret@db.example:5433/optout?sslmode=require",
            Optional.empty(), Optional.empty());

    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5433/optout?sslmode=require");
    assertThat(url.user()).contains("optout");
    assertThat(url.password()).contains("s@cret");
    assertThat(url.describe()).isEqualTo("optout@db.example:5433/optout");
    assertThat(url.toString()).doesNotContain("cret");
  }

  @Test
  void parse_userAndPasswordBesideTheUrl_winOverTheUrls() {
    DatabaseUrl url =
        DatabaseUrl.parse("jdbc:postgresql://db/optout", Optional.of("bot"), Optional.of("pw"));

    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db/optout");
    assertThat(url.user()).contains("bot");
    assertThat(url.password()).contains("pw");
  }

  @Test
  void parse_somethingElse_saysWhatIsExpected() {
    assertThatThrownBy(
            () -> DatabaseUrl.parse("mysql://db/optout", Optional.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("OPTOUT_DATABASE_URL must start with postgresql://");
    assertThatThrownBy(
            () -> DatabaseUrl.parse("postgresql://db", Optional.empty(), Optional.empty()))
        .hasMessageContaining("needs a host and a database name");
  }
}
