package ch.optout.understand;

/** What kind of answer a question wants. */
public enum Shape {
  /** steps: "how do I stop it?". */
  HOW_TO,
  /** one fact: "is it retroactive?", "my daughter is 15". */
  FACT,
  /** whether a platform uses something: "does Instagram use my photos?". */
  WHETHER_USED,
  /** several named platforms side by side: "which of these is easier?". */
  COMPARISON,
  /** platforms by what they offer: "which ones have no setting?". */
  LIST,
  /** a summary of a document: "summarise the article". */
  SUMMARY
}
