package ch.optout.answer;

/**
 * Turns a question, as understood, and its retrieved passages into an {@link Answer} in the
 * question's language. Implementations never throw for a well-formed question and only say what the
 * knowledge says.
 */
public interface AnswerComposer {
  Answer compose(Question question);
}
