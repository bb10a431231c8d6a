package ch.optout.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.optout.TestPipeline;
import ch.optout.store.InMemoryChatStore;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /stats for the ids in OPTOUT_ADMIN_IDS, and the plain "unknown command" for everyone else. */
class AdminCommandsTest {
  private static final TestPipeline PIPELINE = TestPipeline.fixture();
  private static final long ADMIN = 31_337L;
  private static final long USER = 31_338L;
  private static final long GROUP = -1_003_133_700L;

  private FakeBotApi api;
  private InMemoryChatStore store;
  private TelegramBot bot;

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
            .admins(new AdminIds(Set.of(ADMIN)))
            .start();
  }

  @AfterEach
  void stop() {
    bot.close();
    api.close();
    assertThat(api.violations()).isEmpty();
  }

  @Test
  void stats_fromAnAdmin_showsTodaysAnswersAndVotesPerGuide() throws Exception {
    store.countAnswer("linkedin");
    store.countAnswer("linkedin");
    store.recordFeedback("linkedin", true);
    store.recordFeedback("tiktok", false);

    api.push(Updates.privateText(ADMIN, "en", "/stats"));

    String reply = api.awaitDelivered(ADMIN, 1).get(0).text();
    assertThat(reply)
        .startsWith("<b>Answers and feedback, last 7 days</b>")
        .contains("— LinkedIn: 2 answers, 👍 1, 👎 0")
        .contains("— TikTok: 0 answers, 👍 0, 👎 1")
        .contains("Total: 2 answers, 👍 1, 👎 1.");
  }

  @Test
  void stats_countEachAnswerOnce_evenWhenItsButtonsLayTheGuideOutAgain() throws Exception {
    // a guide answer's keyboard used to fetch the guide a second time, counting it twice
    api.push(Updates.privateText(USER, "en", "How do I stop LinkedIn training AI on me?"));
    api.awaitDelivered(USER, 1);
    api.push(
        Updates.callback(
            "tap-1",
            USER,
            USER,
            "en",
            1,
            new Action.ShowGuide(ch.optout.knowledge.Language.EN, "tiktok").encode(),
            null));
    api.awaitDelivered(USER, 2);

    api.push(Updates.privateText(ADMIN, "en", "/stats"));

    String reply = api.awaitDelivered(ADMIN, 1).get(0).text();
    assertThat(reply)
        .contains("— LinkedIn: 1 answers")
        .contains("— TikTok: 1 answers")
        .contains("Total: 2 answers");
  }

  @Test
  void stats_fromAFrenchAdminWithNothingCounted_saysSoInFrench() throws Exception {
    api.push(Updates.privateText(ADMIN, "fr", "/stats"));

    assertThat(api.awaitDelivered(ADMIN, 1).get(0).text())
        .isEqualTo("<b>Réponses et avis, 7 derniers jours</b>\n\nRien n'a encore été compté.");
  }

  @Test
  void stats_fromSomeoneElse_isAnUnknownCommandLikeAnyOther() throws Exception {
    store.countAnswer("linkedin");
    api.push(Updates.privateText(USER, "en", "/stats"));
    api.push(Updates.privateText(USER, "en", "/statistics"));

    var replies = api.awaitDelivered(USER, 2);

    assertThat(replies.get(0).text())
        .isEqualTo("I don't know the command /stats. Type /help to see what I can do.");
    assertThat(replies.get(1).text())
        .isEqualTo("I don't know the command /statistics. Type /help to see what I can do.");
  }

  @Test
  void stats_fromAnAdminInAGroup_isNotShownToTheGroup() throws Exception {
    store.countAnswer("linkedin");
    api.push(Updates.groupText(GROUP, ADMIN, "/stats@" + FakeBotApi.USERNAME));

    assertThat(api.awaitDelivered(GROUP, 1).get(0).text())
        .startsWith("I don't know the command /stats.");
  }

  @Test
  void parse_commaSeparatedIds_withSpacesAndBlanks() {
    assertThat(AdminIds.parse(" 12345, 678 ,,").ids()).containsExactlyInAnyOrder(12_345L, 678L);
    assertThat(AdminIds.parse("").ids()).isEmpty();
    assertThat(AdminIds.parse("1,2")).hasToString("AdminIds[2]");
  }

  @Test
  void parse_somethingElse_isRefusedNamingIt() {
    assertThatThrownBy(() -> AdminIds.parse("123, @alice"))
        .hasMessageContaining("'@alice' is not one");
    assertThatThrownBy(() -> AdminIds.parse("99999999999999999999"))
        .hasMessageContaining("is not one");
  }
}
