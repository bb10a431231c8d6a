package ch.optout.answer;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which language model phrases answers, if any, read from the environment ({@code OPTOUT_LLM},
 * {@code OPTOUT_LLM_MODEL}, {@code OPTOUT_LLM_TIMEOUT}, {@code OPENAI_API_KEY}, {@code
 * OPENAI_BASE_URL}, {@code OLLAMA_BASE_URL}).
 *
 * @param model the model name sent to the server
 * @param timeout one call, connection included; past it the extractive answer is used
 * @param apiKey OpenAI only; never printed (see {@link #toString()})
 * @param baseUrl the server; empty means the provider's default
 */
public record LlmSettings(
    Provider provider,
    String model,
    Duration timeout,
    Optional<String> apiKey,
    Optional<URI> baseUrl) {

  public enum Provider {
    NONE,
    OPENAI,
    OLLAMA
  }

  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(8);

  /** Past this a user has long given up; a typo ("80" for "8.0") should not hang the bot. */
  static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);

  static final String DEFAULT_OPENAI_MODEL = "gpt-4o-mini";
  static final String DEFAULT_OLLAMA_MODEL = "llama3.2";
  static final URI DEFAULT_OLLAMA_URL = URI.create("http://localhost:11434");

  public static final LlmSettings NONE =
      new LlmSettings(Provider.NONE, "", DEFAULT_TIMEOUT, Optional.empty(), Optional.empty());

  public LlmSettings {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(baseUrl, "baseUrl");
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException(
          "LLM timeout must be above 0 and at most 300 seconds, not " + timeout);
    }
  }

  /**
   * Reads the environment; a value that cannot be right is an {@link IllegalArgumentException}
   * whose message names the variable and says what is expected, so the CLI can show it as is.
   */
  public static LlmSettings from(Map<String, String> env) {
    String name = value(env, "OPTOUT_LLM").orElse("none");
    Provider provider =
        switch (name.toLowerCase(Locale.ROOT)) {
          case "none", "off", "false" -> Provider.NONE;
          case "openai" -> Provider.OPENAI;
          case "ollama" -> Provider.OLLAMA;
          default ->
              throw new IllegalArgumentException(
                  "OPTOUT_LLM must be none, openai or ollama, not '" + name + "'");
        };
    if (provider == Provider.NONE) {
      return NONE;
    }
    Duration timeout =
        value(env, "OPTOUT_LLM_TIMEOUT").map(LlmSettings::seconds).orElse(DEFAULT_TIMEOUT);
    if (provider == Provider.OPENAI) {
      Optional<String> key = value(env, "OPENAI_API_KEY");
      Optional<URI> url = value(env, "OPENAI_BASE_URL").map(v -> url("OPENAI_BASE_URL", v));
      if (key.isEmpty() && url.isEmpty()) {
        throw new IllegalArgumentException(
            "OPTOUT_LLM=openai needs OPENAI_API_KEY"
                + " (or OPENAI_BASE_URL for an OpenAI-compatible server that needs no key)");
      }
      return new LlmSettings(
          provider, value(env, "OPTOUT_LLM_MODEL").orElse(DEFAULT_OPENAI_MODEL), timeout, key, url);
    }
    URI url =
        value(env, "OLLAMA_BASE_URL")
            .map(v -> url("OLLAMA_BASE_URL", v))
            .orElse(DEFAULT_OLLAMA_URL);
    return new LlmSettings(
        provider,
        value(env, "OPTOUT_LLM_MODEL").orElse(DEFAULT_OLLAMA_MODEL),
        timeout,
        Optional.empty(),
        Optional.of(url));
  }

  /**
   * The LangChain4j client, or empty when no model is configured. No retries: a failed call falls
   * back to the extractive answer at once rather than keeping the user waiting. Requests and
   * responses are never logged: they hold the user's question (and the client would log the key).
   */
  public Optional<ChatModel> chatModel() {
    return switch (provider) {
      case NONE -> Optional.empty();
      case OPENAI ->
          Optional.of(
              OpenAiChatModel.builder()
                  .baseUrl(baseUrl.map(URI::toString).orElse(null))
                  // compatible servers without authentication still get a syntactically valid
                  // header
                  .apiKey(apiKey.orElse("none"))
                  .modelName(model)
                  .timeout(timeout)
                  .maxRetries(0)
                  .logRequests(false)
                  .logResponses(false)
                  .build());
      case OLLAMA ->
          Optional.of(
              OllamaChatModel.builder()
                  .baseUrl(baseUrl.orElse(DEFAULT_OLLAMA_URL).toString())
                  .modelName(model)
                  .timeout(timeout)
                  .maxRetries(0)
                  .logRequests(false)
                  .logResponses(false)
                  .build());
    };
  }

  /** For start-up logs: everything but the key. */
  @Override
  public String toString() {
    if (provider == Provider.NONE) {
      return "LLM none";
    }
    return "LLM "
        + provider.name().toLowerCase(Locale.ROOT)
        + " model "
        + model
        + baseUrl.map(u -> " at " + u).orElse("")
        + ", timeout "
        + timeout.toMillis() / 1000.0
        + " s"
        + (apiKey.isPresent() ? ", API key set" : "");
  }

  private static Duration seconds(String text) {
    try {
      long millis =
          new BigDecimal(text).movePointRight(3).setScale(0, RoundingMode.DOWN).longValueExact();
      if (millis > 0 && millis <= MAX_TIMEOUT.toMillis()) {
        return Duration.ofMillis(millis);
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // reported below with the variable's name
    }
    throw new IllegalArgumentException(
        "OPTOUT_LLM_TIMEOUT must be a number of seconds above 0 and at most 300, e.g. 8 or 2.5, not '"
            + text
            + "'");
  }

  private static URI url(String variable, String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below with the variable's name
    }
    throw new IllegalArgumentException(
        variable + " must be an http(s) URL such as http://localhost:11434, not '" + text + "'");
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }
}
