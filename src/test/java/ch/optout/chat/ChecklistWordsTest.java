package ch.optout.chat;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.store.ChecklistStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChecklistWordsTest {
  private final ChecklistWords words = ChecklistWords.load();

  @ParameterizedTest
  @CsvSource({
    "done, DONE",
    "fait, DONE",
    "C'est fait !, DONE",
    "ok fait, DONE",
    "Terminé, DONE",
    "fini, DONE",
    "ok done, DONE",
    "did it, DONE",
    "yes done, DONE",
    "ok c'est fait, DONE",
    "skip, SKIPPED",
    "passer, SKIPPED",
    "passe, SKIPPED",
    "ignorer, SKIPPED",
    "sauter, SKIPPED",
    "next, SKIPPED",
    "suivant, SKIPPED",
    "je passe, SKIPPED",
    "non, SKIPPED",
    "no, SKIPPED",
    "later, LATER",
    "plus tard, LATER",
    "après, LATER",
    "remind me later, LATER",
    "pas maintenant, LATER",
    "not now, LATER"
  })
  void status_aWordOfEitherLanguage_isItsStatus(String typed, ChecklistStatus status) {
    assertThat(words.status(ChecklistWords.fold(typed))).contains(status);
  }

  @ParameterizedTest
  @ValueSource(strings = {"maybe", "done it all", "ok"})
  void status_anyOtherText_isEmpty(String typed) {
    assertThat(words.status(ChecklistWords.fold(typed))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "all",
        "tout",
        "tous",
        "toutes",
        "all of them",
        "toutes les plateformes",
        "everything"
      })
  void pick_all_isEveryId(String typed) {
    assertThat(words.pick(ChecklistWords.fold(typed), List.of("a", "b"))).containsExactly("a", "b");
  }

  @Test
  void pick_numbers_areTheIdsInListOrder() {
    assertThat(words.pick(ChecklistWords.fold("3, 1 et 9"), List.of("a", "b", "c")))
        .containsExactly("c", "a");
  }

  @Test
  void resetAndPickWords_ofEitherLanguage_areKnown() {
    assertThat(List.of("reset", "effacer", "recommencer")).allMatch(words::resets);
    assertThat(words.withoutPickWord("choisir 1 4")).isEqualTo("1 4");
    assertThat(words.withoutPickWord("pick 2")).isEqualTo("2");
    assertThat(words.withoutPickWord("1 pick")).isEqualTo("1 pick");
    assertThat(Optional.of(words.withoutPickWord("picking 1"))).contains("picking 1");
  }
}
