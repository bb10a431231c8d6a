package ch.optout.store;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A reminder a chat asked for after an objection: on {@code dueOn}, OptOut asks whether the company
 * answered. Nothing of the letter is kept: the company, two days and where the reminder stands.
 *
 * @param subject the platform's guide id ("linkedin"), or a service without a guide
 *     ("svc-duolingo")
 * @param kind a letter OptOut wrote, or the platform's own form the user says they sent
 * @param language the language to ask in ("fr", "en")
 * @param sentOn the day the letter or form was sent (the day the reminder was asked for)
 * @param dueOn the day to ask
 * @param state waiting for its day, or asked and waiting for the user's answer
 */
public record Reminder(
    String subject, Kind kind, String language, LocalDate sentOn, LocalDate dueOn, State state) {

  /** What was sent. */
  public enum Kind {
    LETTER,
    FORM
  }

  /** Where the reminder stands; answered reminders are deleted. */
  public enum State {
    WAITING,
    ASKED
  }

  public Reminder {
    Tokens.check(subject, "subject");
    Objects.requireNonNull(kind, "kind");
    Tokens.check(language, "language");
    Objects.requireNonNull(sentOn, "sentOn");
    Objects.requireNonNull(dueOn, "dueOn");
    Objects.requireNonNull(state, "state");
  }

  /** The same reminder, due again on {@code day}. */
  public Reminder dueAgain(LocalDate day) {
    return new Reminder(subject, kind, language, sentOn, day, State.WAITING);
  }
}
