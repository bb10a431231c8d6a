package ch.optout.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.telegram.telegrambots.meta.TelegramUrl;

class ApiUrlTest {
  @ParameterizedTest
  @CsvSource({
    "https://api.telegram.org,     https, api.telegram.org, 443",
    "https://api.telegram.org/,    https, api.telegram.org, 443",
    "http://127.0.0.1:8081,        http,  127.0.0.1,        8081",
    "HTTP://localhost,             http,  localhost,        80",
    "https://[::1]:9443,           https, ::1,              9443"
  })
  void parse_baseUrl_becomesSchemeHostAndPort(String text, String scheme, String host, int port) {
    TelegramUrl url = ApiUrl.parse(text);

    assertThat(url.getSchema()).isEqualTo(scheme);
    assertThat(url.getHost()).isEqualTo(host);
    assertThat(url.getPort()).isEqualTo(port);
    assertThat(url.isTestServer()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "api.telegram.org",
        "ftp://api.telegram.org",
        "https://",
        "https://api.telegram.org/bot123:AAHsecretsecretsecretsecretsecret1",
        "https://api.telegram.org?x=1",
        "https://user:pw@api.telegram.org",
        "https://exa mple.org"
      })
  void parse_notABaseUrl_isRefusedWithoutEchoingIt(String text) {
    assertThatThrownBy(() -> ApiUrl.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("must")
        .hasMessageNotContaining("secret")
        .hasMessageNotContaining("pw");
  }
}
