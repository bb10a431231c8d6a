package ch.optout.answer;

/** What sort of reply an {@link Answer} is, so channels can lay it out and offer buttons. */
public enum AnswerKind {
  /** steps for one or more platforms. */
  GUIDE,
  /** facts or law, from passages. */
  INFORMATION,
  /** every platform and its one-line action. */
  CHECKLIST,
  /** an objection letter to copy, in {@link Answer#document()}. */
  LETTER,
  /** a reply to a command or a greeting. */
  MESSAGE,
  /** not answered: out of scope, or not enough evidence. */
  DECLINE,
  /** a question back, in one line, with choices: "which platform do you mean?". */
  CLARIFY
}
