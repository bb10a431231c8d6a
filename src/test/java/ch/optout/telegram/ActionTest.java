package ch.optout.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.answer.LegalRegime;
import ch.optout.chat.Choice;
import ch.optout.knowledge.Language;
import ch.optout.store.ChecklistStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ActionTest {
  static List<Action> actions() {
    return List.of(
        new Action.ShowGuide(Language.FR, "linkedin"),
        new Action.ShowSteps(Language.EN, "meta", 1),
        new Action.ShowSteps(Language.EN, "meta", -1),
        new Action.Feedback(Language.FR, "tiktok", false),
        new Action.Feedback(Language.EN, "x-twitter", true),
        new Action.ListPlatforms(Language.EN),
        new Action.SetLanguage(Language.FR),
        new Action.Choose(
            Language.EN, new Choice.MarkItem(ChecklistStatus.DONE, Optional.of("linkedin"))),
        new Action.Choose(Language.FR, new Choice.LetterRegion(LegalRegime.CH)),
        new Action.Choose(Language.EN, new Choice.OpenChecklist()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "c|en|/checklist done linkedin",
        "c|fr|/region ch",
        "c|en|/watch off meta",
        "c|en|/remind linkedin 20261203",
        "c|en|/start meta"
      })
  void decode_aChoiceAsEveryVersionWroteIt_isThatChoice(String data) {
    Action.Choose choose = (Action.Choose) Action.decode(data).orElseThrow();

    assertThat(choose.encode()).isEqualTo(data);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Meta", "/letter a-service-whose-token-is-too-long-for-a-button-x"})
  void fitsInButton_aChoiceThatCouldNotBeReadBack_isFalse(String command) {
    Choice choice =
        command.startsWith("/")
            ? new Choice.WriteLetter(command.substring("/letter ".length()))
            : new Choice.NamePlatform(command);

    assertThat(new Action.Choose(Language.EN, choice).fitsInButton()).isFalse();
  }

  @ParameterizedTest
  @MethodSource("actions")
  void decode_whatEncodeWrote_givesTheSameAction(Action action) {
    assertThat(action.fitsInButton()).isTrue();
    assertThat(Action.decode(action.encode())).contains(action);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "g",
        "g|",
        "g|de|linkedin",
        "g|EN|linkedin",
        "g|en|",
        "g|en|LinkedIn",
        "g|en|../etc",
        "g|en|linkedin|extra",
        "s|en|meta",
        "s|en|meta|x",
        "s|en|meta|12",
        "s|en|meta|-2",
        "f|en|meta|yes",
        "f|en|meta",
        "p|en|x",
        "l|fr-CH",
        "c|en|/checklist reset",
        "c|en|Meta",
        "c|en|/lang fr|x",
        "c|de|/checklist",
        "z|en",
        "g|en|aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
      })
  void decode_anythingElse_isEmpty(String data) {
    assertThat(Action.decode(data)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"a-very-long-guide-identifier-that-would-not-fit-into-telegram-callback-data"})
  void fitsInButton_idTooLongForTelegram_isFalse(String id) {
    assertThat(new Action.ShowSteps(Language.EN, id, 0).fitsInButton()).isFalse();
  }
}
