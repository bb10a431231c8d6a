package ch.optout.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.store.Threads;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

/** The sender's lanes against the fake Bot API, with the head of a lane held by a hanging call. */
class SenderTest {
  private static final long CHAT = 31L;

  private FakeBotApi api;
  private ScheduledThreadPoolExecutor scheduler;
  private Sender sender;

  @BeforeEach
  void start() throws Exception {
    api = new FakeBotApi();
    scheduler = new ScheduledThreadPoolExecutor(2, Threads.named("test-send"));
    start(Duration.ZERO);
  }

  /** A sender pacing one chat at {@code perChat}: the calls behind the first wait that long. */
  private void start(Duration perChat) {
    sender =
        new Sender(
            new OkHttpTelegramClient(FakeBotApi.TOKEN, api.telegramUrl()),
            scheduler,
            new Pacer(Clock.systemUTC(), perChat, Duration.ZERO),
            TelegramBotTest.FAST,
            Clock.systemUTC(),
            new ChatRef(new byte[16]));
  }

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
    api.close();
  }

  @Test
  void enqueue_aChatsLaneIsBounded_andMessagesPastTheBoundAreDropped() throws Exception {
    // the first message hangs until the rest are queued behind it
    api.fail("sendmessage", FakeBotApi.Fault.hang());
    for (int i = 0; i < 100; i++) {
      sender.enqueue(text("message " + i));
    }
    api.releaseHung();

    assertThat(sender.drain(Duration.ofSeconds(10))).isTrue();

    assertThat(api.delivered(CHAT)).hasSize(Sender.MAX_QUEUED_PER_CHAT);
    assertThat(sender.counts().failedTotal()).isEqualTo(100 - Sender.MAX_QUEUED_PER_CHAT);
  }

  @Test
  void enqueue_rewritesOfOneMessageWaiting_onlyTheLatestIsSent() throws Exception {
    start(Duration.ofMillis(300));
    sender.enqueue(text("first"));
    for (int i = 0; i < 10; i++) {
      sender.enqueue(new Outgoing.EditText(CHAT, 4242, "version " + i, false, Optional.empty()));
    }

    assertThat(sender.drain(Duration.ofSeconds(10))).isTrue();

    assertThat(api.calls("editmessagetext"))
        .singleElement()
        .satisfies(c -> assertThat(c.text()).isEqualTo("version 9"));
  }

  private static Outgoing.Text text(String text) {
    return new Outgoing.Text(
        CHAT, Optional.empty(), text, false, Optional.empty(), Optional.empty());
  }
}
