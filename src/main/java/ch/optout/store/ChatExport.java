package ch.optout.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything kept about one chat, for /mydata: nothing is kept that is not in here. Anonymous
 * feedback and daily counts are not, since nothing links them to the chat.
 *
 * @param context the follow-up context, only while it has not expired
 * @param lastChange when anything about the chat was last written; retention counts from it
 */
public record ChatExport(
    Optional<String> language,
    Optional<String> device,
    Optional<Region> region,
    Optional<String> country,
    Optional<Context> context,
    List<ChecklistItem> checklist,
    Optional<Instant> lastChange) {

  public static final ChatExport EMPTY =
      new ChatExport(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          List.of(),
          Optional.empty());

  public ChatExport {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(country, "country");
    Objects.requireNonNull(context, "context");
    checklist = List.copyOf(checklist);
    Objects.requireNonNull(lastChange, "lastChange");
  }

  /**
   * The last platform (and a second one, and the card last answered), kept for follow-ups until
   * {@code expiresAt}.
   */
  public record Context(
      String platformId,
      String intent,
      Instant setAt,
      Instant expiresAt,
      Optional<String> otherPlatform,
      Optional<String> card) {
    public Context(String platformId, String intent, Instant setAt, Instant expiresAt) {
      this(platformId, intent, setAt, expiresAt, Optional.empty(), Optional.empty());
    }

    public Context {
      Tokens.check(platformId, "platformId");
      Tokens.check(intent, "intent");
      otherPlatform.ifPresent(v -> Tokens.check(v, "otherPlatform"));
      card.ifPresent(v -> Tokens.check(v, "card"));
      Objects.requireNonNull(setAt, "setAt");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }
  }

  public boolean isEmpty() {
    return language.isEmpty()
        && device.isEmpty()
        && region.isEmpty()
        && country.isEmpty()
        && context.isEmpty()
        && checklist.isEmpty();
  }
}
