package ch.optout.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.optout.knowledge.Language;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessagesTest {
  private static final Language FIRST = Language.values()[0];

  /** Every language OptOut speaks but the first, whose bundle the others are held to. */
  private static List<Language> others() {
    return Arrays.stream(Language.values()).filter(l -> l != FIRST).toList();
  }

  private static String file(Language language) {
    return "messages_" + language.code() + ".properties";
  }

  private static Properties load(Language language) throws IOException {
    Properties p = new Properties();
    try (var reader =
        new InputStreamReader(
            MessagesTest.class.getResourceAsStream("/i18n/" + file(language)),
            StandardCharsets.UTF_8)) {
      p.load(reader);
    }
    return p;
  }

  @Test
  void bundles_everyLanguage_hasExactlyTheKeysOfTheFirst() throws IOException {
    for (Language language : others()) {
      assertThat(load(language).stringPropertyNames())
          .as(file(language))
          .containsExactlyInAnyOrderElementsOf(load(FIRST).stringPropertyNames());
    }
  }

  @Test
  void bundles_everyPlaceholderOfOneLanguageIsInTheOthers() throws IOException {
    Properties first = load(FIRST);
    for (Language language : others()) {
      Properties other = load(language);
      for (String key : first.stringPropertyNames()) {
        for (int i = 0; i < 4; i++) {
          String placeholder = "{" + i + "}";
          assertThat(other.getProperty(key).contains(placeholder))
              .as(file(language) + " " + key + " " + placeholder)
              .isEqualTo(first.getProperty(key).contains(placeholder));
        }
      }
    }
  }

  @Test
  void bundles_everyIntentHasAWordForMydata() throws IOException {
    for (Language language : Language.values()) {
      Properties bundle = load(language);
      for (ch.optout.search.Intent intent : ch.optout.search.Intent.values()) {
        assertThat(bundle.getProperty("mydata.intent." + intent.name()))
            .as(file(language) + " " + intent.name())
            .isNotBlank();
      }
    }
  }

  @Test
  void bundles_noKeyIsDefinedTwice() throws IOException {
    for (Language language : Language.values()) {
      List<String> keys =
          new String(
                  MessagesTest.class.getResourceAsStream("/i18n/" + file(language)).readAllBytes(),
                  StandardCharsets.UTF_8)
              .lines()
              .filter(l -> l.contains("=") && !l.startsWith("#"))
              .map(l -> l.substring(0, l.indexOf('=')))
              .toList();
      assertThat(keys).as(file(language)).doesNotHaveDuplicates();
    }
  }

  @Test
  void get_replacesArgumentsLiterallyKeepingApostrophes() {
    Messages messages = new Messages();
    assertThat(messages.get(Language.FR, "input.truncated", 1000))
        .isEqualTo(
            "Votre message était long : j'en ai lu le début et la dernière phrase, environ 1000"
                + " caractères en tout.");
  }

  @Test
  void get_aLanguageWithoutItsBundle_failsNamingTheFile() {
    assertThatThrownBy(() -> new Messages().get(Language.valueOf("zz"), "input.truncated", 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("i18n/messages_zz.properties");
  }

  @Test
  void get_aKeyMissingInALanguage_failsRatherThanSpeakingAnother() {
    assertThatThrownBy(() -> new Messages().get(Language.EN, "no.such.key"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no.such.key");
  }

  @Test
  void inEveryLanguage_joinsTheLanguagesOptOutSpeaks_inTheirOrder() {
    Messages messages = new Messages();
    assertThat(messages.inEveryLanguage("input.truncated", 10))
        .isEqualTo(
            messages.get(Language.EN, "input.truncated", 10)
                + " / "
                + messages.get(Language.FR, "input.truncated", 10));
  }
}
