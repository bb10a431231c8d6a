package ch.optout.chat;

import ch.optout.answer.Answer;
import ch.optout.understand.Reading;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the assistant says back: the answer as data, what it understood of the question (absent for
 * commands), and the quick answers it expects next (done / skip / later…), for channels that offer
 * buttons and for {@code ask --json}.
 *
 * @param privateStart set when what was asked runs only in a private chat (a letter, the checklist,
 *     asked in a group): the start payload that begins it there, e.g. {@code letter_tiktok}, as
 *     {@code /start letter_tiktok} (Telegram: a t.me/bot?start= link)
 */
public record Reply(
    Answer answer, Optional<Reading> reading, List<Choice> choices, Optional<String> privateStart) {
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

  public Reply(Answer answer, Optional<Reading> reading, List<Choice> choices) {
    this(answer, reading, choices, Optional.empty());
  }

  public Reply(Answer answer, Optional<Reading> reading) {
    this(answer, reading, List.of());
  }

  /**
   * A quick answer a channel may offer as a button: pressing it sends {@code command} as if typed.
   *
   * @param command at most 64 bytes, so it fits Telegram's callback data
   */
  public record Choice(String label, String command) {
    public Choice {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(command, "command");
      if (command.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 64) {
        throw new IllegalArgumentException("choice command longer than 64 bytes: " + command);
      }
    }
  }

  /** The same reply with another answer: the same reading and choices. */
  public Reply withAnswer(Answer other) {
    return new Reply(other, reading, choices, privateStart);
  }

  static Reply of(Answer answer) {
    return new Reply(answer, Optional.empty());
  }

  static Reply of(Answer answer, List<Choice> choices) {
    return new Reply(answer, Optional.empty(), choices);
  }
}
