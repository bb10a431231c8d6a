package ch.optout.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.KnowledgeCopy;
import ch.optout.MutableClock;
import ch.optout.TestPipeline;
import ch.optout.store.ChecklistItem;
import ch.optout.store.ChecklistStatus;
import ch.optout.store.SqliteChatStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reminders and alerts through the real bot, a real SQLite store and {@link FakeBotApi}: the bot is
 * stopped and started again with the clock a month ahead, as an operator does with
 * OPTOUT_CLOCK_OFFSET, and a copy of the knowledge gains a change between two starts.
 */
class FollowThroughBotTest {
  private static final long ALICE = 8_100_001L;
  private static final long BOB = 8_100_002L;
  private static final long CAROL = 8_100_003L;
  private static final String PRIVATE_MESSAGES = "LinkedIn now also trains on private messages.";
  private static final Instant DAY0 = Instant.parse("2026-12-03T09:00:00Z");

  @TempDir Path data;
  @TempDir Path knowledgeDir;

  private final MutableClock clock = new MutableClock(DAY0);
  private FakeBotApi api;
  private SqliteChatStore store;
  private TelegramBot bot;
  private int taps;

  @BeforeEach
  void open() throws Exception {
    api = new FakeBotApi();
    store = new SqliteChatStore(data, clock);
  }

  @AfterEach
  void close() {
    if (bot != null) {
      bot.close();
    }
    store.close();
    api.close();
    assertThat(api.violations()).isEmpty();
  }

  /** Starts the bot over the knowledge {@code pipeline} reads; a running one is stopped first. */
  private void start(TestPipeline pipeline) {
    if (bot != null) {
      bot.close();
    }
    bot =
        TelegramBot.builder(
                pipeline.assistant(store, clock),
                pipeline.messages,
                new BotToken(FakeBotApi.TOKEN),
                api.telegramUrl())
            .limits(TelegramBotTest.FAST)
            .clock(Clock.systemUTC())
            .admins(AdminIds.NONE)
            .counts(new TelegramCounts())
            .followThrough(new TelegramBot.FollowThrough(store.followUps(), store.relay(), clock))
            .start();
  }

  private FakeBotApi.Call say(long chat, String text) throws InterruptedException {
    int before = api.delivered(chat).size();
    api.push(Updates.privateText(chat, "en", text));
    return api.awaitDelivered(chat, before + 1).get(before);
  }

  /** Taps the button of {@code message} whose command is {@code command}; returns the reply. */
  private FakeBotApi.Call tap(long chat, FakeBotApi.Call message, String command)
      throws InterruptedException {
    String data = "c|en|" + command;
    assertThat(callbackData(message)).contains(data);
    int before = api.delivered(chat).size();
    api.push(
        Updates.callback(
            "tap-" + ++taps,
            chat,
            chat,
            "en",
            message.messageId(),
            data,
            message.body().path("reply_markup")));
    return api.awaitDelivered(chat, before + 1).get(before);
  }

  private List<FakeBotApi.Call> containing(long chat, String text) {
    return api.delivered(chat).stream().filter(c -> c.text().contains(text)).toList();
  }

  @Test
  void reminder_afterALetter_arrivesOnceAMonthLater_andNoAnswerGivesTheComplaint()
      throws Exception {
    start(TestPipeline.fixture());
    say(ALICE, "/region eu");
    say(ALICE, "I live in Belgium");
    FakeBotApi.Call letter = say(ALICE, "/letter tiktok");
    assertThat(buttonTexts(letter)).contains("🔔 Remind me in a month");

    FakeBotApi.Call noted = tap(ALICE, letter, "/remind tiktok");
    assertThat(noted.text()).contains("on 3 January 2027 I will ask you whether TikTok answered");

    clock.advance(Duration.ofDays(31));
    start(TestPipeline.fixture());

    String question = "Did TikTok answer your objection of 3 December 2026?";
    FakeBotApi.Call asked =
        api.await(
                c -> c.method().equals("sendmessage") && c.text().contains(question),
                1,
                Duration.ofSeconds(10))
            .get(0);
    assertThat(buttonTexts(asked)).containsExactly("✅ Yes, done", "⏳ No answer", "❌ They refused");
    // a restart does not ask again
    start(TestPipeline.fixture());
    assertNothingClaimedAtStart();
    assertThat(containing(ALICE, question)).hasSize(1);

    FakeBotApi.Call complaint = tap(ALICE, asked, "/followup none tiktok");

    assertThat(HtmlRules.visibleText(complaint.text()))
        .contains("Complaint to Autorité de protection des données de Belgique")
        .contains("TikTok Technology Limited had one month to answer your objection of 3 December")
        .contains("https://www.dataprotectionauthority.be/citizen/actions/lodge-a-complaint");
    String draft =
        api.delivered(ALICE).stream()
            .map(c -> HtmlRules.visibleText(c.text()))
            .filter(t -> t.contains("Article 77 GDPR"))
            .findFirst()
            .orElseThrow();
    assertThat(draft).contains("On 3 December 2026 I objected").contains("TikTok Technology");
    assertThat(store.reminders(ChatRef.assistantKey(ALICE))).isEmpty();
  }

