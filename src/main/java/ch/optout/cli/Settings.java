package ch.optout.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Configuration from the environment, read once; see README for each variable. */
record Settings(
    Path dataDir,
    Optional<Path> knowledgeDir,
    Optional<String> telegramToken,
    Optional<String> telegramApiUrl,
    String llm,
    Map<String, String> env) {

  static Settings from(Map<String, String> env) {
    return new Settings(
        Path.of(value(env, "OPTOUT_DATA_DIR").orElse("data")),
        value(env, "OPTOUT_KNOWLEDGE_DIR").map(Path::of),
        value(env, "TELEGRAM_BOT_TOKEN"),
        value(env, "TELEGRAM_API_URL"),
        value(env, "OPTOUT_LLM").orElse("none"),
        Map.copyOf(env));
  }

  Optional<String> get(String name) {
    return value(env, name);
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }
}
