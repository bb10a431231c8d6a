package ch.optout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactingLayoutTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "POST https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/getUpdates | POST https://api.telegram.org/bot123456789:<redacted>/getUpdates",
        "token=7001234567:AAE-_x9qTcvCH1vGWJxfSeofSAs0K5PALDsawXyz, retry | token=7001234567:<redacted>, retry",
        "at 10:30:00 chat c3f2a1 waited 1200:500 ms | at 10:30:00 chat c3f2a1 waited 1200:500 ms",
        "BotToken[123456789:<redacted>] | BotToken[123456789:<redacted>]",
        "GET /bot123456789%3AAAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/getMe | GET /bot123456789:<redacted>/getMe",
        "java.io.IOException: unexpected end of stream on https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/sendMessage | java.io.IOException: unexpected end of stream on https://api.telegram.org/bot123456789:<redacted>/sendMessage",
        "{\"token\":\"123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw\"} | {\"token\":\"123456789:<redacted>\"}"
      })
  void redact_masksTokensAndNothingElse(String line, String expected) {
    assertThat(RedactingLayout.redact(line)).isEqualTo(expected);
  }
}
