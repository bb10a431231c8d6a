package ch.optout.chat;

import ch.optout.answer.LegalRegime;
import ch.optout.knowledge.Language;
import ch.optout.store.ChecklistStatus;
import ch.optout.store.Reminder;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a user may choose next: a reply offers choices ({@link Reply#choices()}), a channel shows
 * them (Telegram as buttons), and {@link Assistant#choose} carries one out, without reading text.
 *
 * <p>Each choice has the command that does the same when typed ({@link #command()}: "/checklist
 * done linkedin"), which the terminal shows and which is also its stable form on a button: {@link
 * #parse} reads back exactly what {@code command()} writes, when it fits a button, and nothing
 * else.
 */
public sealed interface Choice {
  /** The command that does the same when typed; what {@link #parse} reads back. */
  String command();

  /** The checklist where the user left off, or its pick list ("/checklist"). */
  record OpenChecklist() implements Choice {
    @Override
    public String command() {
      return ChoiceCommands.CHECKLIST;
    }
  }

  /** The checklist with every platform of its list ("/checklist all"). */
  record PickAll() implements Choice {
    @Override
    public String command() {
      return ChoiceCommands.CHECKLIST + " all";
    }
  }

  /** The checklist with the platforms picked by their number in the list, 1 the first. */
  record PickSome(List<Integer> numbers) implements Choice {
    public PickSome {
      numbers = List.copyOf(numbers);
      if (numbers.isEmpty() || numbers.stream().anyMatch(n -> n < 1)) {
        throw new IllegalArgumentException("not a pick: " + numbers);
      }
    }

    @Override
    public String command() {
      return ChoiceCommands.CHECKLIST
          + " "
          + numbers.stream().map(String::valueOf).collect(Collectors.joining(" "));
    }
  }

  /**
   * Done, skip or later for a checklist item ("/checklist done linkedin").
   *
   * @param platformId the item the choice was offered under; none when its id would not fit a
   *     button, and then the item on screen
   */
  record MarkItem(ChecklistStatus status, Optional<String> platformId) implements Choice {
    public MarkItem {
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(platformId, "platformId");
      platformId.ifPresent(id -> ChoiceCommands.word(id, "platformId"));
    }

    @Override
    public String command() {
      return ChoiceCommands.CHECKLIST
          + " "
          + ChoiceCommands.MARKS.get(status)
          + platformId.map(id -> " " + id).orElse("");
    }
  }

  /**
   * An objection letter ("/letter tiktok").
   *
   * @param platform as the letter command takes it: a guide's id
   */
  record WriteLetter(String platform) implements Choice {
    public WriteLetter {
      ChoiceCommands.word(platform, "platform");
    }

    @Override
    public String command() {
      return "/letter " + platform;
    }
  }

  /** The law that applies to the user, for letters ("/region ch"). */
  record LetterRegion(LegalRegime regime) implements Choice {
    public LetterRegion {
      Objects.requireNonNull(regime, "regime");
    }

    @Override
    public String command() {
      return "/region " + regime.name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A reminder a month from now ("/remind linkedin", "/remind meta form", "/remind linkedin
   * 20261203").
   *
   * @param subject a guide's id, or a service's token ("svc-duolingo")
   * @param sentOn the day the objection was sent, when not today (a reminder set again)
   */
  record RemindMe(String subject, Reminder.Kind kind, Optional<LocalDate> sentOn)
      implements Choice {
    public RemindMe {
      ChoiceCommands.word(subject, "subject");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(sentOn, "sentOn");
      if (kind == Reminder.Kind.FORM && sentOn.isPresent()) {
        throw new IllegalArgumentException("a form's reminder is set on the day it is sent");
      }
    }

    @Override
    public String command() {
      String detail =
          kind == Reminder.Kind.FORM
              ? " " + ChoiceCommands.FORM
              : sentOn.map(d -> " " + d.format(DateTimeFormatter.BASIC_ISO_DATE)).orElse("");
      return "/remind " + subject + detail;
    }
  }

  /** Alerts when a platform's rules change ("/watch linkedin"). */
  record Follow(String platform) implements Choice {
    public Follow {
      ChoiceCommands.word(platform, "platform");
    }

    @Override
    public String command() {
      return ChoiceCommands.WATCH + " " + platform;
    }
  }

  /** No more alerts about a platform ("/watch off linkedin"). */
  record Unfollow(String platform) implements Choice {
    public Unfollow {
      ChoiceCommands.word(platform, "platform");
    }

    @Override
    public String command() {
      return ChoiceCommands.WATCH + " " + ChoiceCommands.OFF + " " + platform;
    }
  }

  /** The answer to a reminder's question: did the company answer? ("/followup none tiktok"). */
  record ReminderAnswer(Outcome outcome, String subject) implements Choice {
    /** What became of the objection. */
    public enum Outcome {
      DONE,
      NONE,
      REFUSED
    }

    public ReminderAnswer {
      Objects.requireNonNull(outcome, "outcome");
      ChoiceCommands.word(subject, "subject");
    }

    @Override
    public String command() {
      return "/followup " + outcome.name().toLowerCase(Locale.ROOT) + " " + subject;
    }
  }

  /** A platform's guide, as its deep link opens it ("/start meta"). */
  record OpenGuide(String platformId) implements Choice {
    public OpenGuide {
      ChoiceCommands.word(platformId, "platformId");
    }

    @Override
    public String command() {
      return "/start " + platformId;
    }
  }

  /** The language the chat is answered in ("/lang fr"). */
  record SetLanguage(Language language) implements Choice {
    public SetLanguage {
      Objects.requireNonNull(language, "language");
    }

    @Override
    public String command() {
      return "/lang " + language.code();
    }
  }

  /**
   * A platform's name, said in answer to "which platform do you mean?" ("Meta"): a message, not a
   * command, so it never rides on a button.
   */
  record NamePlatform(String name) implements Choice {
    public NamePlatform {
      Objects.requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("a platform's name is needed");
      }
    }

    @Override
    public String command() {
      return name;
    }
  }

  /**
   * The choice a command writes, as it fits a button: a command's name, then at most two words of
   * lower-case letters, digits, '-' and '_' of up to 40 characters each; empty for anything else.
   */
  static Optional<Choice> parse(String command) {
    return ChoiceCommands.parse(command);
  }
}
