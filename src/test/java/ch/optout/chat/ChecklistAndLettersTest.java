package ch.optout.chat;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.TestPipeline;
import ch.optout.answer.Answer;
import ch.optout.answer.AnswerKind;
import ch.optout.knowledge.Language;
import ch.optout.store.ChatStore;
import ch.optout.store.ChecklistItem;
import ch.optout.store.ChecklistStatus;
import ch.optout.store.InMemoryChatStore;
import ch.optout.store.Region;
import ch.optout.store.SqliteChatStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "act everywhere" conversation over the fixture knowledge: LinkedIn (1), Meta (2), TikTok (3).
 */
class ChecklistAndLettersTest {
  private static final TestPipeline PIPELINE = TestPipeline.fixture();
  private final Clock clock = Clock.systemUTC();

  @TempDir Path dataDir;

  private static String statuses(ChatStore store, String chat) {
    return store.checklist(chat).stream()
        .map(i -> i.platformId() + "=" + i.status())
        .sorted()
        .toList()
        .toString();
  }

  @Test
  void checklist_inEnglish_picksAdvancesSkipsAndFinishes() {
    InMemoryChatStore store = new InMemoryChatStore(clock);
    Assistant assistant = PIPELINE.assistant(store, clock);

    Reply pick = assistant.reply("c", "help me opt out everywhere");
    assertThat(pick.answer().kind()).isEqualTo(AnswerKind.CHECKLIST);
    assertThat(pick.answer().lead()).contains("reply with their numbers");

    Reply first = assistant.reply("c", "1 3");
    assertThat(first.answer().platformId()).contains("linkedin");
    assertThat(first.answer().lead()).startsWith("Platform 1 of 2 — 0/2 done, 0 skipped, 2 to do");
    assertThat(first.choices())
        .extracting(o -> o.choice().command())
        .containsExactly(
            "/checklist done linkedin", "/checklist skip linkedin", "/checklist later linkedin");

    Reply second = assistant.reply("c", "done");
    assertThat(second.answer().platformId()).contains("tiktok");
    assertThat(second.answer().notes()).anySatisfy(n -> assertThat(n).contains("/letter tiktok"));
    assertThat(second.choices()).extracting(o -> o.choice().command()).contains("/letter tiktok");

    Reply end = assistant.reply("c", "skip");
    assertThat(end.answer().title()).isEqualTo("Your checklist is complete");
    assertThat(end.answer().lead()).startsWith("1/2 done, 1 skipped, 0 to do");
    assertThat(statuses(store, "c")).isEqualTo("[linkedin=DONE, tiktok=SKIPPED]");
  }

  @Test
  void checklist_inFrench_staysFrenchForNumbersAndLater() {
    InMemoryChatStore store = new InMemoryChatStore(clock);
    Assistant assistant = PIPELINE.assistant(store, clock);

    assistant.reply("c", "je veux tout bloquer partout");
    Reply first = assistant.reply("c", "tout");
    assertThat(first.answer().language()).isEqualTo(Language.FR);
    assertThat(first.answer().lead()).startsWith("Plateforme 1 sur 3 — 0/3 faites");

    Reply later = assistant.reply("c", "plus tard");
    assertThat(later.answer().platformId()).contains("meta");
    Reply next = assistant.reply("c", "fait");
    assertThat(next.answer().platformId()).contains("tiktok");
    Reply back = assistant.reply("c", "fait");
    assertThat(back.answer().platformId())
        .as("the one left for later comes back")
        .contains("linkedin");
    assertThat(back.answer().lead()).contains("2/3 faites");
  }

  @Test
  void checklist_resumesAfterARestartFromTheSqliteFile() {
    try (SqliteChatStore store = new SqliteChatStore(dataDir, clock)) {
      Assistant assistant = PIPELINE.assistant(store, clock);
      assistant.reply("c", "/checklist");
      assistant.reply("c", "1 2 3");
      assistant.reply("c", "/checklist done");
    }
    try (SqliteChatStore reopened = new SqliteChatStore(dataDir, clock)) {
      Assistant assistant = PIPELINE.assistant(reopened, clock);
      Reply resumed = assistant.reply("c", "/checklist");
      assertThat(resumed.answer().platformId()).contains("meta");
      assertThat(resumed.answer().lead()).contains("1/3 done");

      assertThat(assistant.reply("c", "/checklist reset").answer().lead()).contains("cleared");
      assertThat(reopened.checklist("c")).isEmpty();
      assertThat(assistant.reply("c", "/checklist").answer().kind())
          .isEqualTo(AnswerKind.CHECKLIST);
    }
  }

