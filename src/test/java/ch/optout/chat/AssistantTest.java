package ch.optout.chat;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.MutableClock;
import ch.optout.TestPipeline;
import ch.optout.answer.Answer;
import ch.optout.answer.AnswerKind;
import ch.optout.knowledge.Language;
import ch.optout.store.ChatState;
import ch.optout.store.ChecklistStatus;
import ch.optout.store.InMemoryChatStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AssistantTest {
  private static final TestPipeline PIPELINE = TestPipeline.fixture();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T10:00:00Z"));
  private final InMemoryChatStore store = new InMemoryChatStore(clock);
  private final Assistant assistant = PIPELINE.assistant(store, clock);

  @Test
  void reply_followUpWithoutPlatform_usesTheLastPlatformOfTheChat() {
    assistant.reply("c1", "How do I stop LinkedIn training AI on me?");

    Answer followUp = assistant.reply("c1", "and on my phone?").answer();

    assertThat(followUp.answered()).isTrue();
    assertThat(followUp.platformId()).contains("linkedin");
  }

  @Test
  void reply_followUpNamingAnotherPlatform_switchesToIt() {
    assistant.reply("c1", "Comment empêcher LinkedIn d'utiliser mes données ?");

    Answer followUp = assistant.reply("c1", "et sur Instagram ?").answer();

    assertThat(followUp.platformId()).contains("meta");
    assertThat(followUp.language()).isEqualTo(Language.FR);
  }

  @Test
  void reply_followUpAfterAnHour_noLongerUsesTheOldContext() {
    assistant.reply("c1", "How do I stop LinkedIn training AI on me?");
    clock.advance(Duration.ofMinutes(61));

    assertThat(assistant.reply("c1", "and on my phone?").answer().answered()).isFalse();
  }

  @Test
  void reply_contextOfOneChat_neverLeaksIntoAnother() {
    assistant.reply("c1", "How do I stop LinkedIn training AI on me?");

    assertThat(assistant.reply("c2", "and on my phone?").answer().answered()).isFalse();
  }

  @Test
  void reply_storesNoMessageText() {
    assistant.reply("c1", "How do I stop LinkedIn training AI on my secret project?");

    ChatState state = store.load("c1");
    assertThat(state.toString()).doesNotContain("secret");
    assertThat(state.lastPlatform()).contains("linkedin");
  }

  @Test
  void lang_setsTheChatsLanguageForAmbiguousQuestions() {
    assertThat(assistant.reply("c1", "/lang fr").answer().lead())
        .isEqualTo("Désormais je réponds en français.");

    Answer a = assistant.reply("c1", "LinkedIn").answer();

    assertThat(a.language()).isEqualTo(Language.FR);
    assertThat(a.answered()).isTrue();
  }

  @Test
  void reply_ambiguousQuestion_usesTheClientLanguageWhenNoChoiceWasMade() {
    Answer a = assistant.reply("c1", "TikTok", Optional.of(Language.FR), Optional.empty()).answer();
    assertThat(a.language()).isEqualTo(Language.FR);
  }

  @Test
  void forget_erasesEverythingAndMydataSaysSo() {
    assistant.reply("c1", "/lang fr");
    assistant.reply("c1", "LinkedIn ?");
    assertThat(assistant.reply("c1", "/mydata").answer().lead())
        .contains("Langue choisie : fr")
        .contains("LinkedIn");

    assertThat(assistant.reply("c1", "/forget").answer().lead()).contains("effacé");

    assertThat(store.load("c1")).isEqualTo(ChatState.EMPTY);
    assertThat(assistant.reply("c1", "/mydata").answer().lead())
        .startsWith("Nothing: I keep no data about this chat.");
  }

  @Test
  void mydata_showsChoicesContextWithItsExpiryAndChecklistProgress_inBothLanguages() {
    assistant.reply("c1", "/lang fr");
    assistant.reply("c1", "Comment empêcher LinkedIn d'utiliser mes données ?");
    store.markChecklist("c1", "meta", ChecklistStatus.DONE);

    String fr = assistant.reply("c1", "/mydata").answer().lead();
    assistant.reply("c1", "/lang en");
    String en = assistant.reply("c1", "/mydata").answer().lead();

    assertThat(fr)
        .contains("• Langue choisie : fr")
        .contains(
            "• Dernière plateforme abordée : LinkedIn, type de question : comment refuser (gardée jusqu'au 2026-01-10 11:00 UTC")
        .contains(
            "Progression dans la liste de contrôle :\n   – Meta (Facebook, Instagram) : fait (2026-01-10)")
        .contains("/forget efface");
    assertThat(en)
        .contains("• Language chosen: en")
        .contains(
            "Last platform discussed: LinkedIn, question type: how to opt out (kept until 2026-01-10 11:00 UTC")
        .contains("Meta (Facebook, Instagram): done (2026-01-10)")
        .contains("/forget erases");
  }

  @Test
  void mydata_whileAskingWhichPlatform_saysSoInWords() {
    Reply asked = assistant.reply("c1", "how do I stop them training AI on my stuff?");

    assertThat(asked.answer().lead()).contains("Which platform");
    assertThat(assistant.reply("c1", "/mydata").answer().lead())
        .contains("a question, waiting for the platform's name")
        .doesNotContain("CLARIFY");
  }

  @Test
  void mydata_afterTheContextExpired_nolongerShowsIt() {
    assistant.reply("c1", "How do I stop LinkedIn training AI on me?");
    clock.advance(Duration.ofMinutes(61));

    assertThat(assistant.reply("c1", "/mydata").answer().lead())
        .startsWith("Nothing: I keep no data about this chat.");
  }

  @Test
  void answers_areCountedPerGuideWithoutTheChat() {
    assistant.reply("c1", "How do I stop LinkedIn training AI on me?");
    assistant.openGuide("c2", "tiktok", Language.EN);
    // laying a guide's steps out again (a keyboard, a device button) is no new answer
    assistant.guide("tiktok", Language.EN);
    assistant.guide("linkedin", Language.EN);

    assertThat(store.guideDays(java.time.LocalDate.MIN))
        .extracting(d -> d.guideId() + "=" + d.answers())
        .containsExactly("linkedin=1", "tiktok=1");
  }

  @Test
  void openedGuide_becomesTheConversationsPlatform() {
    assistant.openGuide("c1", "tiktok", Language.EN);

    Reply followUp = assistant.reply("c1", "and on my phone?");

    assertThat(followUp.answer().platformId()).contains("tiktok");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/start",
        "/help",
        "/platforms",
        "/about",
        "/checklist",
        "/mydata",
        "/start@OptOutBot"
      })
  void commands_allAnswerInBothLanguages(String command) {
    Answer en = assistant.reply("en", command).answer();
    assistant.reply("fr", "/lang fr");
    Answer fr = assistant.reply("fr", command).answer();

    assertThat(en.language()).isEqualTo(Language.EN);
    assertThat(fr.language()).isEqualTo(Language.FR);
    assertThat(en.title() + en.lead() + en.allSteps()).isNotBlank();
    assertThat(fr.title() + fr.lead()).isNotEqualTo(en.title() + en.lead());
  }

  @Test
  void unknownCommand_pointsToHelp() {
    Answer a = assistant.reply("c1", "/frobnicate").answer();
    assertThat(a.answered()).isFalse();
    assertThat(a.lead()).contains("/frobnicate").contains("/help");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "   ", "\u0000\u0001\u0002", "🙂🙂🙂", "\u200b\u200b", "?!...", "\t\n"})
  void reply_emptyOrSymbolOnlyInput_asksForAQuestion(String text) {
    Answer a = assistant.reply("c1", text).answer();
    assertThat(a.answered()).isFalse();
    assertThat(a.lead()).startsWith("Please type a question");
  }

  @Test
  void reply_hugeQuestion_isCutAndTheUserIsTold() {
    String huge = "How do I stop LinkedIn using my CV? " + "blah ".repeat(20_000);

    Answer a = assistant.reply("c1", huge).answer();

    assertThat(a.platformId()).contains("linkedin");
    assertThat(a.lead()).startsWith("Your message was long").contains("1000");
  }

  @Test
  void reply_longPasteWithTheQuestionAtTheEnd_readsTheLastSentenceToo() {
    String paste =
        "Here is what I read about social networks and data. ".repeat(60)
            + "Can I stop TikTok using my videos?";

    Answer a = assistant.reply("c1", paste).answer();

    assertThat(a.platformId()).contains("tiktok");
    assertThat(a.lead())
        .startsWith("Your message was long: I read its start and its last sentence");
  }

  @Test
  void reply_greeting_isAnsweredWithWhatOptOutDoes() {
    Answer a = assistant.reply("c1", "Bonjour").answer();
    assertThat(a.kind()).isEqualTo(AnswerKind.MESSAGE);
    assertThat(a.language()).isEqualTo(Language.FR);
  }

  @Test
  void replyInGroup_letterForAServiceWithoutAGuide_startsInPrivateByItsListedName() {
    Reply inGroup = assistant.replyInGroup("g1", "/letter Bumble", Optional.of(Language.EN));

    assertThat(inGroup.privateStart()).contains("letter_bumble");
    assertThat(inGroup.answer().lead()).contains("Bumble");
    // in private, the Bumble letter begins: it asks which law applies
    Reply inPrivate = assistant.reply("c1", "/start letter_bumble");
    assertThat(inPrivate.answer().title()).isEqualTo("Which law applies to you?");
    assertThat(inPrivate.choices()).extracting(o -> o.choice().command()).contains("/region ch");
  }

  @Test
  void replyInGroup_neverPutsTheMembersWordsInTheStartPayload() {
    Reply inGroup =
        assistant.replyInGroup("g1", "/letter Jean Dupont secret", Optional.of(Language.EN));

    assertThat(inGroup.privateStart()).contains("letter");
  }

  @Test
  void replyInGroup_usesTheMembersLanguageForAmbiguousText_notTheGroupsLast() {
    assistant.replyInGroup(
        "g1", "Comment empêcher LinkedIn d'utiliser mes données ?", Optional.of(Language.FR));

    assertThat(assistant.replyInGroup("g1", "TikTok", Optional.of(Language.EN)).answer().language())
        .isEqualTo(Language.EN);
    assertThat(assistant.reply("c1", "/start checklist").answer().kind())
        .isEqualTo(AnswerKind.CHECKLIST);
  }
}
