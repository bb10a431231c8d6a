package ch.optout.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.SkippingClock;
import ch.optout.TestPipeline;
import ch.optout.store.InMemoryChatStore;
import ch.optout.store.Threads;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Faults the {@link TelegramBotTest} suite does not already script — a Bot API that never answers,
 * getUpdates cut or rate-limited — and the per-chat flood control, with the real library against
 * {@link FakeBotApi}.
 */
class TelegramFaultsTest {
  private static final TestPipeline PIPELINE = TestPipeline.fixture();
  private static final long ALICE = 7_001L;
  private static final long BOB = 7_002L;

  private FakeBotApi api;
  private TelegramBot bot;

  private void start(Limits limits) throws Exception {
    start(limits, Clock.systemUTC());
  }

  private void start(Limits limits, Clock clock) throws Exception {
    api = new FakeBotApi();
    bot =
        TelegramBot.builder(
                PIPELINE.assistant(new InMemoryChatStore(), clock),
                PIPELINE.messages,
                new BotToken(FakeBotApi.TOKEN),
                api.telegramUrl())
            .limits(limits)
            .clock(clock)
            .start();
  }

  @AfterEach
  void stop() {
    if (bot != null) {
      bot.close();
    }
    if (api != null) {
      api.close();
      assertThat(api.violations()).isEmpty();
    }
  }

  @Test
  void sendThatNeverGetsAnAnswer_timesOutAndIsRetriedUntilDelivered() throws Exception {
    Limits shortTimeout =
        new Limits(
            Duration.ofMillis(30),
            Duration.ofMillis(2),
            Duration.ofMillis(20),
            Duration.ofMillis(200),
            5,
            Duration.ofMillis(400),
            1,
            Duration.ofMillis(20),
            Duration.ofMillis(200),
            Duration.ofSeconds(5));
    start(shortTimeout);
    api.fail("sendmessage", FakeBotApi.Fault.hang());
    long pushed = System.nanoTime();
    api.push(Updates.privateText(ALICE, "en", "/about"));

    FakeBotApi.Call delivered = api.awaitDelivered(ALICE, 1).get(0);

    assertThat(delivered.text()).startsWith("<b>About OptOut test</b>");
    assertThat(api.calls("sendmessage")).hasSize(2);
    assertThat(Duration.ofNanos(delivered.atNanos() - pushed))
        .as("given up after the 400 ms timeout, not at the end of the hang")
        .isLessThan(Duration.ofMillis(2500));
  }

  @Test
  void getUpdatesDroppedAndRateLimited_pollingRecoversAndAnswers() throws Exception {
    start(TelegramBotTest.FAST);
    api.await(c -> c.method().equals("getupdates"), 1, Duration.ofSeconds(5));
    api.fail(
        "getupdates",
        FakeBotApi.Fault.dropConnection(),
        FakeBotApi.Fault.tooManyRequests(0),
        FakeBotApi.Fault.dropConnection());
    // the three faults met, in that order
    api.await(c -> c.method().equals("getupdates") && c.status() == 0, 2, Duration.ofSeconds(5));
    api.push(Updates.privateText(ALICE, "en", "/help"));

    assertThat(api.awaitDelivered(ALICE, 1).get(0).text()).startsWith("<b>What I can do</b>");
    assertThat(api.calls("getupdates").stream().map(FakeBotApi.Call::status)).contains(0, 429);
  }

  @Test
  void rateLimitedButtonAnswer_isRetriedSoTheSpinnerStops() throws Exception {
    start(TelegramBotTest.FAST);
    api.fail(
        "answercallbackquery", FakeBotApi.Fault.tooManyRequests(0), FakeBotApi.Fault.serverError());
    api.push(Updates.callback("cb-1", ALICE, ALICE, "en", 1, "p|en", null));

    List<FakeBotApi.Call> answers =
        api.await(
            c -> c.method().equals("answercallbackquery") && c.ok(), 1, Duration.ofSeconds(5));

    assertThat(answers.get(0).body().path("callback_query_id").asText()).isEqualTo("cb-1");
    assertThat(api.calls("answercallbackquery")).hasSize(3);
  }

