package ch.optout.chat;

import ch.optout.answer.LegalRegime;
import ch.optout.knowledge.Language;
import ch.optout.store.ChecklistStatus;
import ch.optout.store.Reminder;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The commands {@link Choice}s write, read back: the one reading of a choice's stable form. It
 * reads what a choice writes and nothing else; what a user types goes to {@link Commands}, which
 * reads more leniently ("/liste fait", "/checklist 1, 4 et 12").
 */
final class ChoiceCommands {
  static final String CHECKLIST = "/checklist";
  static final String WATCH = "/watch";
  static final String OFF = "off";
  static final String FORM = "form";

  /** The word of each checklist mark. */
  static final Map<ChecklistStatus, String> MARKS =
      Map.of(
          ChecklistStatus.DONE, "done",
          ChecklistStatus.SKIPPED, "skip",
          ChecklistStatus.LATER, "later");

  /**
   * What fits a button: a command's name, then at most two words of up to 40 characters, leaving
   * room in Telegram's 64 bytes of callback data for the channel's own prefix.
   */
  private static final Pattern SHAPE =
      Pattern.compile(
          "/(checklist|letter|region|lang|remind|watch|followup|start)( [a-z0-9_-]{1,40}){0,2}");

  private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]?");
  private static final Pattern DAY = Pattern.compile("[0-9]{8}");

  private ChoiceCommands() {}

  /** See {@link Choice#parse}. */
  static Optional<Choice> parse(String command) {
    if (command == null || !SHAPE.matcher(command).matches()) {
      return Optional.empty();
    }
    String[] w = command.split(" ");
    Optional<String> first = w.length > 1 ? Optional.of(w[1]) : Optional.empty();
    Optional<String> second = w.length > 2 ? Optional.of(w[2]) : Optional.empty();
    boolean oneWord = first.isPresent() && second.isEmpty();
    return switch (w[0]) {
      case CHECKLIST -> checklist(first, second);
      case "/letter" -> oneWord ? first.map(Choice.WriteLetter::new) : Optional.empty();
      case "/region" -> oneWord ? first.flatMap(ChoiceCommands::regime) : Optional.empty();
      case "/remind" -> first.flatMap(s -> remind(s, second));
      case WATCH -> watch(first, second);
      case "/followup" ->
          first
              .flatMap(ChoiceCommands::outcome)
              .flatMap(o -> second.map(s -> new Choice.ReminderAnswer(o, s)));
      case "/start" -> oneWord ? first.map(Choice.OpenGuide::new) : Optional.empty();
      case "/lang" ->
          oneWord
              ? first.flatMap(ChoiceCommands::exactLanguage).map(Choice.SetLanguage::new)
              : Optional.empty();
      default -> Optional.empty();
    };
  }

  private static Optional<Choice> checklist(Optional<String> first, Optional<String> second) {
    if (first.isEmpty()) {
      return Optional.of(new Choice.OpenChecklist());
    }
    if (first.get().equals("all") && second.isEmpty()) {
      return Optional.of(new Choice.PickAll());
    }
    Optional<ChecklistStatus> status =
        MARKS.entrySet().stream()
            .filter(e -> e.getValue().equals(first.get()))
            .map(Map.Entry::getKey)
            .findFirst();
    if (status.isPresent()) {
      return Optional.of(new Choice.MarkItem(status.get(), second));
    }
    boolean numbers =
        Stream.concat(first.stream(), second.stream()).allMatch(n -> NUMBER.matcher(n).matches());
    return numbers
        ? Optional.of(
            new Choice.PickSome(
                Stream.concat(first.stream(), second.stream()).map(Integer::valueOf).toList()))
        : Optional.empty();
  }

  private static Optional<Choice> regime(String word) {
    return Arrays.stream(LegalRegime.values())
        .filter(r -> r.name().toLowerCase(java.util.Locale.ROOT).equals(word))
        .<Choice>map(Choice.LetterRegion::new)
        .findFirst();
  }

  private static Optional<Choice> remind(String subject, Optional<String> detail) {
    if (detail.isEmpty()) {
      return Optional.of(new Choice.RemindMe(subject, Reminder.Kind.LETTER, Optional.empty()));
    }
    if (detail.get().equals(FORM)) {
      return Optional.of(new Choice.RemindMe(subject, Reminder.Kind.FORM, Optional.empty()));
    }
    if (!DAY.matcher(detail.get()).matches()) {
      return Optional.empty();
    }
    try {
      LocalDate day = LocalDate.parse(detail.get(), DateTimeFormatter.BASIC_ISO_DATE);
      return Optional.of(new Choice.RemindMe(subject, Reminder.Kind.LETTER, Optional.of(day)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<Choice> watch(Optional<String> first, Optional<String> second) {
    if (first.filter(OFF::equals).isPresent()) {
      return second.map(Choice.Unfollow::new);
    }
    return second.isEmpty() ? first.map(Choice.Follow::new) : Optional.empty();
  }

  private static Optional<Choice.ReminderAnswer.Outcome> outcome(String word) {
    return Arrays.stream(Choice.ReminderAnswer.Outcome.values())
        .filter(o -> o.name().toLowerCase(java.util.Locale.ROOT).equals(word))
        .findFirst();
  }

  private static Optional<Language> exactLanguage(String code) {
    return Language.fromCode(code).filter(l -> l.code().equals(code));
  }

  /** An id or a token, as a command carries it: one word. */
  static String word(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isEmpty() || value.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(what + " must be one word: '" + value + "'");
    }
    return value;
  }
}