  @Test
  void checklist_textThatIsNotAnAnswer_isHandledAsAQuestion() {
    Assistant assistant = PIPELINE.assistant(new InMemoryChatStore(clock), clock);
    assistant.reply("c", "/checklist");

    Answer a = assistant.reply("c", "How do I stop TikTok using my videos?").answer();

    assertThat(a.platformId()).contains("tiktok");
    assertThat(a.lead()).doesNotContain("Platform");
  }

  @Test
  void letter_asksTheRegionOnceThenWritesAndRemembersIt() {
    InMemoryChatStore store = new InMemoryChatStore(clock);
    Assistant assistant = PIPELINE.assistant(store, clock);

    Reply question = assistant.reply("c", "write an objection letter to TikTok");
    assertThat(question.answer().title()).isEqualTo("Which law applies to you?");
    assertThat(question.choices())
        .extracting(o -> o.choice().command())
        .containsExactly("/region eu", "/region uk", "/region ch");

    Answer letter = assistant.reply("c", "2").answer();
    assertThat(letter.kind()).isEqualTo(AnswerKind.LETTER);
    assertThat(letter.document())
        .contains("Regime uk-gdpr in en")
        .contains("To: TikTok — privacy@tiktok.example");
    assertThat(store.load("c").region()).contains(Region.UK);

    Answer second = assistant.reply("c", "/letter linkedin").answer();
    assertThat(second.document())
        .contains("Regime uk-gdpr in en")
        .contains("LinkedIn Ireland Unlimited Company");
    assertThat(second.lead()).contains("TS-DPRO");
  }

  @Test
  void letter_inFrench_withTheRegionInTheRequest_needsNoQuestion() {
    Assistant assistant = PIPELINE.assistant(new InMemoryChatStore(clock), clock);

    Answer letter =
        assistant.reply("c", "lettre d'opposition pour TikTok, j'habite en Suisse").answer();

    assertThat(letter.language()).isEqualTo(Language.FR);
    assertThat(letter.document()).contains("Regime swiss-fadp in fr");
    assertThat(letter.sources().get(0).url().toString()).isEqualTo("mailto:privacy@tiktok.example");
  }

  @Test
  void letter_neverContainsWhatTheStoreKnowsAboutTheChat() {
    InMemoryChatStore store = new InMemoryChatStore(clock);
    Assistant assistant = PIPELINE.assistant(store, clock);
    String chatId = "123456789";
    assistant.reply(chatId, "/lang en");
    assistant.reply(chatId, "/region ch");
    assistant.reply(chatId, "/checklist");
    assistant.reply(chatId, "1");

    Answer letter = assistant.reply(chatId, "/letter meta").answer();

    assertThat(letter.document())
        .doesNotContain(chatId)
        .contains("[your full name]")
        .contains("To: Meta Platforms Ireland Limited");
    assertThat(letter.lead()).contains("has its own objection form");
  }