  @Test
  void floodFromOneChat_answersTheLimitSaysSlowDownOnceDropsTheRestAndServesOthers()
      throws Exception {
    start(TelegramBotTest.FAST.withFlood(3, Duration.ofSeconds(2)));
    api.push(Updates.privateText(ALICE, "fr", "/lang fr"));
    for (int i = 0; i < 9; i++) {
      api.push(Updates.privateText(ALICE, "fr", "/about"));
    }
    int last = api.push(Updates.privateText(BOB, "en", "/about"));

    List<FakeBotApi.Call> alice = api.awaitDelivered(ALICE, 4);
    api.awaitDelivered(BOB, 1);
    // an update is confirmed only once its replies have left: past the last one, none is queued
    api.await(
        c -> c.method().equals("getupdates") && c.body().path("offset").asInt() > last,
        1,
        Duration.ofSeconds(5));

    assertThat(api.delivered(ALICE)).hasSize(4);
    assertThat(alice.get(3).text())
        .startsWith("Vous envoyez des messages plus vite que je ne peux répondre.");
    assertThat(api.delivered(BOB)).hasSize(1);
  }

  @Test
  void floodedChat_isAnsweredAgainOnceTheWindowHasPassed() throws Exception {
    SkippingClock clock = new SkippingClock();
    start(TelegramBotTest.FAST.withFlood(2, Duration.ofMinutes(1)), clock);
    for (int i = 0; i < 5; i++) {
      api.push(Updates.privateText(ALICE, "en", "/about"));
    }
    api.awaitDelivered(ALICE, 3);
    clock.skip(Duration.ofMinutes(1).plusSeconds(1));

    api.push(Updates.privateText(ALICE, "en", "/help"));

    List<FakeBotApi.Call> alice = api.awaitDelivered(ALICE, 4);
    assertThat(alice.get(2).text())
        .startsWith("You are sending messages faster than I can answer.");
    assertThat(alice.get(3).text()).startsWith("<b>What I can do</b>");
  }

  @Test
  void editsOfOneMessage_areFloodControlledLikeNewMessages() throws Exception {
    start(TelegramBotTest.FAST.withFlood(3, Duration.ofSeconds(10)));
    com.fasterxml.jackson.databind.node.ObjectNode first =
        Updates.text(ALICE, "private", ALICE, "en", "/help", 900);
    api.push(first);
    for (int i = 0; i < 20; i++) {
      api.push(Updates.edited(first, i % 2 == 0 ? "/about" : "/help"));
    }
    api.awaitDelivered(ALICE, 4);

    // closing sends everything queued: nothing more can arrive after it
    bot.close();
    bot = null;

    List<FakeBotApi.Call> alice = api.delivered(ALICE);
    assertThat(alice).hasSize(4);
    assertThat(alice.get(3).text())
        .startsWith("You are sending messages faster than I can answer.");
  }

  @Test
  void repliesStillQueuedAtShutdown_areNotConfirmed_soTheNextStartAnswersThem() throws Exception {
    Limits shortDrain =
        new Limits(
            Duration.ofMillis(30),
            Duration.ofMillis(2),
            Duration.ofMillis(20),
            Duration.ofMillis(200),
            5,
            Duration.ofSeconds(2),
            1,
            Duration.ofMillis(20),
            Duration.ofMillis(200),
            Duration.ofMillis(200));
    start(shortDrain);
    api.sendLatency(Duration.ofMillis(400));
    int about = api.push(Updates.privateText(ALICE, "en", "/about"));
    int help = api.push(Updates.privateText(ALICE, "en", "/help"));
    api.push(Updates.privateText(ALICE, "en", "/platforms"));
    api.awaitDelivered(ALICE, 1);

    // the next two replies are still queued: 400 ms each, 200 ms to drain
    bot.close();
    bot = null;

    assertThat(api.confirmedBelow()).isGreaterThan(about).isLessThanOrEqualTo(help);

    api.sendLatency(Duration.ZERO);
    bot =
        TelegramBot.builder(
                PIPELINE.assistant(new InMemoryChatStore(), Clock.systemUTC()),
                PIPELINE.messages,
                new BotToken(FakeBotApi.TOKEN),
                api.telegramUrl())
            .limits(TelegramBotTest.FAST)
            .clock(Clock.systemUTC())
            .start();

    // /platforms, never sent before the shutdown, is answered after the restart
    api.await(
        c ->
            c.method().equals("sendmessage")
                && c.ok()
                && c.chatId() == ALICE
                && !c.text().startsWith("<b>About OptOut test</b>")
                && !c.text().startsWith("<b>What I can do</b>"),
        1,
        Duration.ofSeconds(8));
    // the /help reply under way at shutdown may have arrived too: twice is better than never
    assertThat(api.delivered(ALICE).stream().map(FakeBotApi.Call::text))
        .anyMatch(t -> t.startsWith("<b>What I can do</b>"));
  }

