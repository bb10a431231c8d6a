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
 * @param relay the chat's rows in the Telegram relay (replicas sharing PostgreSQL), if any
 * @param reminders the reminders the chat asked for, by subject
 * @param watches the platforms the chat follows, by platform
 */
public record ChatExport(
    Optional<String> language,
    Optional<String> device,
    Optional<Region> region,
    Optional<String> country,
    Optional<Context> context,
    List<ChecklistItem> checklist,
    Optional<Instant> lastChange,
    RelayRows relay,
    List<Reminder> reminders,
    List<Watch> watches) {

  public static final ChatExport EMPTY =
      new ChatExport(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          List.of(),
          Optional.empty());

  /** The same export with the chat's reminders and watches, which live in tables of their own. */
  public ChatExport withFollowUps(List<Reminder> reminders, List<Watch> watches) {
    return with(relay, reminders, watches);
  }

  /** The same export with the chat's relay rows. */
  public ChatExport withRelay(RelayRows rows) {
    return with(rows, reminders, watches);
  }

  /** The one copy: the chat's own row kept, the rows from other tables replaced. */
  private ChatExport with(RelayRows rows, List<Reminder> reminders, List<Watch> watches) {
    return new ChatExport(
        language,
        device,
        region,
        country,
        context,
        checklist,
        lastChange,
        rows,
        reminders,
        watches);
  }

  /**
   * The chat's own rows only: relay rows and follow-ups come with {@link #withRelay} and {@link
   * #withFollowUps}.
   */
  public ChatExport(
      Optional<String> language,
      Optional<String> device,
      Optional<Region> region,
      Optional<String> country,
      Optional<Context> context,
      List<ChecklistItem> checklist,
      Optional<Instant> lastChange) {
    this(
        language,
        device,
        region,
        country,
        context,
        checklist,
        lastChange,
        RelayRows.NONE,
        List.of(),
        List.of());
  }

  public ChatExport {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(country, "country");
    Objects.requireNonNull(context, "context");
    checklist = List.copyOf(checklist);
    Objects.requireNonNull(lastChange, "lastChange");
    Objects.requireNonNull(relay, "relay");
    reminders = List.copyOf(reminders);
    watches = List.copyOf(watches);
  }

  /**
   * The chat's rows in the Telegram inbox and outbox. An update keeps its content until it is
   * handled, a reply its text until it is sent; then only times and the outcome remain, deleted an
   * hour later, or at once after /forget.
   *
   * @param updates the chat's updates in the inbox
   * @param unhandled those not handled yet, whose content is still kept
   * @param replies the replies to the chat in the outbox
   * @param unsent those not sent yet, whose text is still kept
   */
  public record RelayRows(int updates, int unhandled, int replies, int unsent) {
    public static final RelayRows NONE = new RelayRows(0, 0, 0, 0);

    public RelayRows {
      if (updates < 0 || unhandled < 0 || replies < 0 || unsent < 0) {
        throw new IllegalArgumentException("negative row counts");
      }
    }

    public boolean isEmpty() {
      return updates == 0 && replies == 0;
    }
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
        && checklist.isEmpty()
        && relay.isEmpty()
        && reminders.isEmpty()
        && watches.isEmpty();
  }
}
