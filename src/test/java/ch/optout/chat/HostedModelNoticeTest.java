package ch.optout.chat;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.TestPipeline;
import ch.optout.answer.AnswerComposer;
import ch.optout.answer.LlmComposer;
import ch.optout.answer.LlmSettings;
import ch.optout.search.LanguageDetector;
import ch.optout.store.InMemoryChatStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** With a hosted model, users read where their questions go, wherever privacy is spoken of. */
class HostedModelNoticeTest {
  private static final TestPipeline PIPELINE = TestPipeline.fixture();

  private static Assistant assistant(boolean hosted) {
    LlmSettings settings =
        new LlmSettings(
            LlmSettings.Provider.OPENAI,
            "test-model",
            Duration.ofSeconds(1),
            Optional.of("test-key"),
            Optional.of(URI.create("http://127.0.0.1:9/v1")));
    AnswerComposer composer =
        new LlmComposer(
                PIPELINE.composer,
                settings.chatModel().orElseThrow(),
                new LanguageDetector(),
                PIPELINE.messages)
            .hosted(hosted);
    return new Assistant(
        PIPELINE.understander,
        PIPELINE.search,
        composer,
        PIPELINE.composer,
        PIPELINE.messages,
        new InMemoryChatStore(),
        Clock.systemUTC(),
        "test");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "/start, en, are sent to a language model provider",
    "/about, en, are sent to a language model provider",
    "/mydata, en, are sent to a language model provider",
    "/start, fr, sont envoyées à un fournisseur de modèle de langage",
    "/mydata, fr, sont envoyées à un fournisseur de modèle de langage"
  })
  void privacyTexts_withAHostedModel_sayQuestionsGoToTheProvider(
      String command, String lang, String notice) {
    Assistant withModel = assistant(true);
    withModel.reply("chat", "/lang " + lang);
    Assistant local = assistant(false);
    local.reply("chat", "/lang " + lang);

    assertThat(withModel.reply("chat", command).answer().lead()).contains(notice);
    assertThat(local.reply("chat", command).answer().lead()).doesNotContain(notice);
  }
}
