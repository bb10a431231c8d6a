package ch.optout.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What OptOut remembers about one chat to answer it: choices, and the context that makes follow-ups
 * ("and on my phone?") work. No message text: every value is a short identifier (checked).
 *
 * @param language the language the user chose with /lang, as a code ("fr", "en")
 * @param device the device the user follows the steps on ("web", "mobile"), for the right steps
 *     first
 * @param region where the user lives, for objection letters
 * @param lastPlatform the platform of the last answer, for follow-ups
 * @param lastIntent the intent of the last answer, for follow-ups
 * @param contextAt when the context was set; it expires after {@link #CONTEXT_TTL}
 */
public record ChatState(
    Optional<String> language,
    Optional<String> device,
    Optional<Region> region,
    Optional<String> lastPlatform,
    Optional<String> lastIntent,
    Optional<Instant> contextAt) {

  /** Follow-ups use the last platform for this long; stores return no older context. */
  public static final Duration CONTEXT_TTL = Duration.ofHours(1);

  public static final ChatState EMPTY =
      new ChatState(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());

  public ChatState {
    language.ifPresent(v -> Tokens.check(v, "language"));
    device.ifPresent(v -> Tokens.check(v, "device"));
    Objects.requireNonNull(region, "region");
    lastPlatform.ifPresent(v -> Tokens.check(v, "lastPlatform"));
    lastIntent.ifPresent(v -> Tokens.check(v, "lastIntent"));
    Objects.requireNonNull(contextAt, "contextAt");
    if (lastPlatform.isPresent() != lastIntent.isPresent()
        || lastPlatform.isPresent() != contextAt.isPresent()) {
      throw new IllegalArgumentException(
          "context needs a platform, an intent and a time, or none of them");
    }
  }

  public ChatState withLanguage(String code) {
    return new ChatState(Optional.of(code), device, region, lastPlatform, lastIntent, contextAt);
  }

  public ChatState withDevice(String code) {
    return new ChatState(language, Optional.of(code), region, lastPlatform, lastIntent, contextAt);
  }

  public ChatState withRegion(Region value) {
    return new ChatState(language, device, Optional.of(value), lastPlatform, lastIntent, contextAt);
  }

  public ChatState withContext(String platform, String intent, Instant at) {
    return new ChatState(
        language, device, region, Optional.of(platform), Optional.of(intent), Optional.of(at));
  }

  public ChatState withoutContext() {
    return new ChatState(
        language, device, region, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** Whether the context is still usable at {@code now}. */
  public boolean contextFresh(Instant now) {
    return contextAt.map(at -> at.plus(CONTEXT_TTL).isAfter(now)).orElse(false);
  }

  public boolean isEmpty() {
    return language.isEmpty() && device.isEmpty() && region.isEmpty() && lastPlatform.isEmpty();
  }
}
