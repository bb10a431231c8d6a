package ch.optout.search;

/** What a question asks for. */
public enum Intent {
  /** how to stop a platform using one's data: steps. */
  HOW_TO,
  /** what data, since when, which regions: facts from guides and articles. */
  FACTS,
  /** the law: legitimate interest, right to object, opt-in versus opt-out. */
  LEGAL,
  /** act on every platform at once: a checklist. */
  EVERYWHERE,
  /** an objection letter to a platform. */
  LETTER,
  /** a greeting or thanks: answered with what OptOut can do. */
  SMALL_TALK,
  /** several platforms compared ("which have a switch and which a form?"): one line each. */
  COMPARE,
  /**
   * about a platform but not about AI training (passwords, followers, posting times, cover
   * letters): a short polite decline, never a guide.
   */
  OFF_TOPIC
}