  @Test
  void letter_withoutPlatform_asksWhichOne() {
    Answer a =
        PIPELINE.assistant(new InMemoryChatStore(clock), clock).reply("c", "/letter").answer();
    assertThat(a.answered()).isFalse();
    assertThat(a.lead()).contains("For which platform?");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "How do I stop TikTok using my videos?  | write me a letter",
        "How do I stop TikTok using my videos?  | can you write the objection letter?",
        "Comment empêcher TikTok d'utiliser mes vidéos ? | écris-moi une lettre",
        "Comment empêcher TikTok d'utiliser mes vidéos ? | je veux leur envoyer une lettre"
      })
  void letter_askedAfterAGuide_isForThePlatformInContext(String guide, String ask) {
    InMemoryChatStore store = new InMemoryChatStore(clock);
    Assistant assistant = PIPELINE.assistant(store, clock);
    assistant.reply("c", "/region ch");
    assistant.reply("c", guide.strip());

    Answer letter = assistant.reply("c", ask.strip()).answer();

    assertThat(letter.kind()).isEqualTo(AnswerKind.LETTER);
    assertThat(letter.document()).contains("privacy@tiktok.example");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"write a letter to my landlord", "écris une lettre à mon propriétaire"})
  void letter_toSomeoneElse_afterAGuide_isStillNotOurs(String ask) {
    Assistant assistant = PIPELINE.assistant(new InMemoryChatStore(clock), clock);
    assistant.reply("c", "How do I stop TikTok using my videos?");

    Answer a = assistant.reply("c", ask).answer();

    assertThat(a.kind()).isNotEqualTo(AnswerKind.LETTER);
    assertThat(a.answered()).isFalse();
  }

  @Test
  void region_unknownValue_offersTheThreeChoices() {
    Reply r = PIPELINE.assistant(new InMemoryChatStore(clock), clock).reply("c", "/region mars");
    assertThat(r.choices()).hasSize(3);
  }

  @Test
  void checklistItems_areInTheStoreWithTodaysDate() {
    InMemoryChatStore store = new InMemoryChatStore(clock);
    Assistant assistant = PIPELINE.assistant(store, clock);
    assistant.reply("c", "/checklist all");
    List<ChecklistItem> items = store.checklist("c");
    assertThat(items)
        .hasSize(3)
        .allSatisfy(i -> assertThat(i.status()).isEqualTo(ChecklistStatus.LATER));
  }

  @Test
  void letter_toAServiceWithoutGuide_usesTheReviewedTemplateAndSaysTheContactIsToFind() {
    InMemoryChatStore store = new InMemoryChatStore(clock);
    Assistant assistant = PIPELINE.assistant(store, clock);

    Reply asked = assistant.reply("c", "/letter Duolingo");
    Reply letter = assistant.reply("c", "3");

    assertThat(asked.answer().title()).isEqualTo("Which law applies to you?");
    assertThat(letter.answer().kind()).isEqualTo(ch.optout.answer.AnswerKind.LETTER);
    assertThat(letter.answer().title())
        .isEqualTo("Objection letter to Duolingo — the law of Switzerland (FADP)");
    assertThat(letter.answer().document()).contains("Duolingo").contains("[");
    assertThat(letter.answer().lead()).contains("I have no guide for Duolingo");
  }

  @Test
  void checklist_bundled_listsOnlyServicesWithSomethingToDo() {
    TestPipeline bundled = TestPipeline.bundled();

    ch.optout.answer.Answer list = bundled.composer.checklist(ch.optout.knowledge.Language.EN);

    assertThat(list.allSteps())
        .anySatisfy(s -> assertThat(s).startsWith("**GitHub Copilot**"))
        .anySatisfy(s -> assertThat(s).startsWith("**Spotify**"))
        .noneSatisfy(s -> assertThat(s).startsWith("**Gmail"));
    assertThat(list.notes()).anySatisfy(n -> assertThat(n).contains("Gmail (Google)"));
  }

  @Test
  void checklist_typedDoneWithAHyphenatedId_marksThatItem() {
    TestPipeline bundled = TestPipeline.bundled();
    InMemoryChatStore store = new InMemoryChatStore(clock);
    Assistant assistant = bundled.assistant(store, clock);
    assistant.reply("c", "/checklist all");

    assistant.reply("c", "/checklist done github-copilot");

    assertThat(store.checklist("c"))
        .filteredOn(i -> i.platformId().equals("github-copilot"))
        .singleElement()
        .extracting(ChecklistItem::status)
        .isEqualTo(ChecklistStatus.DONE);
  }

  @Test
  void checklist_anOldItemsButton_actsOnItsOwnItem_andLaterOnTheLastOneEndsTheRound() {
    InMemoryChatStore store = new InMemoryChatStore(clock);
    Assistant assistant = PIPELINE.assistant(store, clock);
    assistant.reply("c", "help me opt out everywhere");
    assistant.reply("c", "1 3");
    assistant.reply("c", "done"); // LinkedIn done, TikTok shown

    // the ⏭ under the finished LinkedIn message: it carries LinkedIn, not the current TikTok
    assistant.reply("c", "/checklist skip linkedin");
    assertThat(statuses(store, "c")).isEqualTo("[linkedin=SKIPPED, tiktok=LATER]");

    Reply later = assistant.reply("c", "/checklist later tiktok");
    assertThat(later.answer().title()).isEqualTo("Round over: the rest is for later");
    assertThat(later.answer().lead()).startsWith("0/2 done, 1 skipped, 1 to do");
  }

  @Test
  void checklist_aQuestionInTheMiddle_isAnsweredAndTheChecklistWaits() {
    InMemoryChatStore store = new InMemoryChatStore(clock);
    Assistant assistant = PIPELINE.assistant(store, clock);
    assistant.reply("c", "help me opt out everywhere");
    assistant.reply("c", "1 3"); // LinkedIn shown

    Reply question = assistant.reply("c", "is it retroactive?");
    Reply done = assistant.reply("c", "done");

    assertThat(question.answer().answered()).isTrue();
    assertThat(question.answer().lead()).startsWith("No. It only stops future training");
    assertThat(question.answer().notes())
        .anySatisfy(n -> assertThat(n).startsWith("Your checklist is waiting at LinkedIn"));
    assertThat(done.answer().platformId()).contains("tiktok");
  }
}
