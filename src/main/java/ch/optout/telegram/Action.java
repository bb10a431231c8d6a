package ch.optout.telegram;

import ch.optout.chat.Choice;
import ch.optout.knowledge.Language;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a button does, written into its callback data ({@code g|en|linkedin}). Telegram keeps at
 * most 64 bytes there and hands it back verbatim — or, for an old message or a forged update,
 * anything: {@link #decode} accepts only what {@link #encode} writes.
 */
sealed interface Action {
  /** Telegram's limit on callback data. */
  int MAX_BYTES = 64;

  /** Guide ids as the knowledge allows them; nothing else reaches the assistant from a button. */
  Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");

  String encode();

  /** Show the guide of one platform, as a new message. */
  record ShowGuide(Language language, String platformId) implements Action {
    public ShowGuide {
      Objects.requireNonNull(language, "language");
      requireId(platformId);
    }

    @Override
    public String encode() {
      return "g|" + language.code() + "|" + platformId;
    }
  }

  /** Rewrite the guide message to show one group of steps, or all of them ({@code group} −1). */
  record ShowSteps(Language language, String platformId, int group) implements Action {
    public ShowSteps {
      Objects.requireNonNull(language, "language");
      requireId(platformId);
      if (group < -1 || group > 9) {
        throw new IllegalArgumentException("step group out of range: " + group);
      }
    }

    @Override
    public String encode() {
      return "s|" + language.code() + "|" + platformId + "|" + group;
    }
  }

  /**
   * "More": the short answer in place, completed with what the setting does not cover, good to know
   * and every source; {@code focus} is the group of steps it keeps showing (−1 for the first).
   */
  record More(Language language, String platformId, int focus) implements Action {
    public More {
      Objects.requireNonNull(language, "language");
      requireId(platformId);
      if (focus < -1 || focus > 9) {
        throw new IllegalArgumentException("step group out of range: " + focus);
      }
    }

    @Override
    public String encode() {
      return "m|" + language.code() + "|" + platformId + "|" + focus;
    }
  }

  /** Ticks or unticks a platform of the checklist's pick list (1 is the first). */
  record Toggle(Language language, int index) implements Action {
    public Toggle {
      Objects.requireNonNull(language, "language");
      if (index < 1 || index > 99) {
        throw new IllegalArgumentException("pick out of range: " + index);
      }
    }

    @Override
    public String encode() {
      return "t|" + language.code() + "|" + index;
    }
  }

  /** Starts the checklist with the platforms ticked on the message. */
  record StartPicked(Language language) implements Action {
    public StartPicked {
      Objects.requireNonNull(language, "language");
    }

    @Override
    public String encode() {
      return "k|" + language.code();
    }
  }

  /** 👍 or 👎 on a guide. */
  record Feedback(Language language, String platformId, boolean helpful) implements Action {
    public Feedback {
      Objects.requireNonNull(language, "language");
      requireId(platformId);
    }

    @Override
    public String encode() {
      return "f|" + language.code() + "|" + platformId + "|" + (helpful ? "1" : "0");
    }
  }

  /** The list of platforms, each a button. */
  record ListPlatforms(Language language) implements Action {
    public ListPlatforms {
      Objects.requireNonNull(language, "language");
    }

    @Override
    public String encode() {
      return "p|" + language.code();
    }
  }

  /** /lang fr or /lang en, from the language picker. */
  record SetLanguage(Language language) implements Action {
    public SetLanguage {
      Objects.requireNonNull(language, "language");
    }

    @Override
    public String encode() {
      return "l|" + language.code();
    }
  }

  /**
   * A choice the assistant offered ("/checklist done linkedin", "/region ch"), carried out by
   * {@link ch.optout.chat.Assistant#choose}; written as its command, which is also how every
   * version before wrote it, so that buttons already in chats keep working.
   */
  record Choose(Language language, Choice choice) implements Action {
    public Choose {
      Objects.requireNonNull(language, "language");
      Objects.requireNonNull(choice, "choice");
    }

    @Override
    public String encode() {
      return "c|" + language.code() + "|" + choice.command();
    }

    /** Only a choice read back from its data rides on a button: a name to type ("Meta") is not. */
    @Override
    public boolean fitsInButton() {
      return Action.super.fitsInButton()
          && Choice.parse(choice.command()).filter(choice::equals).isPresent();
    }
  }

  static Optional<Action> decode(String data) {
    if (data == null || data.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return Optional.empty();
    }
    String[] p = data.split("\\|", -1);
    Optional<Language> language = p.length > 1 ? exactLanguage(p[1]) : Optional.empty();
    if (language.isEmpty()) {
      return Optional.empty();
    }
    Language l = language.get();
    try {
      return switch (p[0] + p.length) {
        case "g3" -> Optional.of(new ShowGuide(l, p[2]));
        case "s4" -> Optional.of(new ShowSteps(l, p[2], Integer.parseInt(p[3])));
        case "m4" -> Optional.of(new More(l, p[2], Integer.parseInt(p[3])));
        case "f4" ->
            p[3].equals("1") || p[3].equals("0")
                ? Optional.of(new Feedback(l, p[2], p[3].equals("1")))
                : Optional.empty();
        case "p2" -> Optional.of(new ListPlatforms(l));
        case "t3" -> Optional.of(new Toggle(l, Integer.parseInt(p[2])));
        case "k2" -> Optional.of(new StartPicked(l));
        case "l2" -> Optional.of(new SetLanguage(l));
        case "c3" -> Choice.parse(p[2]).map(c -> new Choose(l, c));
        default -> Optional.empty();
      };
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Whether this action can ride on a button (an unusually long id could not). */
  default boolean fitsInButton() {
    return encode().getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
  }

  private static Optional<Language> exactLanguage(String code) {
    return Language.fromCode(code).filter(l -> l.code().equals(code));
  }

  private static void requireId(String platformId) {
    Objects.requireNonNull(platformId, "platformId");
    if (!ID.matcher(platformId).matches()) {
      throw new IllegalArgumentException("not a guide id: " + platformId);
    }
  }
}