  @Test
  void reminder_afterAForm_yesDone_marksTheChecklistWithTheDates() throws Exception {
    start(TestPipeline.fixture());
    FakeBotApi.Call guide = say(BOB, "How do I stop Meta using my photos?");
    assertThat(buttonTexts(guide))
        .contains("🔔 Tell me if this changes", "📨 Form sent: remind me in a month");
    tap(BOB, guide, "/remind meta form");

    clock.advance(Duration.ofDays(32));
    start(TestPipeline.fixture());
    FakeBotApi.Call asked =
        api.await(
                c -> c.chatId() == BOB && c.text().contains("answer the objection form"),
                1,
                Duration.ofSeconds(10))
            .get(0);
    FakeBotApi.Call done = tap(BOB, asked, "/followup done meta");

    assertThat(done.text()).contains("marked done on your checklist on 4 January 2027");
    assertThat(store.checklist(ChatRef.assistantKey(BOB)))
        .containsExactly(
            new ChecklistItem(
                "meta",
                ChecklistStatus.DONE,
                LocalDate.parse("2027-01-04"),
                Optional.of(LocalDate.parse("2026-12-03"))));
    assertThat(say(BOB, "where was I?").text())
        .contains("done on 4 January 2027 · objection sent on 3 December 2026");
  }

  @Test
  void change_addedToTheKnowledge_isToldOnceToFollowersOnly_evenAfterRestarts() throws Exception {
    KnowledgeCopy copy =
        KnowledgeCopy.of(knowledgeDir)
            .addChange(
                "linkedin",
                "2025-09-18",
                "LinkedIn trains on EU members' data from 3 November 2025.",
                "LinkedIn entraîne son IA sur les données de l'UE dès le 3 novembre 2025.",
                "2025-11-03");
    start(copy.pipeline());
    FakeBotApi.Call guide = say(ALICE, "How do I stop LinkedIn using my CV?");
    tap(ALICE, guide, "/watch linkedin");
    say(BOB, "How do I stop LinkedIn using my CV?");

    copy.addChange(
        "linkedin",
        "2026-12-20",
        PRIVATE_MESSAGES,
        "LinkedIn entraîne désormais aussi son IA sur les messages privés.",
        "2027-01-31");
    clock.advance(Duration.ofDays(20));
    start(copy.pipeline());

    FakeBotApi.Call alert =
        api.await(
                c -> c.method().equals("sendmessage") && c.text().contains(PRIVATE_MESSAGES),
                1,
                Duration.ofSeconds(10))
            .get(0);
    assertThat(alert.chatId()).isEqualTo(ALICE);
    assertThat(HtmlRules.visibleText(alert.text()))
        .startsWith("LinkedIn changes its rules")
        .contains(PRIVATE_MESSAGES)
        .contains("Deadline: 31 January 2027.")
        .doesNotContain("3 November 2025");
    assertThat(buttonTexts(alert)).contains("🔕 Stop these alerts");

    start(copy.pipeline());
    assertNothingClaimedAtStart();
    assertThat(containing(ALICE, PRIVATE_MESSAGES)).hasSize(1);
    assertThat(containing(BOB, PRIVATE_MESSAGES)).isEmpty();
    assertThat(containing(ALICE, "3 November 2025")).as("known when following began").isEmpty();
  }

  @Test
  void follower_whoBlockedTheBot_isUnfollowedOnThe403() throws Exception {
    KnowledgeCopy copy = KnowledgeCopy.of(knowledgeDir);
    start(copy.pipeline());
    say(CAROL, "/watch linkedin");
    copy.addChange("linkedin", "2026-12-20", "LinkedIn changes.", "LinkedIn change.", "");
    bot.close();
    bot = null;
    api.fail(
        "sendmessage",
        FakeBotApi.Fault.status(
            403,
            "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the"
                + " user\"}"));

    start(copy.pipeline());

    api.await(c -> c.chatId() == CAROL && c.status() == 403, 1, Duration.ofSeconds(10));
    // the marker: a reply queued now leaves after the refused alert is done with, in the chat's
    // order, and so after its 403 was acted on
    assertThat(say(CAROL, "/help").text()).startsWith("<b>What I can do</b>");
    assertThat(store.watches(ChatRef.assistantKey(CAROL))).isEmpty();
    assertThat(api.delivered(CAROL)).hasSize(2);
  }

  @Test
  void blockingTheBot_unfollowsAndDeletesTheReminders() throws Exception {
    start(TestPipeline.fixture());
    say(CAROL, "/watch linkedin");
    say(CAROL, "/remind tiktok");

    api.push(Updates.blocked(CAROL));
    // the marker: the chat's updates are handled in order, so the block was when this is answered
    say(CAROL, "/help");

    assertThat(store.watches(ChatRef.assistantKey(CAROL))).isEmpty();
    assertThat(store.reminders(ChatRef.assistantKey(CAROL))).isEmpty();
  }

  /**
   * Waits for the first look for what fell due since the start, then checks that it found nothing
   * to send: a message it claimed would be in the outbox, unsent, or would have been delivered
   * already (Telegram takes a message before the outbox records it sent).
   */
  private void assertNothingClaimedAtStart() throws InterruptedException {
    assertThat(bot.awaitFollowUpLook(Duration.ofSeconds(10))).isTrue();
    assertThat(store.relay().unsent()).as("claimed or left to send").isEmpty();
  }

  private static List<String> callbackData(FakeBotApi.Call call) {
    return buttons(call).stream().map(b -> b.path("callback_data").asText()).toList();
  }

  private static List<String> buttonTexts(FakeBotApi.Call call) {
    return buttons(call).stream().map(b -> b.path("text").asText()).toList();
  }

  private static List<JsonNode> buttons(FakeBotApi.Call call) {
    return StreamSupport.stream(
            call.body().path("reply_markup").path("inline_keyboard").spliterator(), false)
        .flatMap(row -> StreamSupport.stream(row.spliterator(), false))
        .toList();
  }
}
