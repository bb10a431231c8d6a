package ch.optout.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageTest {
  @Test
  void values_areTheLanguagesOfLanguagesTxt_defaultFirst() {
    assertThat(Language.values()).containsExactly(Language.EN, Language.FR);
    assertThat(Language.fallback()).isSameAs(Language.EN);
  }

  @Test
  void valueOf_givesOneInstancePerCode_inAnyCase() {
    assertThat(Language.valueOf("FR")).isSameAs(Language.FR);
    assertThat(Language.valueOf("eo")).isSameAs(Language.valueOf("EO"));
    assertThat(Language.valueOf("eo").spoken()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "e", "eng", "e1", "fr-CH"})
  void valueOf_notTwoLetters_fails(String code) {
    assertThatThrownBy(() -> Language.valueOf(code)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"fr, FR", "FR, FR", "fr-CH, FR", "en_GB, EN", "en, EN"})
  void fromCode_aSpokenLanguage_isFound(String code, Language expected) {
    assertThat(Language.fromCode(code)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"de", "eo", "english", "x"})
  void fromCode_aLanguageOptOutDoesNotSpeak_isEmpty(String code) {
    assertThat(Language.fromCode(code)).isEmpty();
  }

  @Test
  void withFiles_takesALanguageWhoseFolderIsOnTheClassPath_only() {
    assertThat(Language.withFiles("fr")).contains(Language.FR);
    // understanding/eo/ is a test resource (ThirdLanguageTest)
    assertThat(Language.withFiles("eo")).contains(Language.valueOf("eo"));
    assertThat(Language.withFiles("de")).isEmpty();
    assertThat(Language.withFiles("FR")).isEmpty();
  }

  @Test
  void listed_addsTheLanguagesOfAPackBesideTheApplication(@TempDir Path pack) throws Exception {
    Files.createDirectories(pack.resolve("i18n"));
    Files.writeString(pack.resolve(Language.LIST), "# a pack\neo\nfr\n");
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {pack.toUri().toURL()}, LanguageTest.class.getClassLoader())) {
      assertThat(Language.listed(loader))
          .containsExactly(Language.EN, Language.FR, Language.valueOf("eo"));
    }
  }

  @Test
  void spokenList_namesEachCode() {
    assertThat(Language.spokenList()).isEqualTo("'en' or 'fr'");
  }
}
