package ch.optout.chat;

import ch.optout.answer.Answer;
import ch.optout.search.Understanding;
import java.util.Objects;
import java.util.Optional;

/**
 * What the assistant says back: the answer as data, and what it understood of the question (absent
 * for commands), for channels that offer follow-up buttons and for {@code ask --json}.
 */
public record Reply(Answer answer, Optional<Understanding> understanding) {
  public Reply {
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(understanding, "understanding");
  }

  static Reply of(Answer answer) {
    return new Reply(answer, Optional.empty());
  }
}
