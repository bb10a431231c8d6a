package ch.optout.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BotTokenTest {
  private static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

  @Test
  void parse_tokenAsBotFatherGivesIt_keepsItAndItsBotId() {
    BotToken token = BotToken.parse("  " + TOKEN + "\n").orElseThrow();

    assertThat(token.value()).isEqualTo(TOKEN);
    assertThat(token.botId()).isEqualTo(123456789L);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "token",
        "123456789",
        "123456789:",
        "123456789:short",
        "abc:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",
        "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALD saw",
        "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsa/w",
        "bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
      })
  void parse_anythingElse_isEmpty(String text) {
    assertThat(BotToken.parse(text)).isEmpty();
  }

  @Test
  void toString_neverShowsTheSecret() {
    BotToken token = new BotToken(TOKEN);

    assertThat(token.toString())
        .isEqualTo("BotToken[123456789:<redacted>]")
        .doesNotContain("AAHdq");
    assertThat(java.util.List.of(token).toString()).doesNotContain("AAHdq");
  }

  @Test
  void constructor_malformed_saysSoWithoutRepeatingIt() {
    assertThatThrownBy(() -> new BotToken("123:Zq9xWvShort")).hasMessageNotContaining("Zq9xWv");
  }
}
