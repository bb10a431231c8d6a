package ch.optout.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.TestPipeline;
import ch.optout.store.InMemoryChatStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real telegrambots library against {@link FakeBotApi}, answering with the real assistant over
 * the fixture knowledge.
 */
class TelegramBotTest {
  private static final TestPipeline PIPELINE = TestPipeline.fixture();

  /**
   * Telegram's limits shrunk a thousandfold or so: a burst of twenty takes under a second. Flood
   * control lets that burst through here; TelegramFaultsTest checks it with its own limits.
   */
  static final Limits FAST =
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
              Duration.ofSeconds(5))
          .withFlood(30, Duration.ofSeconds(10));

  private static final long ALICE = 9_876_001L;
  private static final long BOB = 9_876_002L;
  private static final long GROUP = -1_009_876_003L;

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
            .limits(FAST)
            .clock(Clock.systemUTC())
            .start();
  }

  @AfterEach
  void stop() {
    bot.close();
    api.close();
    // every message sent in every test, checked as Telegram checks it
    assertThat(api.violations()).isEmpty();
  }

  @Test
  void start_registersCommandsInEnglishAndFrenchThenDeletesTheWebhookAndPolls() throws Exception {
    api.await(c -> c.method().equals("getupdates"), 1, Duration.ofSeconds(5));

    List<String> methods = api.calls().stream().map(FakeBotApi.Call::method).toList();
    assertThat(methods.indexOf("deletewebhook"))
        .isLessThan(methods.indexOf("getupdates"))
        .isGreaterThan(methods.indexOf("getme"));
    List<FakeBotApi.Call> all = api.calls("setmycommands");
    assertThat(all).hasSize(4);
    List<FakeBotApi.Call> commands =
        all.stream()
            .filter(c -> c.body().path("scope").path("type").asText().equals("default"))
            .toList();
    List<FakeBotApi.Call> groups =
        all.stream()
            .filter(c -> c.body().path("scope").path("type").asText().equals("all_group_chats"))
            .toList();
    assertThat(commands.get(0).body().has("language_code")).isFalse();
    assertThat(commands.get(1).body().path("language_code").asText()).isEqualTo("fr");
    // a smaller menu in groups
    assertThat(names(groups.get(0).body().path("commands"), "command"))
        .containsExactly("help", "platforms", "lang", "mydata", "forget");
    assertThat(names(commands.get(0).body().path("commands"), "command"))
        .containsExactly(
            "start",
            "help",
            "platforms",
            "lang",
            "about",
            "checklist",
            "letter",
            "region",
            "watch",
            "mydata",
            "forget");
    assertThat(names(commands.get(0).body().path("commands"), "description"))
        .contains("The platforms I cover");
    assertThat(names(commands.get(1).body().path("commands"), "description"))
        .contains("Les plateformes que je couvre");
    assertThat(bot.username()).isEqualTo(FakeBotApi.USERNAME);
  }

  @Test
  void slashStart_welcomesWithPrivacyNoteExamplesAndThePlatformButton() throws Exception {
    api.push(Updates.privateText(ALICE, "en", "/start"));

    FakeBotApi.Call reply = api.awaitDelivered(ALICE, 1).get(0);

    assertThat(reply.body().path("parse_mode").asText()).isEqualToIgnoringCase("HTML");
    assertThat(reply.text())
        .startsWith("<b>Hello, I am OptOut.</b>")
        .contains("How do I stop LinkedIn using my CV?")
        .contains("Privacy: I keep no message text.");
    assertThat(HtmlRules.visibleText(reply.text()).split("\n")).hasSizeLessThanOrEqualTo(6);
    assertThat(callbackData(reply))
        .containsExactly("g|en|linkedin", "g|en|meta", "c|en|/checklist", "p|en");
    assertThat(buttonTexts(reply)).contains("LinkedIn", "Meta", "✅ All my platforms");
    FakeBotApi.Call typing = api.calls("sendchataction").get(0);
    assertThat(typing.body().path("action").asText()).isEqualTo("typing");
    assertThat(typing.atNanos()).isLessThan(reply.atNanos());
  }

  @Test
  void englishQuestion_getsNumberedStepsLinkedSourcesAndButtons() throws Exception {
    api.push(Updates.privateText(ALICE, "en", "How do I stop LinkedIn using my CV to train AI?"));

    FakeBotApi.Call reply = api.awaitDelivered(ALICE, 1).get(0);

    assertThat(reply.text())
        .startsWith("<b>Stop LinkedIn training AI on your profile</b>\n\n")
        .contains("What to do on LinkedIn: Settings &amp; Privacy → Data privacy")
        .contains(
            "<b>Web</b>\n1. Click <b>Me</b>, then <b>Settings &amp; Privacy</b>.\n2. Open <b>Data privacy</b>.")
        .doesNotContain("Tap your photo")
        .contains(
            "<a href=\"https://www.linkedin.com/help/linkedin/answer/a6278444\">linkedin.com</a>")
        .doesNotContain("<br");
    assertThat(TelegramRenderer.visibleLength(reply.text())).isLessThan(TelegramRenderer.PHONE);
    assertThat(reply.body().path("link_preview_options").path("is_disabled").asBoolean()).isTrue();
    // following the platform first; the other device and "More" edit this message; the share
    // button opens t.me
    assertThat(callbackData(reply))
        .containsExactly(
            "c|en|/watch linkedin",
            "s|en|linkedin|1",
            "m|en|linkedin|0",
            "f|en|linkedin|1",
            "f|en|linkedin|0",
            "",
            "p|en");
    assertThat(buttonTexts(reply))
        .containsExactly(
            "🔔 Tell me if this changes",
            "Mobile app",
            "➕ More",
            "👍 Helpful",
            "👎 Not helpful",
            "↗️ Share",
            "📋 Other platforms");
    assertThat(buttons(reply).get(5).path("url").asText())
        .startsWith("https://t.me/share/url?url=")
        .contains(
            java.net.URLEncoder.encode("?start=linkedin", java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void frenchQuestion_fromAnEnglishApp_isAnsweredInFrench() throws Exception {
    api.push(
        Updates.privateText(
            ALICE, "en", "Comment empêcher LinkedIn d'utiliser mes données pour l'IA ?"));

    FakeBotApi.Call reply = api.awaitDelivered(ALICE, 1).get(0);

    assertThat(reply.text())
        .startsWith("<b>Empêcher LinkedIn d'entraîner l'IA avec votre profil</b>")
        .contains("1. Cliquez sur <b>Vous</b>")
        .contains("Sources (guide vérifié le 2025-11-20) :");
    assertThat(buttonTexts(reply)).contains("👍 Utile", "📋 Autres plateformes");
  }

  @Test
  void followUps_resolveAgainstTheChatsLastPlatform() throws Exception {
    api.push(
        Updates.privateText(ALICE, "fr", "Comment empêcher LinkedIn d'utiliser mes données ?"));
    api.push(Updates.privateText(ALICE, "fr", "et sur Instagram ?"));
    api.push(Updates.privateText(BOB, "en", "How do I stop LinkedIn training AI on me?"));
    api.push(Updates.privateText(BOB, "en", "and on my phone?"));

    List<FakeBotApi.Call> alice = api.awaitDelivered(ALICE, 2);
    List<FakeBotApi.Call> bob = api.awaitDelivered(BOB, 2);

    assertThat(alice.get(1).text())
        .startsWith(
            "<b>S'opposer à ce que Meta utilise vos publications Facebook et Instagram pour l'IA</b>")
        .contains("1. Ouvrez <b>Paramètres et confidentialité</b>");
    assertThat(bob.get(1).text())
        .startsWith("<b>Stop LinkedIn training AI on your profile</b>")
        .contains("Tap your photo");
  }

  @Test
  void ambiguousQuestion_usesTheLangChoiceThenTheAppLanguage() throws Exception {
    api.push(Updates.privateText(ALICE, "fr", "TikTok"));
    api.push(Updates.privateText(ALICE, "fr", "/lang en"));
    api.push(Updates.privateText(ALICE, "fr", "TikTok"));

    List<FakeBotApi.Call> replies = api.awaitDelivered(ALICE, 3);

    assertThat(replies.get(0).text()).startsWith("<b>TikTok et l'entraînement de l'IA");
    assertThat(replies.get(1).text()).isEqualTo("From now on I answer in English.");
    assertThat(replies.get(2).text()).startsWith("<b>TikTok and AI training: what you can do</b>");
  }

  @Test
  void questionOf6000Characters_isAnsweredWithinOneMessageAndSaysItWasCut() throws Exception {
    String question =
        "How do I stop LinkedIn using my CV? " + "Please explain it in detail. ".repeat(210);
    assertThat(question.length()).isGreaterThan(6000);
    api.push(Updates.privateText(ALICE, "en", question));

    List<FakeBotApi.Call> replies = api.awaitDelivered(ALICE, 1);

    assertThat(replies).hasSize(1);
    assertThat(replies.get(0).text())
        .contains("Stop LinkedIn training AI")
        .contains("Your message was long: I read its start and its last sentence");
  }

  @Test
  void htmlHostileText_isEscapedEverywhere() throws Exception {
    api.push(Updates.privateText(ALICE, "en", "/x<b>&amp;<script>alert(1)</script>"));
    api.push(
        Updates.privateText(
            ALICE,
            "en",
            "<b>LinkedIn</b> & <script>alert('x')</script> <a href=\"javascript:1\">?</a>"));
    api.push(Updates.privateText(ALICE, "en", "/help"));

    List<FakeBotApi.Call> replies = api.awaitDelivered(ALICE, 3);

    assertThat(replies.get(0).text()).contains("the command /x.");
    assertThat(replies.get(2).text()).contains("&lt;platform&gt;");
    assertThat(replies)
        .allSatisfy(
            r -> assertThat(r.text()).doesNotContain("<script", "javascript:", "<platform>"));
  }

  @Test
  void tooManyRequests_waitsRetryAfterThenDeliversOnce() throws Exception {
    api.fail("sendmessage", FakeBotApi.Fault.tooManyRequests(1));
    api.push(Updates.privateText(ALICE, "en", "How do I stop LinkedIn using my CV?"));

    List<FakeBotApi.Call> delivered = api.awaitDelivered(ALICE, 1);

    FakeBotApi.Call refused = api.calls("sendmessage").get(0);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(delivered.get(0).text()).isEqualTo(refused.text());
    assertThat(Duration.ofNanos(delivered.get(0).atNanos() - refused.atNanos()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    assertThat(api.calls("sendmessage")).hasSize(2);
  }

  @Test
  void serverErrorsOnGetUpdates_pollingBacksOffAndRecovers() throws Exception {
    api.await(c -> c.method().equals("getupdates"), 1, Duration.ofSeconds(5));
    api.fail(
        "getupdates",
        FakeBotApi.Fault.serverError(),
        FakeBotApi.Fault.badGatewayPage(),
        FakeBotApi.Fault.serverError());
    api.push(Updates.privateText(ALICE, "en", "/help"));

    assertThat(api.awaitDelivered(ALICE, 1).get(0).text()).startsWith("<b>What I can do</b>");
    // the poll held when the faults were scripted may bring the update before the faults are served
    api.await(c -> c.method().equals("getupdates") && c.status() == 502, 1, Duration.ofSeconds(5));
    assertThat(api.calls("getupdates").stream().map(FakeBotApi.Call::status)).contains(500, 502);
  }

  static List<FakeBotApi.Fault> transientFaults() {
    return List.of(
        FakeBotApi.Fault.serverError(),
        FakeBotApi.Fault.badGatewayPage(),
        FakeBotApi.Fault.dropConnection());
  }

  @ParameterizedTest
  @MethodSource("transientFaults")
  void transientSendFailures_areRetriedUntilDelivered(FakeBotApi.Fault fault) throws Exception {
    api.fail("sendmessage", fault, fault);
    api.push(Updates.privateText(ALICE, "en", "/about"));

    List<FakeBotApi.Call> delivered = api.awaitDelivered(ALICE, 1);

    assertThat(delivered.get(0).text()).startsWith("<b>About OptOut test</b>");
    assertThat(api.calls("sendmessage")).hasSize(3);
  }

  @Test
  void messageRefusedForGood_isDroppedAndTheChatGoesOn() throws Exception {
    api.fail(
        "sendmessage",
        FakeBotApi.Fault.status(
            403,
            "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}"));
    api.push(Updates.privateText(ALICE, "en", "/help"));
    api.push(Updates.privateText(ALICE, "en", "/about"));

    List<FakeBotApi.Call> delivered = api.awaitDelivered(ALICE, 1);

    assertThat(delivered.get(0).text()).startsWith("<b>About OptOut test</b>");
    assertThat(api.calls("sendmessage")).hasSize(2);
  }

  @Test
  void messageFailingMoreThanMaxAttempts_isGivenUpAndTheChatGoesOn() throws Exception {
    FakeBotApi.Fault[] faults = new FakeBotApi.Fault[FAST.maxAttempts()];
    java.util.Arrays.fill(faults, FakeBotApi.Fault.serverError());
    api.fail("sendmessage", faults);
    api.push(Updates.privateText(ALICE, "en", "/help"));
    api.push(Updates.privateText(ALICE, "en", "/about"));

    List<FakeBotApi.Call> delivered = api.awaitDelivered(ALICE, 1);

    assertThat(delivered.get(0).text()).startsWith("<b>About OptOut test</b>");
    assertThat(api.calls("sendmessage")).hasSize(FAST.maxAttempts() + 1);
  }

  @Test
  void htmlRefusedByTelegram_isResentAsPlainTextWithTheSameWords() throws Exception {
    api.fail(
        "sendmessage",
        FakeBotApi.Fault.status(
            400,
            "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: can't parse entities: Unsupported start tag \\\"b\\\" at byte offset 0\"}"));
    api.push(Updates.privateText(ALICE, "en", "How do I stop LinkedIn using my CV?"));

    FakeBotApi.Call plain = api.awaitDelivered(ALICE, 1).get(0);

    assertThat(plain.body().has("parse_mode")).isFalse();
    assertThat(plain.text())
        .startsWith("Stop LinkedIn training AI on your profile\n\n")
        .contains("1. Click Me, then Settings & Privacy.")
        .contains("linkedin.com (https://www.linkedin.com/help/linkedin/answer/a6278444)")
        .doesNotContain("<b>", "&amp;");
    assertThat(plain.body().path("reply_markup").path("inline_keyboard")).isNotEmpty();
  }

  @Test
  void burstOfTwentyInOneChat_answeredInOrderWhileAnotherChatIsServed() throws Exception {
    IntStream.range(0, 20)
        .forEach(
            i -> api.push(Updates.privateText(ALICE, "en", i % 2 == 0 ? "/lang fr" : "/lang en")));
    api.push(Updates.privateText(BOB, "en", "/start"));

    List<FakeBotApi.Call> alice = api.awaitDelivered(ALICE, 20);
    FakeBotApi.Call bob = api.awaitDelivered(BOB, 1).get(0);

    for (int i = 0; i < 20; i++) {
      assertThat(alice.get(i).text())
          .isEqualTo(
              i % 2 == 0
                  ? "Désormais je réponds en français."
                  : "From now on I answer in English.");
    }
    assertThat(bob.atNanos()).isLessThan(alice.get(19).atNanos());
    Duration span = Duration.ofNanos(alice.get(19).atNanos() - alice.get(0).atNanos());
    assertThat(span)
        .isGreaterThanOrEqualTo(FAST.perChat().multipliedBy(19).multipliedBy(8).dividedBy(10));
  }

  @Test
  void feedbackButton_isCountedAnonymouslyThankedAndRemoved() throws Exception {
    FakeBotApi.Call guide = ask("How do I stop LinkedIn using my CV?");

    api.push(
        Updates.callback(
            "cb-1",
            ALICE,
            ALICE,
            "en",
            guide.messageId(),
            "f|en|linkedin|1",
            guide.body().path("reply_markup")));

    FakeBotApi.Call answer =
        api.await(c -> c.method().equals("answercallbackquery"), 1, Duration.ofSeconds(5)).get(0);
    assertThat(answer.body().path("callback_query_id").asText()).isEqualTo("cb-1");
    assertThat(answer.body().path("text").asText()).startsWith("Thank you!");
    FakeBotApi.Call edit =
        api.await(c -> c.method().equals("editmessagereplymarkup"), 1, Duration.ofSeconds(5))
            .get(0);
    assertThat(edit.body().path("message_id").asInt()).isEqualTo(guide.messageId());
    assertThat(edit.body().toString())
        .doesNotContain("f|en|linkedin")
        .contains("s|en|linkedin|1", "p|en");
    assertThat(store.feedback()).containsEntry("linkedin:up", 1);
  }

  @Test
  void checklistButtons_pickAdvanceAndOfferTheLetterWhereThereIsNoSetting() throws Exception {
    FakeBotApi.Call list = ask("help me opt out everywhere");
    assertThat(list.text())
        .contains("Tick the platforms you use among these 3")
        .doesNotContain("1. <b>LinkedIn</b>");
    assertThat(callbackData(list)).startsWith("c|en|/checklist all");

    // the platforms are toggles on the list itself, then one button starts
    assertThat(callbackData(list)).contains("t|en|1", "t|en|3", "k|en");
    api.push(
        Updates.callback(
            "cb-t1",
            ALICE,
            ALICE,
            "en",
            list.messageId(),
            "t|en|1",
            list.body().path("reply_markup")));
    FakeBotApi.Call ticked =
        api.await(c -> c.method().equals("editmessagereplymarkup"), 1, Duration.ofSeconds(5))
            .get(0);
    assertThat(ticked.body().toString()).contains("✅ LinkedIn");

    FakeBotApi.Call first = ask("1 3");
    assertThat(first.text()).contains("Platform 1 of 2");
    assertThat(callbackData(first))
        .startsWith(
            "c|en|/checklist done linkedin",
            "c|en|/checklist skip linkedin",
            "c|en|/checklist later linkedin");

    int before = api.calls().size();
    api.push(
        Updates.callback(
            "cb-9",
            ALICE,
            ALICE,
            "en",
            first.messageId(),
            "c|en|/checklist done linkedin",
            first.body().path("reply_markup")));
    FakeBotApi.Call next =
        api.await(
                c -> c.method().equals("sendmessage") && c.text().contains("Platform 2 of 2"),
                1,
                Duration.ofSeconds(5))
            .get(0);
    assertThat(next.text()).contains("TikTok").contains("/letter tiktok");
    assertThat(callbackData(next)).contains("c|en|/letter tiktok");
    assertThat(api.await(c -> c.method().equals("answercallbackquery"), 1, Duration.ofSeconds(5)))
        .isNotEmpty();
    assertThat(api.calls().size()).isGreaterThan(before);
  }

  /** Picks LinkedIn and TikTok for the checklist; returns LinkedIn's item message. */
  private FakeBotApi.Call checklistOfLinkedInAndTikTok() throws InterruptedException {
    ask("help me opt out everywhere");
    FakeBotApi.Call first = ask("1 3");
    assertThat(first.text()).contains("Platform 1 of 2").contains("LinkedIn");
    return first;
  }

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

  @Test
  void staleChecklistButton_onAnItemAlreadyDone_isRefusedWithAToastAndChangesNothing()
      throws Exception {
    FakeBotApi.Call linkedin = checklistOfLinkedInAndTikTok();
    tap("cb-done", linkedin, "c|en|/checklist done linkedin");
    api.awaitDelivered(ALICE, 3); // TikTok's item
    // the answered item loses its done / skip / later buttons
    FakeBotApi.Call stripped =
        api.await(
                c ->
                    c.method().equals("editmessagereplymarkup")
                        && c.body().path("message_id").asInt() == linkedin.messageId(),
                1,
                Duration.ofSeconds(5))
            .get(0);
    assertThat(stripped.body().toString()).doesNotContain("/checklist done", "/checklist skip");

    // a stray tap on the old message, as a client that had not yet shown the edit sends it
    FakeBotApi.Call toast = tap("cb-stale", linkedin, "c|en|/checklist skip linkedin");

    assertThat(toast.body().path("text").asText())
        .isEqualTo(
            "LinkedIn is already marked done: this button is from an older message. /checklist"
                + " shows where you are.");
    assertThat(store.checklist(ChatRef.assistantKey(ALICE)))
        .extracting(i -> i.platformId() + "=" + i.status())
        .containsExactlyInAnyOrder("linkedin=DONE", "tiktok=LATER");
    // refused: no message, the checklist stays at TikTok
    assertThat(api.delivered(ALICE)).hasSize(3);
    assertThat(store.load(ChatRef.assistantKey(ALICE)).lastPlatform()).contains("tiktok");
  }

  @Test
  void checklistButton_ofAnOlderMessage_whileAnotherItemIsOnScreen_isRefused() throws Exception {
    FakeBotApi.Call linkedin = checklistOfLinkedInAndTikTok();
    tap("cb-later", linkedin, "c|en|/checklist later linkedin");
    api.awaitDelivered(ALICE, 3); // TikTok's item

    FakeBotApi.Call toast = tap("cb-old", linkedin, "c|en|/checklist done linkedin");

    assertThat(toast.body().path("text").asText())
        .isEqualTo(
            "This button is from an older message: your checklist is now at TikTok. Use the"
                + " latest message, or /checklist.");
    assertThat(store.checklist(ChatRef.assistantKey(ALICE)))
        .extracting(i -> i.platformId() + "=" + i.status())
        .containsExactlyInAnyOrder("linkedin=LATER", "tiktok=LATER");
    assertThat(api.delivered(ALICE)).hasSize(3);
  }

  @Test
  void checklistButton_forAnItemNotInTheList_neverMarksTheCurrentOne() throws Exception {
    FakeBotApi.Call linkedin = checklistOfLinkedInAndTikTok();

    FakeBotApi.Call toast = tap("cb-forged", linkedin, "c|en|/checklist done meta");

    assertThat(toast.body().path("text").asText())
        .startsWith("This checklist button is out of date");
    assertThat(store.checklist(ChatRef.assistantKey(ALICE)))
        .extracting(i -> i.platformId() + "=" + i.status())
        .containsExactlyInAnyOrder("linkedin=LATER", "tiktok=LATER");
  }

  @Test
  void feedbackTap_onAMessageWhoseVoteIsCounted_isNotCountedAgain() throws Exception {
    FakeBotApi.Call guide = ask("How do I stop LinkedIn using my CV?");
    tap("cb-vote", guide, "f|en|linkedin|1");
    FakeBotApi.Call edit =
        api.await(c -> c.method().equals("editmessagereplymarkup"), 1, Duration.ofSeconds(5))
            .get(0);

    // the same data again, on the message as Telegram now keeps it (without the 👍/👎 row)
    api.push(
        Updates.callback(
            "cb-again",
            ALICE,
            ALICE,
            "en",
            guide.messageId(),
            "f|en|linkedin|1",
            edit.body().path("reply_markup")));
    FakeBotApi.Call again =
        api.await(
                c ->
                    c.method().equals("answercallbackquery")
                        && c.body().path("callback_query_id").asText().equals("cb-again"),
                1,
                Duration.ofSeconds(5))
            .get(0);

    assertThat(again.body().path("text").asText())
        .startsWith("Your vote on this answer is already");
    assertThat(store.feedback()).containsExactly(java.util.Map.entry("linkedin:up", 1));
  }

  @Test
  void letterRequest_asksTheLawWithButtonsThenSendsTheLetterAsPreformattedText() throws Exception {
    FakeBotApi.Call question = ask("write an objection letter to TikTok");
    assertThat(callbackData(question))
        .containsExactly("c|en|/region eu", "c|en|/region uk", "c|en|/region ch");

    FakeBotApi.Call letter = ask("3");
    assertThat(letter.text())
        .contains("<pre>")
        .contains("To: TikTok — privacy@tiktok.example")
        .contains("</pre>");
  }

  @Test
  void stepButton_editsTheGuideInPlaceToShowOneGroup() throws Exception {
    FakeBotApi.Call guide = ask("How do I stop LinkedIn using my CV?");

    api.push(
        Updates.callback(
            "cb-2",
            ALICE,
            ALICE,
            "en",
            guide.messageId(),
            "s|en|linkedin|1",
            guide.body().path("reply_markup")));

    FakeBotApi.Call edit =
        api.await(c -> c.method().equals("editmessagetext") && c.ok(), 1, Duration.ofSeconds(5))
            .get(0);
    assertThat(edit.body().path("message_id").asInt()).isEqualTo(guide.messageId());
    assertThat(edit.text())
        .contains("What to do on LinkedIn:")
        .contains("<b>Mobile app</b>\n1. Tap your photo")
        .doesNotContain("Click <b>Me</b>")
        .contains("2025-11-20");
    assertThat(callbackData(edit))
        .containsExactly(
            "s|en|linkedin|0", "m|en|linkedin|1", "f|en|linkedin|1", "f|en|linkedin|0", "", "p|en");
  }

  @Test
  void moreButton_completesTheShortAnswerInPlace() throws Exception {
    FakeBotApi.Call guide = ask("How do I stop LinkedIn using my CV?");

    api.push(
        Updates.callback(
            "cb-m",
            ALICE,
            ALICE,
            "en",
            guide.messageId(),
            "m|en|linkedin|0",
            guide.body().path("reply_markup")));

    FakeBotApi.Call edit =
        api.await(c -> c.method().equals("editmessagetext") && c.ok(), 1, Duration.ofSeconds(5))
            .get(0);
    assertThat(edit.body().path("message_id").asInt()).isEqualTo(guide.messageId());
    assertThat(edit.text())
        .contains("<b>Web</b>\n1. Click <b>Me</b>")
        .contains("<b>What it does not cover:</b>")
        .contains("<b>Good to know:</b>\n• Private messages are not used for training.");
    assertThat(callbackData(edit)).doesNotContain("m|en|linkedin|0").contains("s|en|linkedin|1");
    FakeBotApi.Call answer =
        api.await(c -> c.method().equals("answercallbackquery"), 1, Duration.ofSeconds(5)).get(0);
    assertThat(answer.body().path("callback_query_id").asText()).isEqualTo("cb-m");
  }

  @Test
  void platformsCommand_listsPlatformsAsButtonsLeadingToTheirGuide() throws Exception {
    FakeBotApi.Call list = ask("/platforms");
    assertThat(buttonTexts(list))
        .containsExactlyInAnyOrder("LinkedIn", "Meta (Facebook, Instagram)", "TikTok");

    api.push(
        Updates.callback(
            "cb-3",
            ALICE,
            ALICE,
            "en",
            list.messageId(),
            "g|en|tiktok",
            list.body().path("reply_markup")));

    FakeBotApi.Call guide = api.awaitDelivered(ALICE, 2).get(1);
    assertThat(guide.text()).startsWith("<b>TikTok and AI training: what you can do</b>");
    api.await(c -> c.method().equals("answercallbackquery"), 1, Duration.ofSeconds(5));
  }

  @Test
  void otherPlatformsButton_sendsThePlatformList() throws Exception {
    FakeBotApi.Call guide = ask("TikTok");

    api.push(
        Updates.callback(
            "cb-5",
            ALICE,
            ALICE,
            "en",
            guide.messageId(),
            "p|en",
            guide.body().path("reply_markup")));

    FakeBotApi.Call list = api.awaitDelivered(ALICE, 2).get(1);
    assertThat(list.text()).startsWith("<b>Platforms I cover</b>\n\nTap a platform");
    assertThat(callbackData(list))
        .containsExactlyInAnyOrder("g|en|linkedin", "g|en|meta", "g|en|tiktok");
  }

  @Test
  void langWithoutArgument_offersBothLanguagesAndTheChoiceEditsTheMessage() throws Exception {
    FakeBotApi.Call picker = ask("/lang");
    assertThat(callbackData(picker)).containsExactly("l|fr", "l|en");

    api.push(
        Updates.callback(
            "cb-6",
            ALICE,
            ALICE,
            "en",
            picker.messageId(),
            "l|fr",
            picker.body().path("reply_markup")));

    FakeBotApi.Call edit =
        api.await(c -> c.method().equals("editmessagetext") && c.ok(), 1, Duration.ofSeconds(5))
            .get(0);
    assertThat(edit.body().path("message_id").asInt()).isEqualTo(picker.messageId());
    assertThat(edit.text()).isEqualTo("Désormais je réponds en français.");
    assertThat(store.load(ChatRef.assistantKey(ALICE)).language()).contains("fr");
  }

  @Test
  void expiredOrForgedButton_isStillAnswered() throws Exception {
    api.push(Updates.callback("cb-4", ALICE, ALICE, "fr", 42, "g|de|../../etc", null));

    FakeBotApi.Call answer =
        api.await(c -> c.method().equals("answercallbackquery"), 1, Duration.ofSeconds(5)).get(0);
    assertThat(answer.body().path("text").asText()).startsWith("Ce bouton ne fonctionne plus");
  }

  @Test
  void group_answersOnlyWhenMentionedOrCommanded() throws Exception {
    api.push(Updates.groupText(GROUP, ALICE, "How do I stop LinkedIn using my CV?"));
    api.push(Updates.groupText(GROUP, ALICE, "/help@SomeOtherBot"));
    api.push(
        Updates.groupText(
            GROUP,
            ALICE,
            "@" + FakeBotApi.USERNAME.toLowerCase() + " how do I stop LinkedIn using my CV?"));
    api.push(Updates.groupText(GROUP, BOB, "/about@" + FakeBotApi.USERNAME));

    // one chat's updates are handled in order: had an ignored message been answered, it would come
    // first
    List<FakeBotApi.Call> replies = api.awaitDelivered(GROUP, 2);

    assertThat(replies.get(0).text())
        .startsWith("<b>Stop LinkedIn training AI on your profile</b>");
    assertThat(replies.get(0).body().path("reply_parameters").path("message_id").asInt())
        .isPositive();
    assertThat(replies.get(1).text()).startsWith("<b>About OptOut test</b>");
  }

  @Test
  void close_confirmsTheHandledUpdatesAndStopsEveryThread() throws Exception {
    int id = api.push(Updates.privateText(ALICE, "en", "/start"));
    api.awaitDelivered(ALICE, 1);

    bot.close();

    assertThat(api.confirmedBelow()).isGreaterThan(id);
    assertThat(bot.awaitPollerStopped(Duration.ofSeconds(2))).isTrue();
    assertThat(BotThreads.awaitNone(Duration.ofSeconds(3))).isEmpty();
  }

  /** Sends a question from Alice and returns the bot's (single) reply. */
  private FakeBotApi.Call ask(String text) throws InterruptedException {
    int before = api.delivered(ALICE).size();
    api.push(Updates.privateText(ALICE, "en", text));
    return api.awaitDelivered(ALICE, before + 1).get(before);
  }

  private static List<String> names(JsonNode array, String field) {
    return StreamSupport.stream(array.spliterator(), false)
        .map(n -> n.path(field).asText())
        .toList();
  }

  @Test
  void start_setsTheDescriptionsInEnglishAndFrench() throws Exception {
    List<FakeBotApi.Call> descriptions =
        api.await(c -> c.method().equals("setmydescription"), 2, Duration.ofSeconds(5));
    List<FakeBotApi.Call> shortOnes =
        api.await(c -> c.method().equals("setmyshortdescription"), 2, Duration.ofSeconds(5));

    assertThat(descriptions.get(0).body().path("description").asText())
        .startsWith("OptOut tells you, step by step and with sources");
    assertThat(descriptions.get(1).body().path("language_code").asText()).isEqualTo("fr");
    assertThat(descriptions.get(1).body().path("description").asText())
        .startsWith("OptOut vous dit");
    assertThat(shortOnes)
        .allSatisfy(
            c -> assertThat(c.body().path("short_description").asText().length()).isLessThan(120));
  }

  @Test
  void deepLink_startWithAPlatform_opensItsShortAnswer() throws Exception {
    FakeBotApi.Call reply = ask("/start tiktok");

    assertThat(reply.text()).contains("TikTok").doesNotContain("Hello, I am OptOut");
    assertThat(callbackData(reply)).contains("f|en|tiktok|1");
  }

  @Test
  void letter_theLawButtonOfAWaitingLetter_deliversTheLetter() throws Exception {
    FakeBotApi.Call asked = ask("write an objection letter to TikTok");
    assertThat(callbackData(asked)).contains("c|en|/region ch");

    api.push(
        Updates.callback(
            "cb-law",
            ALICE,
            ALICE,
            "en",
            asked.messageId(),
            "c|en|/region ch",
            asked.body().path("reply_markup")));

    FakeBotApi.Call letter = api.awaitDelivered(ALICE, 2).get(1);
    assertThat(letter.text()).contains("Objection letter to TikTok").contains("<pre>");
  }

  @Test
  void letter_withoutAPlatform_waitsForItsName() throws Exception {
    FakeBotApi.Call which = ask("/letter");
    assertThat(which.text()).contains("For which platform?");

    api.push(Updates.privateText(ALICE, "en", "TikTok"));

    FakeBotApi.Call next = api.awaitDelivered(ALICE, 2).get(1);
    assertThat(next.text()).contains("Which law applies to you?");
  }

  @Test
  void editedQuestion_withAnotherAnswer_editsTheEarlierReplyInPlace() throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode first =
        Updates.privateText(ALICE, "en", "How do I stop LinkedIn using my data?");
    api.push(first);
    FakeBotApi.Call reply = api.awaitDelivered(ALICE, 1).get(0);

    api.push(Updates.edited(first, "How do I stop TikTok using my data?"));

    FakeBotApi.Call edit =
        api.await(c -> c.method().equals("editmessagetext") && c.ok(), 1, Duration.ofSeconds(5))
            .get(0);
    assertThat(edit.body().path("message_id").asInt()).isEqualTo(reply.messageId());
    assertThat(edit.text()).contains("TikTok");
    assertThat(callbackData(edit)).contains("f|en|tiktok|1");
    // a later message's answer shows that nothing else was posted for the edit
    assertThat(ask("/about").text()).startsWith("<b>About OptOut test</b>");
    assertThat(api.delivered(ALICE)).hasSize(2);
  }

  @Test
  void editedQuestion_withTheSameAnswer_postsNothing() throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode first =
        Updates.privateText(ALICE, "en", "How do I stop LinkdIn using my data?");
    api.push(first);
    api.awaitDelivered(ALICE, 1);

    api.push(Updates.edited(first, "How do I stop LinkedIn using my data?"));

    // the next message's answer is the marker: the edit, handled before it, added nothing
    assertThat(ask("/about").text()).startsWith("<b>About OptOut test</b>");
    assertThat(api.delivered(ALICE)).hasSize(2);
    assertThat(api.calls("editmessagetext")).isEmpty();
    assertThat(api.calls("sendchataction")).hasSize(2);
  }

  @Test
  void editedQuestion_whoseReplyIsUnknown_isAnsweredAsNew() throws Exception {
    // a message from before a restart: nothing is known of its reply
    api.push(
        Updates.edited(
            Updates.privateText(ALICE, "en", "How do I stop LinkedIn using my data?"),
            "How do I stop TikTok using my data?"));

    assertThat(api.awaitDelivered(ALICE, 1).get(0).text()).contains("TikTok");
  }

  @Test
  void voiceNote_getsAShortReplySayingOnlyTextIsRead() throws Exception {
    api.push(Updates.privateVoice(ALICE, "fr"));

    assertThat(api.awaitDelivered(ALICE, 1).get(0).text()).startsWith("Je ne lis que le texte");
  }

  @Test
  void inlineQuery_isAnsweredWithThePlatformsShortAnswerAndStoresNothing() throws Exception {
    api.push(Updates.inlineQuery("iq-1", ALICE, "en", "linkedin"));

    FakeBotApi.Call answer =
        api.await(c -> c.method().equals("answerinlinequery"), 1, Duration.ofSeconds(5)).get(0);
    JsonNode result = answer.body().path("results").get(0);
    assertThat(result.path("type").asText()).isEqualTo("article");
    assertThat(result.path("title").asText())
        .isEqualTo("Stop LinkedIn training AI on your profile");
    assertThat(result.path("input_message_content").path("message_text").asText())
        .contains("What to do on LinkedIn:");
    assertThat(answer.body().path("cache_time").asInt()).isPositive();
    assertThat(answer.body().path("is_personal").asBoolean())
        .as("the result is in the asker's language: Telegram must not show it to others")
        .isTrue();
    assertThat(store.export(ChatRef.assistantKey(ALICE)).isEmpty()).isTrue();
  }

  private JsonNode inlineResults(String id, String query) throws InterruptedException {
    api.push(Updates.inlineQuery(id, ALICE, "en", query));
    FakeBotApi.Call answer =
        api.await(
                c ->
                    c.method().equals("answerinlinequery")
                        && c.body().path("inline_query_id").asText().equals(id),
                1,
                Duration.ofSeconds(5))
            .get(0);
    assertThat(answer.body().path("is_personal").asBoolean()).isTrue();
    return answer.body().path("results");
  }

  @Test
  void inlineQuery_empty_offersTheMostAskedPlatforms() throws Exception {
    JsonNode results = inlineResults("iq-empty", "");

    // the popular list's order (meta, linkedin, chatgpt, whatsapp, tiktok, x), as far as the
    // knowledge has guides
    assertThat(names(results, "id")).containsExactly("meta-en", "linkedin-en", "tiktok-en");
    assertThat(names(results, "title")).contains("Stop LinkedIn training AI on your profile");
  }

  @Test
  void inlineQuery_namingAServiceWithoutAGuide_saysThereIsNoGuideYet() throws Exception {
    JsonNode results = inlineResults("iq-bumble", "bumble");

    assertThat(results).hasSize(1);
    assertThat(results.get(0).path("title").asText())
        .isEqualTo("I don't have a guide for Bumble yet");
    assertThat(results.get(0).path("input_message_content").path("message_text").asText())
        .contains("Bumble")
        .doesNotContain("LinkedIn", "TikTok");
  }

  @Test
  void inlineQuery_factQuestion_getsTheFactFirst() throws Exception {
    JsonNode results = inlineResults("iq-fact", "linkedin retroactive");

    assertThat(results).hasSize(1);
    assertThat(results.get(0).path("description").asText()).startsWith("No.");
    assertThat(results.get(0).path("input_message_content").path("message_text").asText())
        .contains("No. It only stops future training");
  }

  @Test
  void addedToAGroup_withBothUpdatesTelegramSends_greetsOnce() throws Exception {
    long group = -100_201L;
    api.push(Updates.addedToGroup(group, ALICE, "en"));
    com.fasterxml.jackson.databind.node.ObjectNode service =
        Updates.text(group, "supergroup", ALICE, "en", "", 31);
    ((com.fasterxml.jackson.databind.node.ObjectNode) service.get("message")).remove("text");
    ((com.fasterxml.jackson.databind.node.ObjectNode) service.get("message"))
        .putArray("new_chat_members")
        .addObject()
        .put("id", FakeBotApi.BOT_ID)
        .put("is_bot", true)
        .put("first_name", "OptOut")
        .put("username", FakeBotApi.USERNAME);
    int last = api.push(service);
    api.awaitDelivered(group, 1);
    // the service message is handled (with no reply) and confirmed by a later poll
    api.await(
        c -> c.method().equals("getupdates") && c.body().path("offset").asInt() > last,
        1,
        java.time.Duration.ofSeconds(10));

    // closing sends everything handled: nothing more can arrive after it
    bot.close();

    assertThat(api.delivered(group)).hasSize(1);
    assertThat(api.confirmedBelow()).isGreaterThan(last);
  }

  @Test
  void forgedFeedbackButton_forAGuideTheKnowledgeLacks_isNotCounted() throws Exception {
    FakeBotApi.Call guide = ask("How do I stop LinkedIn using my CV?");

    api.push(
        Updates.callback(
            "cb-forged",
            ALICE,
            ALICE,
            "en",
            guide.messageId(),
            "f|en|evil-guide-visit-evil-example-com|1",
            guide.body().path("reply_markup")));

    FakeBotApi.Call answer =
        api.await(c -> c.method().equals("answercallbackquery"), 1, Duration.ofSeconds(5)).get(0);
    assertThat(answer.body().path("text").asText()).startsWith("This button no longer works");
    assertThat(store.feedback()).doesNotContainKey("evil-guide-visit-evil-example-com:up");
    assertThat(store.feedback()).isEmpty();
  }

  @Test
  void addedToAGroup_greetsItAndSaysHowToAsk() throws Exception {
    api.push(Updates.addedToGroup(-100_200L, ALICE, "en"));

    FakeBotApi.Call hello = api.awaitDelivered(-100_200L, 1).get(0);
    assertThat(hello.text()).startsWith("Hello! Ask me here by mentioning @" + FakeBotApi.USERNAME);
  }

  @Test
  void groupQuestion_getsTheGistAndAButtonToContinueInPrivate() throws Exception {
    long group = -100_300L;
    api.push(
        Updates.groupText(
            group, ALICE, "@" + FakeBotApi.USERNAME + " how do I stop LinkedIn using my CV?"));

    FakeBotApi.Call reply = api.awaitDelivered(group, 1).get(0);
    assertThat(reply.text()).contains("What to do on LinkedIn:").doesNotContain("1. Click");
    assertThat(buttons(reply)).hasSize(1);
    assertThat(buttons(reply).get(0).path("url").asText())
        .isEqualTo("https://t.me/" + FakeBotApi.USERNAME + "?start=linkedin");
  }

  @Test
  void group_eachMemberIsAnsweredInTheirOwnLanguage_notTheLastSpeakers() throws Exception {
    long group = -100_310L;
    long lea = 9_876_010L;
    api.push(
        Updates.text(
            group,
            "supergroup",
            lea,
            "fr",
            "@" + FakeBotApi.USERNAME + " comment empêcher LinkedIn d'utiliser mes données ?",
            0));
    api.push(Updates.text(group, "supergroup", ALICE, "en", "/help@" + FakeBotApi.USERNAME, 0));
    api.push(
        Updates.text(group, "supergroup", ALICE, "en", "@" + FakeBotApi.USERNAME + " TikTok", 0));
    api.push(Updates.text(group, "supergroup", lea, "fr", "/help@" + FakeBotApi.USERNAME, 0));

    List<FakeBotApi.Call> replies = api.awaitDelivered(group, 4);

    assertThat(replies.get(0).text()).startsWith("<b>Empêcher LinkedIn");
    assertThat(replies.get(1).text()).startsWith("<b>What I can do</b>");
    assertThat(replies.get(2).text()).startsWith("<b>TikTok and AI training");
    assertThat(replies.get(3).text()).startsWith("<b>Ce que je sais faire</b>");
  }

  @Test
  void group_letterRequest_isMovedToAPrivateChatByADeepLink() throws Exception {
    long group = -100_311L;
    api.push(
        Updates.text(
            group, "supergroup", ALICE, "en", "/letter@" + FakeBotApi.USERNAME + " tiktok", 0));

    FakeBotApi.Call reply = api.awaitDelivered(group, 1).get(0);

    assertThat(reply.text())
        .isEqualTo(
            "I write objection letters in a private chat, not in the group: tap below to write the"
                + " one to TikTok there.");
    assertThat(buttons(reply)).hasSize(1);
    assertThat(buttons(reply).get(0).path("url").asText())
        .isEqualTo("https://t.me/" + FakeBotApi.USERNAME + "?start=letter_tiktok");
    // nothing of the letter is kept for the group: no law is asked there
    assertThat(store.load(ChatRef.assistantKey(group)).lastIntent()).isEmpty();
  }

  @Test
  void group_checklistAskedInWords_isMovedToAPrivateChatByADeepLink() throws Exception {
    long group = -100_312L;
    api.push(
        Updates.text(
            group,
            "supergroup",
            ALICE,
            "en",
            "@" + FakeBotApi.USERNAME + " help me opt out everywhere",
            0));

    FakeBotApi.Call reply = api.awaitDelivered(group, 1).get(0);

    assertThat(reply.text()).startsWith("The checklist is personal");
    assertThat(buttons(reply).get(0).path("url").asText())
        .isEqualTo("https://t.me/" + FakeBotApi.USERNAME + "?start=checklist");
    assertThat(store.checklist(ChatRef.assistantKey(group))).isEmpty();
  }

  @Test
  void deepLink_fromAGroup_startsTheLetterOrTheChecklistInPrivate() throws Exception {
    FakeBotApi.Call letter = ask("/start letter_tiktok");
    assertThat(letter.text()).contains("Which law applies to you?");
    assertThat(callbackData(letter)).contains("c|en|/region ch");

    FakeBotApi.Call checklist = ask("/start checklist");
    assertThat(checklist.text()).contains("Tick the platforms you use");
  }

  @Test
  void mydataInAGroup_saysItConcernsTheGroup() throws Exception {
    long group = -100_301L;
    api.push(Updates.groupText(group, ALICE, "/mydata@" + FakeBotApi.USERNAME));

    assertThat(api.awaitDelivered(group, 1).get(0).text())
        .contains("In a group, this concerns the group's conversation with me");
  }

  @Test
  void startPicked_startsTheChecklistWithTheTickedPlatforms() throws Exception {
    FakeBotApi.Call list = ask("/checklist");
    com.fasterxml.jackson.databind.node.ObjectNode markup =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            list.body().path("reply_markup").deepCopy();
    // the list as Telegram hands it back after TikTok was ticked
    for (JsonNode row : markup.path("inline_keyboard")) {
      for (JsonNode b : row) {
        if (b.path("callback_data").asText().equals("t|en|3")) {
          ((com.fasterxml.jackson.databind.node.ObjectNode) b)
              .put("text", "✅ " + b.path("text").asText());
        }
      }
    }

    api.push(Updates.callback("cb-k", ALICE, ALICE, "en", list.messageId(), "k|en", markup));

    FakeBotApi.Call first = api.awaitDelivered(ALICE, 2).get(1);
    assertThat(first.text()).contains("TikTok").contains("Platform 1 of 1");
  }

  @Test
  void toast_speaksTheChatsLanguageNotTheTappersApp() throws Exception {
    ask("/lang fr");
    FakeBotApi.Call guide = api.awaitDelivered(ALICE, 1).get(0);
    FakeBotApi.Call answer = ask("How do I stop LinkedIn using my CV?");

    api.push(
        Updates.callback(
            "cb-fr",
            ALICE,
            ALICE,
            "en",
            answer.messageId(),
            "f|fr|linkedin|1",
            answer.body().path("reply_markup")));

    FakeBotApi.Call toast =
        api.await(c -> c.method().equals("answercallbackquery"), 1, Duration.ofSeconds(5)).get(0);
    assertThat(guide.text()).contains("français");
    assertThat(toast.body().path("text").asText()).startsWith("Merci");
  }

  @Test
  void tapsBeyondTheFloodLimit_areStillAnsweredSoNoButtonKeepsSpinning() throws Exception {
    int taps = 40; // the flood limit of these tests is 30 per 10 s
    for (int i = 0; i < taps; i++) {
      api.push(Updates.callback("flood-" + i, ALICE, ALICE, "en", 5, "p|en", null));
    }

    List<FakeBotApi.Call> answers =
        api.await(c -> c.method().equals("answercallbackquery"), taps, Duration.ofSeconds(10));
    assertThat(answers.stream().map(c -> c.body().path("callback_query_id").asText()).distinct())
        .hasSize(taps);
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
