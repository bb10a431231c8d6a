package ch.optout.cli;

import java.nio.file.Path;
import java.time.Duration;
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

  /** OPTOUT_RETENTION_DAYS: rows untouched this long are deleted; 90 days unless set. */
  Duration retention() {
    String raw = get("OPTOUT_RETENTION_DAYS").orElse("90");
    try {
      long days = Long.parseLong(raw);
      if (days >= 1 && days <= 36_500) {
        return Duration.ofDays(days);
      }
    } catch (NumberFormatException e) {
      // reported below with the value
    }
    throw new UsageProblem(
        "OPTOUT_RETENTION_DAYS takes a number of days from 1 to 36500, not '" + raw + "'");
  }

  /**
   * OPTOUT_DATABASE_URL (with OPTOUT_DATABASE_USER and OPTOUT_DATABASE_PASSWORD, or the user and
   * password in the URL): a PostgreSQL store instead of the SQLite file in OPTOUT_DATA_DIR.
   */
  Optional<ch.optout.store.DatabaseUrl> databaseUrl() {
    return get("OPTOUT_DATABASE_URL")
        .map(
            raw -> {
              try {
                return ch.optout.store.DatabaseUrl.parse(
                    raw, get("OPTOUT_DATABASE_USER"), get("OPTOUT_DATABASE_PASSWORD"));
              } catch (IllegalArgumentException e) {
                throw new UsageProblem(e.getMessage());
              }
            });
  }

  /** OPTOUT_SECRET_KEY: the chat-key secret every replica shares; else one kept in the database. */
  /**
   * OPTOUT_RETRIEVAL for the long-running commands: hybrid (default), or bm25 on a small machine
   * (no embedding model loaded: less memory, no CPU spent on vectors at start).
   */
  ch.optout.search.RetrievalMode retrieval() {
    Optional<String> raw = get("OPTOUT_RETRIEVAL");
    if (raw.isEmpty() || raw.get().isBlank()) {
      return ch.optout.search.RetrievalMode.HYBRID;
    }
    return ch.optout.search.RetrievalMode.parse(raw.get())
        .orElseThrow(
            () ->
                new UsageProblem(
                    "OPTOUT_RETRIEVAL takes hybrid, bm25 or dense, not '" + raw.get() + "'"));
  }

  Optional<String> secretKey() {
    return get("OPTOUT_SECRET_KEY");
  }

  /** The longest OPTOUT_CLOCK_OFFSET: far enough for any test, short of nonsense. */
  static final Duration MAX_CLOCK_OFFSET = Duration.ofDays(3660);

  /**
   * The clock every part reads "now" from: the system's, in UTC, moved forward by
   * OPTOUT_CLOCK_OFFSET when set (an ISO-8601 period such as P31D or P1M, or a duration such as
   * PT36H), so that an operator or a test sees today what a month from now brings.
   */
  java.time.Clock clock() {
    java.time.Clock system = java.time.Clock.systemUTC();
    Duration offset = clockOffset(system.instant());
    return offset.isZero() ? system : java.time.Clock.offset(system, offset);
  }

  /** OPTOUT_CLOCK_OFFSET as a duration from {@code now}: P1M is a calendar month from today. */
  Duration clockOffset(java.time.Instant now) {
    Optional<String> raw = get("OPTOUT_CLOCK_OFFSET");
    if (raw.isEmpty()) {
      return Duration.ZERO;
    }
    String text = raw.get().toUpperCase(java.util.Locale.ROOT);
    Duration offset;
    try {
      java.time.Period period = java.time.Period.parse(text);
      offset = Duration.between(now, now.atZone(java.time.ZoneOffset.UTC).plus(period).toInstant());
    } catch (java.time.format.DateTimeParseException notAPeriod) {
      try {
        offset = Duration.parse(text);
      } catch (java.time.format.DateTimeParseException e) {
        throw new UsageProblem(
            "OPTOUT_CLOCK_OFFSET takes an ISO-8601 period such as P31D, P1M or PT36H, not '"
                + raw.get()
                + "'");
      }
    }
    if (offset.isNegative() || offset.compareTo(MAX_CLOCK_OFFSET) > 0) {
      throw new UsageProblem(
          "OPTOUT_CLOCK_OFFSET moves the clock forward, by at most ten years, not '"
              + raw.get()
              + "'");
    }
    return offset;
  }

  Optional<String> get(String name) {
    return value(env, name);
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }
}
