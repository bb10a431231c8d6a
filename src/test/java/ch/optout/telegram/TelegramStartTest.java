package ch.optout.telegram;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.optout.TestPipeline;
import java.net.ServerSocket;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.TelegramUrl;

class TelegramStartTest {
  private static final TestPipeline PIPELINE = TestPipeline.fixture();
  private static final String OTHER_TOKEN = "123456789:AAHanotherTokenTheFakeDoesNotKnow_00000";

  @Test
  void start_tokenRefusedByTheApi_failsSayingSoWithoutTheToken() throws Exception {
    try (FakeBotApi api = new FakeBotApi()) {
      assertThatThrownBy(
              () ->
                  TelegramBot.builder(
                          PIPELINE.assistant(),
                          PIPELINE.messages,
                          new BotToken(OTHER_TOKEN),
                          api.telegramUrl())
                      .limits(TelegramBotTest.FAST)
                      .clock(Clock.systemUTC())
                      .start())
          .isInstanceOf(TelegramStartException.class)
          .hasMessageContaining("refused the token (401 Unauthorized)")
          .hasMessageContaining("TELEGRAM_BOT_TOKEN")
          .hasMessageNotContaining("AAHanother");
    }
  }

  @Test
  void start_nothingListening_failsNamingTheApi() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    TelegramUrl url = new TelegramUrl("http", "127.0.0.1", port, false);

    assertThatThrownBy(
            () ->
                TelegramBot.builder(
                        PIPELINE.assistant(),
                        PIPELINE.messages,
                        new BotToken(FakeBotApi.TOKEN),
                        url)
                    .limits(TelegramBotTest.FAST)
                    .clock(Clock.systemUTC())
                    .start())
        .isInstanceOf(TelegramStartException.class)
        .hasMessageStartingWith("cannot reach the Telegram Bot API at http://127.0.0.1:" + port)
        .hasMessageNotContaining("AAHfake");
  }
}