  @Test
  void tokenRevokedWhileRunning_endsPollingSoTheReplicaIsNoLongerReady() throws Exception {
    start(TelegramBotTest.FAST);
    api.await(c -> c.method().equals("getupdates"), 1, Duration.ofSeconds(5));
    for (int i = 0; i < 5; i++) {
      api.fail(
          "getupdates",
          FakeBotApi.Fault.status(
              401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}"));
    }

    String why = bot.failure().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);

    assertThat(why).contains("401");
    assertThat(bot.polling()).as("what /readyz reports").isFalse();
  }

  @Test
  void hangingLanguageModel_neverDelaysHelp() throws Exception {
    try (ch.optout.FakeLlmServer model = ch.optout.FakeLlmServer.openAi().hangs()) {
      java.util.concurrent.ExecutorService calls =
          ch.optout.answer.LlmComposer.callPool(4, Threads.named("test-llm"));
      Duration timeout = Duration.ofSeconds(3);
      ch.optout.answer.LlmComposer llm =
          new ch.optout.answer.LlmComposer(
              PIPELINE.composer,
              new ch.optout.answer.LlmSettings(
                      ch.optout.answer.LlmSettings.Provider.OPENAI,
                      "test-model",
                      timeout,
                      java.util.Optional.of("test-key"),
                      java.util.Optional.of(java.net.URI.create(model.baseUrl())))
                  .chatModel()
                  .orElseThrow(),
              new ch.optout.search.LanguageDetector(),
              PIPELINE.messages,
              calls,
              timeout);
      api = new FakeBotApi();
      bot =
          TelegramBot.builder(
                  new ch.optout.chat.Assistant(
                      PIPELINE.understander,
                      PIPELINE.search,
                      llm,
                      PIPELINE.composer,
                      PIPELINE.messages,
                      new InMemoryChatStore(),
                      Clock.systemUTC(),
                      "test"),
                  PIPELINE.messages,
                  new BotToken(FakeBotApi.TOKEN),
                  api.telegramUrl())
              .limits(TelegramBotTest.FAST)
              .clock(Clock.systemUTC())
              .start();
      for (int chat = 1; chat <= 8; chat++) {
        api.push(Updates.privateText(9_100L + chat, "en", "How do I stop LinkedIn using my CV?"));
      }
      model.awaitRequests(2);
      long asked = System.nanoTime();
      api.push(Updates.privateText(BOB, "en", "/help"));

      FakeBotApi.Call help = api.awaitDelivered(BOB, 1).get(0);

      assertThat(help.text()).startsWith("<b>What I can do</b>");
      assertThat(Duration.ofNanos(help.atNanos() - asked))
          .as("/help does not wait for the model")
          .isLessThan(Duration.ofSeconds(2));
      assertThat(api.calls("sendmessage").stream().filter(c -> c.chatId() > 9_100L))
          .as("no question answered yet: they wait for the model")
          .isEmpty();
      bot.close();
      bot = null;
      calls.shutdownNow();
    }
  }
}
