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
 * @param region the law that applies where the user lives, for objection letters
 * @param country where the user said they live, as a code ("CH", "PT", "CA-QC"), for complaints
 * @param lastPlatform the platform of the last answer, for follow-ups
 * @param lastIntent the intent of the last answer, for follow-ups
 * @param contextAt when the context was set; it expires after {@link #CONTEXT_TTL}
 * @param otherPlatform a second platform the conversation is about ("which one is easier?")
 * @param lastCard the answer card the last answer led with, for "no, I meant Facebook"
 */
public record ChatState(
    Optional<String> language,
    Optional<String> device,
    Optional<Region> region,
    Optional<String> country,
    Optional<String> lastPlatform,
    Optional<String> lastIntent,
    Optional<Instant> contextAt,
    Optional<String> otherPlatform,
    Optional<String> lastCard) {

  /** Follow-ups use the last platform for this long; stores return no older context. */
  public static final Duration CONTEXT_TTL = Duration.ofHours(1);

  public static final ChatState EMPTY =
      new ChatState(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
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
    country.ifPresent(v -> Tokens.check(v, "country"));
    lastPlatform.ifPresent(v -> Tokens.check(v, "lastPlatform"));
    otherPlatform.ifPresent(v -> Tokens.check(v, "otherPlatform"));
    lastCard.ifPresent(v -> Tokens.check(v, "lastCard"));
    lastIntent.ifPresent(v -> Tokens.check(v, "lastIntent"));
    Objects.requireNonNull(contextAt, "contextAt");
    if (lastPlatform.isPresent() != lastIntent.isPresent()
        || lastPlatform.isPresent() != contextAt.isPresent()) {
      throw new IllegalArgumentException(
          "context needs a platform, an intent and a time, or none of them");
    }
    if (lastPlatform.isEmpty() && (otherPlatform.isPresent() || lastCard.isPresent())) {
      throw new IllegalArgumentException("a second platform or a card needs a context");
    }
  }

  public ChatState withLanguage(String code) {
    return new ChatState(
        Optional.of(code),
        device,
        region,
        country,
        lastPlatform,
        lastIntent,
        contextAt,
        otherPlatform,
        lastCard);
  }

  public ChatState withDevice(String code) {
    return new ChatState(
        language,
        Optional.of(code),
        region,
        country,
        lastPlatform,
        lastIntent,
        contextAt,
        otherPlatform,
        lastCard);
  }

  public ChatState withRegion(Region value) {
    return new ChatState(
        language,
        device,
        Optional.of(value),
        country,
        lastPlatform,
        lastIntent,
        contextAt,
        otherPlatform,
        lastCard);
  }

  public ChatState withCountry(String code) {
    return new ChatState(
        language,
        device,
        region,
        Optional.of(code),
        lastPlatform,
        lastIntent,
        contextAt,
        otherPlatform,
        lastCard);
  }

  /** A new context: one platform (or a flow's placeholder) and what the conversation is doing. */
  public ChatState withContext(String platform, String intent, Instant at) {
    return withTopic(platform, Optional.empty(), Optional.empty(), intent, at);
  }

  /**
   * A new context about one or two platforms and, if the last answer led with one, its card.
   *
   * @param other a second platform the user named or asked about just before
   */
  public ChatState withTopic(
      String platform, Optional<String> other, Optional<String> card, String intent, Instant at) {
    return new ChatState(
        language,
        device,
        region,
        country,
        Optional.of(platform),
        Optional.of(intent),
        Optional.of(at),
        other.filter(o -> !o.equals(platform)),
        card);
  }

  public ChatState withoutContext() {
    return new ChatState(
        language,
        device,
        region,
        country,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** Whether the context is still usable at {@code now}. */
  public boolean contextFresh(Instant now) {
    return contextAt.map(at -> at.plus(CONTEXT_TTL).isAfter(now)).orElse(false);
  }

  public boolean isEmpty() {
    return language.isEmpty()
        && device.isEmpty()
        && region.isEmpty()
        && country.isEmpty()
        && lastPlatform.isEmpty();
  }
}
