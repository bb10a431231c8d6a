package ch.optout.chat;

import ch.optout.answer.Answer;
import ch.optout.understand.Reading;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the assistant says back: the answer as data, what it understood of the question (absent for
 * commands), and the choices it offers next (done / skip / later…), for channels that offer buttons
 * and for {@code ask --json}.
 *
 * @param privateStart set when what was asked runs only in a private chat (a letter, the checklist,
 *     asked in a group): the start payload that begins it there, e.g. {@code letter_tiktok}, as
 *     {@code /start letter_tiktok} (Telegram: a t.me/bot?start= link)
 */
public record Reply(
    Answer answer, Optional<Reading> reading, List<Offer> choices, Optional<String> privateStart) {
  public Reply {
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(reading, "reading");
    choices = List.copyOf(choices);
    Objects.requireNonNull(privateStart, "privateStart");
    privateStart.ifPresent(
        p -> {
          if (!START.matcher(p).matches()) {
            throw new IllegalArgumentException("not a start payload: " + p);
          }
        });
  }

  /** What Telegram allows after ?start=: 1 to 64 letters, digits, '_' and '-'. */
  private static final java.util.regex.Pattern START =
      java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,64}");

  public Reply(Answer answer, Optional<Reading> reading, List<Offer> choices) {
    this(answer, reading, choices, Optional.empty());
  }

  public Reply(Answer answer, Optional<Reading> reading) {
    this(answer, reading, List.of());
  }

  /**
   * A choice offered under the answer, with the words to show on it: a channel may offer it as a
   * button, carried out by {@link Assistant#choose}; the terminal shows its command, to type.
   *
   * @param choice whose command is at most 64 bytes, so that it fits Telegram's callback data
   */
  public record Offer(String label, Choice choice) {
    public Offer {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(choice, "choice");
      if (!fits(choice)) {
        throw new IllegalArgumentException("choice command longer than 64 bytes: " + choice);
      }
    }

    /** The choice with its label, when its command fits a button (64 bytes); else nothing. */
    static Optional<Offer> ifFits(String label, Choice choice) {
      return fits(choice) ? Optional.of(new Offer(label, choice)) : Optional.empty();
    }

    private static boolean fits(Choice choice) {
      return choice.command().getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 64;
    }
  }

  /** The same reply with another answer: the same reading and choices. */
  public Reply withAnswer(Answer other) {
    return new Reply(other, reading, choices, privateStart);
  }

  static Reply of(Answer answer) {
    return new Reply(answer, Optional.empty());
  }

  static Reply of(Answer answer, List<Offer> choices) {
    return new Reply(answer, Optional.empty(), choices);
  }
}
