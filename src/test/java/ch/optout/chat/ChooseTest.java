package ch.optout.chat;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.MutableClock;
import ch.optout.TestPipeline;
import ch.optout.answer.AnswerKind;
import ch.optout.answer.LegalRegime;
import ch.optout.knowledge.Guide;
import ch.optout.knowledge.Language;
import ch.optout.store.ChecklistStatus;
import ch.optout.store.InMemoryChatStore;
import ch.optout.store.Region;
import ch.optout.store.Reminder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A choice carried out by {@link Assistant#choose}, as a channel's button does it. */
class ChooseTest {
  private static final TestPipeline PIPELINE = TestPipeline.fixture();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
  private final InMemoryChatStore store = new InMemoryChatStore(clock);
  private final Assistant assistant = PIPELINE.assistant(store, clock);

  static Stream<Choice> choices() {
    return Stream.of(
        new Choice.OpenChecklist(),
        new Choice.PickAll(),
        new Choice.PickSome(List.of(1, 3)),
        new Choice.WriteLetter("tiktok"),
        new Choice.LetterRegion(LegalRegime.UK),
        new Choice.RemindMe("tiktok", Reminder.Kind.LETTER, Optional.empty()),
        new Choice.RemindMe("meta", Reminder.Kind.FORM, Optional.empty()),
        new Choice.Follow("linkedin"),
        new Choice.Unfollow("linkedin"),
        new Choice.ReminderAnswer(Choice.ReminderAnswer.Outcome.NONE, "tiktok"),
        new Choice.OpenGuide("meta"),
        new Choice.SetLanguage(Language.FR));
  }

  @ParameterizedTest
  @MethodSource("choices")
  void choose_answersAsTypingItsCommandDoes(Choice choice) {
    InMemoryChatStore typedStore = new InMemoryChatStore(clock);
    Assistant typing = PIPELINE.assistant(typedStore, clock);

    Reply chosen = assistant.choose("c", choice, Optional.of(Language.EN));
    Reply typed = typing.reply("c", choice.command(), Optional.of(Language.EN), Optional.empty());

    assertThat(chosen).isEqualTo(typed);
    assertThat(store.export("c").checklist()).isEqualTo(typedStore.export("c").checklist());
    assertThat(store.load("c")).isEqualTo(typedStore.load("c"));
  }

  @Test
  void choose_doneUnderAnItem_marksItAndShowsTheNext() {
    assistant.reply("c", "help me opt out everywhere");
    Reply linkedin = assistant.choose("c", new Choice.PickSome(List.of(1, 3)), Optional.empty());
    Choice done = linkedin.choices().get(0).choice();

    Reply tiktok = assistant.choose("c", done, Optional.empty());

    assertThat(done).isEqualTo(new Choice.MarkItem(ChecklistStatus.DONE, Optional.of("linkedin")));
    assertThat(tiktok.answer().platformId()).contains("tiktok");
    assertThat(store.checklist("c"))
        .extracting(i -> i.platformId() + "=" + i.status())
        .containsExactlyInAnyOrder("linkedin=DONE", "tiktok=LATER");
    // the same button again, on the older message: refused, and said why
    assertThat(assistant.refusedChoice("c", done, Language.EN))
        .contains(
            "LinkedIn is already marked done: this button is from an older message. /checklist"
                + " shows where you are.");
  }

  @Test
  void choose_theLawOfAWaitingLetter_writesTheLetter() {
    Reply asked = assistant.reply("c", "write an objection letter to TikTok");
    Choice swiss = asked.choices().get(2).choice();

    Reply letter = assistant.choose("c", swiss, Optional.of(Language.EN));

    assertThat(swiss).isEqualTo(new Choice.LetterRegion(LegalRegime.CH));
    assertThat(letter.answer().kind()).isEqualTo(AnswerKind.LETTER);
    assertThat(letter.answer().platformId()).contains("tiktok");
    assertThat(store.load("c").region()).contains(Region.CH);
  }

  @Test
  void chooseInGroup_aLetterOrTheChecklist_givesTheLineThatStartsItInPrivate() {
    Reply letter =
        assistant.chooseInGroup("g", new Choice.WriteLetter("tiktok"), Optional.of(Language.EN));
    Reply checklist =
        assistant.chooseInGroup(
            "g",
            new Choice.MarkItem(ChecklistStatus.DONE, Optional.of("linkedin")),
            Optional.of(Language.EN));

    assertThat(letter.privateStart()).contains("letter_tiktok");
    assertThat(checklist.privateStart()).contains("checklist");
    assertThat(store.checklist("g")).isEmpty();
  }

  @Test
  void choose_doneUnderAPlatformWhoseIdHasAHyphen_marksThatPlatform() {
    TestPipeline bundled = TestPipeline.bundled();
    Assistant real = bundled.assistant(store, clock);
    List<String> ids =
        bundled.composer.checklistGuides(Language.EN).stream().map(Guide::id).toList();
    int copilot = ids.indexOf("github-copilot") + 1;
    real.choose("c", new Choice.PickSome(List.of(1, copilot)), Optional.of(Language.EN));
    Choice.MarkItem done = new Choice.MarkItem(ChecklistStatus.DONE, Optional.of("github-copilot"));

    assertThat(real.refusedChoice("c", done, Language.EN)).isPresent();
    real.choose(
        "c", new Choice.MarkItem(ChecklistStatus.SKIPPED, Optional.empty()), Optional.empty());
    assertThat(real.refusedChoice("c", done, Language.EN)).isEmpty();
    real.choose("c", done, Optional.of(Language.EN));

    assertThat(store.checklist("c"))
        .extracting(i -> i.platformId() + "=" + i.status())
        .containsExactlyInAnyOrder(ids.get(0) + "=SKIPPED", "github-copilot=DONE");
  }
}
