package ch.optout.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.TestPipeline;
import ch.optout.store.InMemoryChatStore;
import ch.optout.store.Watch;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The assistant's choices as buttons, tapped on {@link FakeBotApi}: each is carried out by the
 * assistant, and what older versions wrote on buttons still in chats is read the same way.
 */
class ChoiceButtonsTest {
  private static final TestPipeline PIPELINE = TestPipeline.fixture();
  private static final long ALICE = 9_876_101L;

  private FakeBotApi api;
  private InMemoryChatStore store;
  private TelegramBot bot;
  private int taps;

  @BeforeEach
  void start() throws Exception {
    api = new FakeBotApi();
    store = new InMemoryChatStore();
    bot =
        TelegramBot.builder(
                PIPELINE.assistant(store, Clock.systemUTC()),
                PIPELINE.messages,
                new BotToken(FakeBotApi.TOKEN),
                api.telegramUrl())
            .limits(TelegramBotTest.FAST)
            .clock(Clock.systemUTC())
            .start();
  }

  @AfterEach
  void stop() {
    bot.close();
    api.close();
    assertThat(api.violations()).isEmpty();
  }

  @Test
  void followButton_underAGuide_followsThePlatform() throws Exception {
    FakeBotApi.Call guide = ask("How do I stop LinkedIn using my CV to train AI?");
    assertThat(callbackData(guide)).contains("c|en|/watch linkedin");

    FakeBotApi.Call reply = tapAndAwaitReply(guide, "c|en|/watch linkedin");

    assertThat(reply.text()).contains("LinkedIn");
    assertThat(store.watches(ChatRef.assistantKey(ALICE)))
        .extracting(Watch::platformId)
        .containsExactly("linkedin");
    assertThat(callbackData(reply)).doesNotContain("c|en|/watch linkedin");
  }

  @Test
  void pickedPlatforms_startTheChecklist_andItsDoneButtonMarksTheItemItWasShownUnder()
      throws Exception {
    FakeBotApi.Call list = ask("help me opt out everywhere");
    tap("tick-1", list, "t|en|1");
    FakeBotApi.Call ticked =
        api.await(c -> c.method().equals("editmessagereplymarkup"), 1, Duration.ofSeconds(5))
            .get(0);

    // "start" with LinkedIn ticked, on the list as Telegram now keeps it
    int before = api.delivered(ALICE).size();
    api.push(
        Updates.callback(
            "start",
            ALICE,
            ALICE,
            "en",
            list.messageId(),
            "k|en",
            ticked.body().path("reply_markup")));
    FakeBotApi.Call linkedin = api.awaitDelivered(ALICE, before + 1).get(before);
    assertThat(linkedin.text()).contains("Platform 1 of 1");

    FakeBotApi.Call end = tapAndAwaitReply(linkedin, "c|en|/checklist done linkedin");

    assertThat(end.text()).contains("1/1 done");
    assertThat(store.checklist(ChatRef.assistantKey(ALICE)))
        .extracting(i -> i.platformId() + "=" + i.status())
        .containsExactly("linkedin=DONE");
  }

  @Test
  void doneButtonOfAnOlderVersion_withoutItsItem_marksTheItemOnScreen() throws Exception {
    ask("help me opt out everywhere");
    FakeBotApi.Call linkedin = ask("1 3");

    // as versions wrote it when an item's id did not fit the button
    FakeBotApi.Call tiktok = tapAndAwaitReply(linkedin, "c|en|/checklist done");

    assertThat(tiktok.text()).contains("Platform 2 of 2").contains("TikTok");
    assertThat(store.checklist(ChatRef.assistantKey(ALICE)))
        .extracting(i -> i.platformId() + "=" + i.status())
        .containsExactlyInAnyOrder("linkedin=DONE", "tiktok=LATER");
  }

  @Test
  void commandButtonNoChoiceWrites_isAnsweredAsExpired_andChangesNothing() throws Exception {
    ask("help me opt out everywhere");
    FakeBotApi.Call linkedin = ask("1 3");

    FakeBotApi.Call toast = tap("forged", linkedin, "c|en|/checklist reset");

    assertThat(toast.body().path("text").asText())
        .isEqualTo("This button no longer works: please ask me again.");
    assertThat(store.checklist(ChatRef.assistantKey(ALICE)))
        .extracting(i -> i.platformId() + "=" + i.status())
        .containsExactlyInAnyOrder("linkedin=LATER", "tiktok=LATER");
  }

  private FakeBotApi.Call ask(String text) throws InterruptedException {
    int before = api.delivered(ALICE).size();
    api.push(Updates.privateText(ALICE, "en", text));
    return api.awaitDelivered(ALICE, before + 1).get(before);
  }

  /** Taps a button of {@code on}; returns the answer to the tap (its toast, if any). */
  private FakeBotApi.Call tap(String id, FakeBotApi.Call on, String data)
      throws InterruptedException {
    api.push(
        Updates.callback(
            id, ALICE, ALICE, "en", on.messageId(), data, on.body().path("reply_markup")));
    return api.await(
            c ->
                c.method().equals("answercallbackquery")
                    && c.body().path("callback_query_id").asText().equals(id),
            1,
            Duration.ofSeconds(5))
        .get(0);
  }

  /** Taps a button of {@code on}; returns the message that answers the tap. */
  private FakeBotApi.Call tapAndAwaitReply(FakeBotApi.Call on, String data)
      throws InterruptedException {
    int before = api.delivered(ALICE).size();
    FakeBotApi.Call answered = tap("tap-" + ++taps, on, data);
    assertThat(answered.body().path("text").asText()).isEmpty();
    return api.awaitDelivered(ALICE, before + 1).get(before);
  }

  private static List<String> callbackData(FakeBotApi.Call call) {
    return StreamSupport.stream(
            call.body().path("reply_markup").path("inline_keyboard").spliterator(), false)
        .flatMap(row -> StreamSupport.stream(row.spliterator(), false))
        .map((JsonNode b) -> b.path("callback_data").asText())
        .toList();
  }
}
