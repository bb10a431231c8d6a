package ch.optout.cli;

import java.util.List;

/** A line of an eval file: one question, or a whole conversation held in one chat. */
sealed interface EvalItem {
  int line();

  record Single(EvalCase question) implements EvalItem {
    @Override
    public int line() {
      return question.line();
    }
  }

  record Conversation(int line, String id, List<EvalCase> turns) implements EvalItem {
    public Conversation {
      turns = List.copyOf(turns);
    }
  }
}
