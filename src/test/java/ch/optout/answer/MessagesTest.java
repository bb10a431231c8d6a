package ch.optout.answer;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.knowledge.Language;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessagesTest {
  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (var reader =
        new InputStreamReader(
            MessagesTest.class.getResourceAsStream("/i18n/" + name), StandardCharsets.UTF_8)) {
      p.load(reader);
    }
    return p;
  }

  @Test
  void bundles_frenchAndEnglish_haveExactlyTheSameKeys() throws IOException {
    assertThat(load("messages_fr.properties").stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
  }

  @Test
  void bundles_everyPlaceholderOfOneLanguageIsInTheOther() throws IOException {
    Properties en = load("messages.properties");
    Properties fr = load("messages_fr.properties");
    for (String key : en.stringPropertyNames()) {
      for (int i = 0; i < 4; i++) {
        String placeholder = "{" + i + "}";
        assertThat(fr.getProperty(key).contains(placeholder))
            .as(key + " " + placeholder)
            .isEqualTo(en.getProperty(key).contains(placeholder));
      }
    }
  }

  @Test
  void bundles_everyIntentHasAWordForMydata() throws IOException {
    Properties en = load("messages.properties");
    for (ch.optout.search.Intent intent : ch.optout.search.Intent.values()) {
      assertThat(en.getProperty("mydata.intent." + intent.name())).as(intent.name()).isNotBlank();
    }
  }

  @Test
  void bundles_noKeyIsDefinedTwice() throws IOException {
    for (String name : java.util.List.of("messages.properties", "messages_fr.properties")) {
      java.util.List<String> keys =
          new String(
                  MessagesTest.class.getResourceAsStream("/i18n/" + name).readAllBytes(),
                  StandardCharsets.UTF_8)
              .lines()
              .filter(l -> l.contains("=") && !l.startsWith("#"))
              .map(l -> l.substring(0, l.indexOf('=')))
              .toList();
      assertThat(keys).as(name).doesNotHaveDuplicates();
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
}
