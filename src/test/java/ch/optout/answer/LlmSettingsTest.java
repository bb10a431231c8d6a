package ch.optout.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LlmSettingsTest {
  private static Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  @Test
  void from_nothingSet_isNoModel() {
    LlmSettings s = LlmSettings.from(Map.of());

    assertThat(s).isEqualTo(LlmSettings.NONE);
    assertThat(s.chatModel()).isEmpty();
  }

  @Test
  void from_openAiWithKey_usesTheDefaults() {
    LlmSettings s = LlmSettings.from(env("OPTOUT_LLM", "OpenAI", "OPENAI_API_KEY", "sk-secret"));

    assertThat(s.provider()).isEqualTo(LlmSettings.Provider.OPENAI);
    assertThat(s.model()).isEqualTo("gpt-4o-mini");
    assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(8));
    assertThat(s.baseUrl()).isEmpty();
    assertThat(s.chatModel()).isPresent();
  }

  @Test
  void from_ollama_defaultsToTheLocalServer() {
    LlmSettings s = LlmSettings.from(env("OPTOUT_LLM", "ollama", "OPTOUT_LLM_TIMEOUT", "2.5"));

    assertThat(s.model()).isEqualTo("llama3.2");
    assertThat(s.baseUrl()).contains(URI.create("http://localhost:11434"));
    assertThat(s.timeout()).isEqualTo(Duration.ofMillis(2500));
  }

  @Test
  void from_everythingSet_takesIt() {
    LlmSettings s =
        LlmSettings.from(
            env(
                "OPTOUT_LLM",
                "ollama",
                "OPTOUT_LLM_MODEL",
                "mistral",
                "OLLAMA_BASE_URL",
                "http://ollama:11434",
                "OPTOUT_LLM_TIMEOUT",
                "20"));

    assertThat(s)
        .isEqualTo(
            new LlmSettings(
                LlmSettings.Provider.OLLAMA,
                "mistral",
                Duration.ofSeconds(20),
                Optional.empty(),
                Optional.of(URI.create("http://ollama:11434"))));
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      OPTOUT_LLM         | gpt          | OPTOUT_LLM must be none, openai or ollama, not 'gpt'
      OPTOUT_LLM_TIMEOUT | soon         | OPTOUT_LLM_TIMEOUT must be a number of seconds above 0 and at most 300, e.g. 8 or 2.5, not 'soon'
      OPTOUT_LLM_TIMEOUT | 0            | OPTOUT_LLM_TIMEOUT must be a number of seconds above 0 and at most 300, e.g. 8 or 2.5, not '0'
      OPTOUT_LLM_TIMEOUT | -3           | OPTOUT_LLM_TIMEOUT must be a number of seconds above 0 and at most 300, e.g. 8 or 2.5, not '-3'
      OPTOUT_LLM_TIMEOUT | 1e9          | OPTOUT_LLM_TIMEOUT must be a number of seconds above 0 and at most 300, e.g. 8 or 2.5, not '1e9'
      OLLAMA_BASE_URL    | localhost:11434 | OLLAMA_BASE_URL must be an http(s) URL such as http://localhost:11434, not 'localhost:11434'
      OLLAMA_BASE_URL    | ftp://x.org  | OLLAMA_BASE_URL must be an http(s) URL such as http://localhost:11434, not 'ftp://x.org'
      """)
  void from_badValue_explainsWhatIsExpected(String variable, String value, String message) {
    Map<String, String> env = env("OPTOUT_LLM", "ollama");
    env.put(variable, value);

    assertThatThrownBy(() -> LlmSettings.from(env))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void from_openAiWithoutKeyOrServer_saysWhatIsMissing() {
    assertThatThrownBy(() -> LlmSettings.from(env("OPTOUT_LLM", "openai")))
        .hasMessageStartingWith("OPTOUT_LLM=openai needs OPENAI_API_KEY");
  }

  @Test
  void toString_neverShowsTheKey() {
    LlmSettings s =
        LlmSettings.from(env("OPTOUT_LLM", "openai", "OPENAI_API_KEY", "sk-secret-123"));

    assertThat(s.toString())
        .doesNotContain("sk-secret-123")
        .contains("openai")
        .contains("API key set");
  }
}
