package ch.optout.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrenchLabelsTest {
  private static final String STEPS =
      "1. Ouvrez **Paramètres**.\n2. Sous **Confidentialité**, désactivez **Données pour l'IA**.";

  private final FrenchLabels labels = FrenchLabels.bundled();

  @TempDir Path temp;

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "Settings, true",
    "Data Controls, true",
    "Privacy, true",
    "Accounts Centre, true",
    "Improve the model for everyone, true",
    "« Use your data to train Pinterest Canvas », true",
    "Settings & Privacy, true",
    "Paramètres, false",
    "Confidentialité et sécurité, false",
    "« Améliorer le modèle pour tous », false",
    "Données pour l'amélioration de l'IA générative, false",
    "Meta AI, false",
    "Galaxy AI, false",
    "Notifications, false",
  })
  void isEnglish_tellsEnglishLabelsFromFrenchOnes(String label, boolean english) {
    assertThat(labels.isEnglish(label)).isEqualTo(english);
  }

  @Test
  void check_frenchStepsWithEnglishLabels_warnsListingThem() {
    CheckFolder folder =
        new CheckFolder(temp)
            .replace(
                CheckFolder.FR,
                STEPS,
                "1. Ouvrez **Settings**.\n2. Sous **Data Controls**, désactivez **Données pour"
                    + " l'IA**.\n3. Revenez à **Settings**.");

    assertThat(folder.errors()).isEmpty();
    assertThat(folder.warnings())
        .containsExactly(
            "guides/demo.fr.md:23: warning: steps give English labels (**Settings**, **Data"
                + " Controls**): use the French interface's label where a source gives it; else"
                + " say once, near the top, that the app may show the English label");
  }

  @Test
  void check_englishLabelsInTheEnglishGuide_areFine() {
    assertThat(new CheckFolder(temp).warnings()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "Ces libellés ne sont pas traduits : l'application peut les afficher en anglais",
        "L'application peut afficher les noms anglais des réglages",
        "Les intitulés sont donnés en anglais, faute de source française",
      })
  void check_guideSayingOnceThatLabelsMayBeEnglish_isNoWarning(String notice) {
    CheckFolder folder =
        new CheckFolder(temp)
            .replace(
                CheckFolder.FR,
                STEPS,
                notice + ".\n\n1. Ouvrez **Settings**.\n2. Désactivez **Data Controls**.");

    assertThat(folder.warnings()).isEmpty();
  }

  @Test
  void check_emailSubjectOrLabelSaidToBeEnglishInTheStep_isNoWarning() {
    CheckFolder folder =
        new CheckFolder(temp)
            .replace(
                CheckFolder.FR,
                STEPS,
                "1. Écrivez à privacy@demo.example avec l'objet **Global model opt-out request**.\n"
                    + "2. Ouvrez l'article **Data rights and privacy settings** (titre en"
                    + " anglais).");

    assertThat(folder.warnings()).isEmpty();
  }

  @Test
  void check_labelNotConfirmedAtEveryStep_warnsToSayItOnce() {
    CheckFolder folder =
        new CheckFolder(temp)
            .replace(
                CheckFolder.FR,
                STEPS,
                "1. Ouvrez **Paramètres** (libellé non confirmé).\n"
                    + "2. Ouvrez **Confidentialité** (libellé non confirmé).\n"
                    + "3. Désactivez **Données pour l'IA** (libellé non confirmé).");

    assertThat(folder.warnings())
        .containsExactly(
            "guides/demo.fr.md:23: warning: steps say a label is not confirmed 3 times: say it"
                + " once, near the top of the steps");
  }
}
