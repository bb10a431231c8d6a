package ch.optout.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.knowledge.Language;
import java.util.List;
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
        new Action.SetLanguage(Language.FR));
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
