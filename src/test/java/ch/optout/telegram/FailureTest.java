package ch.optout.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

class FailureTest {
  /** The exception the library raises for this body, as it would for a real answer. */
  private static TelegramApiRequestException answer(String body) {
    try {
      SendMessage.builder().chatId(1L).text("x").build().deserializeResponse(body);
    } catch (TelegramApiRequestException e) {
      return e;
    }
    throw new AssertionError("the library accepted " + body);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 7\",\"parameters\":{\"retry_after\":7}} | RATE_LIMITED | 7",
        "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests\"}                                            | RATE_LIMITED | 1",
        "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: can't parse entities: Unsupported start tag\"}     | BAD_HTML     | 0",
        "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: message is not modified: same content\"}          | NOT_MODIFIED | 0",
        "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}                                 | PERMANENT    | 0",
        "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}                      | PERMANENT    | 0",
        "{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error\"}                                       | TRANSIENT    | 0",
        "{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}                                                | TRANSIENT    | 0",
        "<html><body>502 Bad Gateway</body></html>                                                                     | TRANSIENT    | 0",
        "{\"ok\":tru                                                                                                   | TRANSIENT    | 0"
      })
  void of_botApiAnswers_areClassified(String body, Failure.Kind kind, long retryAfterSeconds) {
    Failure f = Failure.of(answer(body.strip()));

    assertThat(f.kind()).isEqualTo(kind);
    assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(retryAfterSeconds));
  }

  @Test
  void blocked_only403() {
    assertThat(
            Failure.of(
                    answer(
                        "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was"
                            + " blocked by the user\"}"))
                .blocked())
        .isTrue();
    assertThat(
            Failure.of(
                    answer(
                        "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not"
                            + " found\"}"))
                .blocked())
        .isFalse();
  }

  @Test
  void of_noAnswerAtAll_isTransient() {
    assertThat(
            Failure.of(
                    new TelegramApiException(
                        "Unable to execute sendmessage method",
                        new SocketTimeoutException("timeout")))
                .kind())
        .isEqualTo(Failure.Kind.TRANSIENT);
    assertThat(
            Failure.of(
                    new TelegramApiException(
                        "Unable to execute sendmessage method",
                        new IOException("unexpected end of stream")))
                .description())
        .isEqualTo("Unable to execute sendmessage method: unexpected end of stream");
  }

  @Test
  void of_refusedByTheLibraryBeforeSending_isPermanent() {
    assertThat(
            Failure.of(
                    new TelegramApiValidationException(
                        "Text parameter can't be empty",
                        SendMessage.builder().chatId(1L).text("x").build()))
                .kind())
        .isEqualTo(Failure.Kind.PERMANENT);
  }
}
