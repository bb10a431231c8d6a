package ch.optout.chat;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.answer.LegalRegime;
import ch.optout.chat.Choice.ReminderAnswer.Outcome;
import ch.optout.knowledge.Language;
import ch.optout.store.ChecklistStatus;
import ch.optout.store.Reminder;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChoiceTest {
  /** Each command a choice writes, byte for byte as every version before wrote it on a button. */
  static Stream<Arguments> commands() {
    return Stream.of(
        Arguments.of("/checklist", new Choice.OpenChecklist()),
        Arguments.of("/checklist all", new Choice.PickAll()),
        Arguments.of("/checklist 1 3", new Choice.PickSome(List.of(1, 3))),
        Arguments.of(
            "/checklist done linkedin",
            new Choice.MarkItem(ChecklistStatus.DONE, Optional.of("linkedin"))),
        Arguments.of(
            "/checklist skip google-photos",
            new Choice.MarkItem(ChecklistStatus.SKIPPED, Optional.of("google-photos"))),
        Arguments.of(
            "/checklist later", new Choice.MarkItem(ChecklistStatus.LATER, Optional.empty())),
        Arguments.of("/letter tiktok", new Choice.WriteLetter("tiktok")),
        Arguments.of("/region ch", new Choice.LetterRegion(LegalRegime.CH)),
        Arguments.of("/region uk", new Choice.LetterRegion(LegalRegime.UK)),
        Arguments.of(
            "/remind tiktok",
            new Choice.RemindMe("tiktok", Reminder.Kind.LETTER, Optional.empty())),
        Arguments.of(
            "/remind svc-duolingo",
            new Choice.RemindMe("svc-duolingo", Reminder.Kind.LETTER, Optional.empty())),
        Arguments.of(
            "/remind meta form", new Choice.RemindMe("meta", Reminder.Kind.FORM, Optional.empty())),
        Arguments.of(
            "/remind linkedin 20261203",
            new Choice.RemindMe(
                "linkedin", Reminder.Kind.LETTER, Optional.of(LocalDate.of(2026, 12, 3)))),
        Arguments.of("/watch linkedin", new Choice.Follow("linkedin")),
        Arguments.of("/watch off meta", new Choice.Unfollow("meta")),
        Arguments.of("/followup done tiktok", new Choice.ReminderAnswer(Outcome.DONE, "tiktok")),
        Arguments.of("/followup none tiktok", new Choice.ReminderAnswer(Outcome.NONE, "tiktok")),
        Arguments.of(
            "/followup refused tiktok", new Choice.ReminderAnswer(Outcome.REFUSED, "tiktok")),
        Arguments.of("/start meta", new Choice.OpenGuide("meta")),
        Arguments.of("/lang fr", new Choice.SetLanguage(Language.FR)));
  }

  @ParameterizedTest
  @MethodSource("commands")
  void command_isWhatOlderButtonsCarry_andParseReadsItBack(String command, Choice choice) {
    assertThat(choice.command()).isEqualTo(command);
    assertThat(Choice.parse(command)).contains(choice);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "/checklist reset",
        "/checklist done linkedin extra",
        "/checklist all linkedin",
        "/checklist 0",
        "/checklist 100",
        "/CHECKLIST",
        "/letter",
        "/letter TikTok",
        "/region mars",
        "/region",
        "/remind",
        "/remind tiktok soon",
        "/remind tiktok 20261399",
        "/watch",
        "/watch off",
        "/followup maybe tiktok",
        "/followup done",
        "/start",
        "/lang de",
        "/lang fr-ch",
        "/stats",
        "Meta",
        "/letter aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
      })
  void parse_anythingAChoiceDoesNotWrite_isEmpty(String command) {
    assertThat(Choice.parse(command)).isEmpty();
  }

  @Test
  void parse_aPlatformsName_isEmpty_forANameIsSaidNotRunFromAButton() {
    Choice meta = new Choice.NamePlatform("Meta");

    assertThat(meta.command()).isEqualTo("Meta");
    assertThat(Choice.parse(meta.command())).isEmpty();
  }
}
