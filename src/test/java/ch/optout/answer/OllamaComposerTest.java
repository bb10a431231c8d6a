package ch.optout.answer;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.FakeLlmServer;
import ch.optout.TestPipeline;
import ch.optout.search.LanguageDetector;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The LLM composer with the real Ollama client against a fake Ollama on loopback. */
class OllamaComposerTest {
  private static final TestPipeline PIPELINE = TestPipeline.fixture();
  private static final String QUESTION = "How do I stop LinkedIn using my CV?";

  private final FakeLlmServer server = FakeLlmServer.ollama();

  @AfterEach
  void stopServer() {
    server.close();
  }

  private Answer compose() {
    LlmSettings settings =
        new LlmSettings(
            LlmSettings.Provider.OLLAMA,
            "llama3.2",
            Duration.ofSeconds(5),
            Optional.empty(),
            Optional.of(URI.create(server.baseUrl())));
    LlmComposer composer =
        new LlmComposer(
            PIPELINE.composer,
            settings.chatModel().orElseThrow(),
            new LanguageDetector(),
            PIPELINE.messages);
    Question result = PIPELINE.question(QUESTION);
    return composer.compose(result);
  }

  @Test
  void compose_goodReply_isUsedWithTheKnowledgesSources() {
    server.replies(LlmComposerTest.GOOD_EN);

    Answer a = compose();

    assertThat(server.received()).hasSize(1);
    FakeLlmServer.Received request = server.received().get(0);
    assertThat(request.path()).isEqualTo("/api/chat");
    assertThat(request.body().path("model").asText()).isEqualTo("llama3.2");
    assertThat(request.body().path("stream").asBoolean(true)).isFalse();
    assertThat(request.message("system")).isEqualTo(LlmPrompt.SYSTEM);
    assertThat(request.message("user"))
        .contains("Answer language: English (en)")
        .contains("Data for Generative AI Improvement");
    assertThat(a.composer()).isEqualTo("llm");
    assertThat(a.allSteps()).hasSize(3);
    assertThat(a.sources())
        .isEqualTo(PIPELINE.composer.compose(PIPELINE.question(QUESTION)).sources());
  }

  @Test
  void compose_serverError_fallsBack() {
    server.fails(500);

    assertThat(compose().composer()).isEqualTo("extractive");
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void compose_replyWithoutCitation_fallsBack() {
    server.replies("Just switch it off in the settings.");

    assertThat(compose().composer()).isEqualTo("extractive");
  }
}
