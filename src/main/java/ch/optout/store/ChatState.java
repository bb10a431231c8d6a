package ch.optout.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What OptOut remembers about one chat. No message text: only choices and the context that makes
 * follow-ups ("and on my phone?") work.
 *
 * @param language the language the user chose with /lang, as a code ("fr", "en")
 * @param lastPlatform the platform of the last answer, for follow-ups
 * @param lastIntent the intent of the last answer, for follow-ups
 * @param contextAt when the context was set; it expires after an hour
 */
public record ChatState(
    Optional<String> language,
    Optional<String> lastPlatform,
    Optional<String> lastIntent,
    Optional<Instant> contextAt) {

  public static final ChatState EMPTY =
      new ChatState(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  public ChatState {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(lastPlatform, "lastPlatform");
    Objects.requireNonNull(lastIntent, "lastIntent");
    Objects.requireNonNull(contextAt, "contextAt");
  }

  public ChatState withLanguage(String code) {
    return new ChatState(Optional.of(code), lastPlatform, lastIntent, contextAt);
  }

  public ChatState withContext(String platform, String intent, Instant at) {
    return new ChatState(language, Optional.of(platform), Optional.of(intent), Optional.of(at));
  }

  public boolean isEmpty() {
    return language.isEmpty() && lastPlatform.isEmpty() && lastIntent.isEmpty();
  }
}
