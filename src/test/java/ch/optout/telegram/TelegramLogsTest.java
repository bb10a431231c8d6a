package ch.optout.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.TestPipeline;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.BotSession;

/**
 * What the bot writes to its log, captured through the layout logback.xml configures, at DEBUG
 * everywhere.
 */
class TelegramLogsTest {
  private static final long CHAT = 987_654_321_012L;
  private static final String SECRET =
      FakeBotApi.TOKEN.substring(FakeBotApi.TOKEN.indexOf(':') + 1);

  @Test
  void logs_ofABusySessionWithFaults_neverContainTheTokenNorRawChatIds() throws Exception {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Logger ours = context.getLogger("ch.optout");
    @SuppressWarnings("unchecked")
    OutputStreamAppender<ILoggingEvent> stderr =
        (OutputStreamAppender<ILoggingEvent>) root.getAppender("STDERR");
    Layout<ILoggingEvent> layout =
        ((LayoutWrappingEncoder<ILoggingEvent>) stderr.getEncoder()).getLayout();
    assertThat(layout.getClass().getName())
        .as("the production logback.xml is in use")
        .isEqualTo("ch.optout.cli.RedactingLayout");
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    OutputStreamAppender<ILoggingEvent> capture = capture(context, layout, captured);
    Level rootLevel = root.getLevel();
    Level ourLevel = ours.getLevel();
    root.addAppender(capture);
    root.setLevel(Level.DEBUG);
    ours.setLevel(Level.DEBUG);
    try {
      busySession();
      // the library's loggers see the URL, which holds the token; a line like this one must not
      // leak it
      LoggerFactory.getLogger(BotSession.class)
          .error(
              "Error received from Telegram GetUpdates Request at {}",
              "http://127.0.0.1/bot" + FakeBotApi.TOKEN + "/getupdates",
              new java.io.IOException("bot" + FakeBotApi.TOKEN));
    } finally {
      root.setLevel(rootLevel);
      ours.setLevel(ourLevel);
      root.detachAppender(capture);
      capture.stop();
    }

    String logs = captured.toString(StandardCharsets.UTF_8);
    assertThat(logs)
        .contains(
            "Telegram bot @OptOutTestBot is polling",
            "Telegram asks to wait",
            "refused",
            "Getting updates",
            "BotToken[123456789:<redacted>]")
        .contains("/bot123456789:<redacted>/getupdates")
        .doesNotContain(SECRET, String.valueOf(CHAT));
  }

  /**
   * Questions, a 429, a refused message, failing polls, a button tap: most of what the bot logs.
   */
  private static void busySession() throws Exception {
    TestPipeline pipeline = TestPipeline.fixture();
    try (FakeBotApi api = new FakeBotApi();
        TelegramBot bot =
            TelegramBot.builder(
                    pipeline.assistant(),
                    pipeline.messages,
                    new BotToken(FakeBotApi.TOKEN),
                    api.telegramUrl())
                .limits(TelegramBotTest.FAST)
                .clock(Clock.systemUTC())
                .start()) {
      api.fail(
          "sendmessage",
          FakeBotApi.Fault.tooManyRequests(0),
          FakeBotApi.Fault.status(
              403,
              "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}"));
      api.push(Updates.privateText(CHAT, "en", "/start"));
      api.push(Updates.privateText(CHAT, "en", "How do I stop LinkedIn using my CV?"));
      api.awaitDelivered(CHAT, 1);
      api.fail("getupdates", FakeBotApi.Fault.serverError());
      api.push(Updates.callback("cb", CHAT, CHAT, "en", 1, "f|en|linkedin|0", null));
      api.await(c -> c.method().equals("answercallbackquery"), 1, Duration.ofSeconds(5));
      assertThat(bot.username()).isEqualTo(FakeBotApi.USERNAME);
    }
  }

  private static OutputStreamAppender<ILoggingEvent> capture(
      LoggerContext context, Layout<ILoggingEvent> layout, ByteArrayOutputStream out) {
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    encoder.start();
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setName("capture");
    appender.setEncoder(encoder);
    appender.setOutputStream(out);
    appender.start();
    return appender;
  }
}
