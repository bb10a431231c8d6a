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
 */
public record Reply(Answer answer, Optional<Reading> reading, List<Choice> choices) {
  public Reply {
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(reading, "reading");
    choices = List.copyOf(choices);
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
    return new Reply(other, reading, choices);
  }

  static Reply of(Answer answer) {
    return new Reply(answer, Optional.empty());
  }

  static Reply of(Answer answer, List<Choice> choices) {
    return new Reply(answer, Optional.empty(), choices);
  }
}
