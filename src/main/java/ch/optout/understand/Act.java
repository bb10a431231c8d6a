package ch.optout.understand;

/** What a message does in the conversation, whatever its wording. */
public enum Act {
  /** asks something: a how-to, a fact, a comparison; the default. */
  QUESTION,
  /** continues the last answer without naming its topic: "and then?", "what else?". */
  FOLLOW_UP,
  GREETING,
  THANKS,
  GOODBYE,
  /** "ok", "got it", « d'accord »: nothing to answer but a nod. */
  ACK,
  /** "who are you?", "how are you?": about the assistant, not the topic. */
  SMALL_TALK,
  /** asks for an objection letter. */
  LETTER,
  /** "where do I send it?", « je l'envoie à qui ? »: the company's contact. */
  WHERE_TO_SEND,
  /** "they did not answer", « ils ont refusé »: the next step, a complaint. */
  NO_REPLY,
  /** "who do I complain to?": the authority where the user lives. */
  COMPLAINT,
  /** "all my accounts, where do I start?": the checklist. */
  CHECKLIST,
  /** "where was I?": the checklist's progress. */
  PROGRESS,
  /** "no, I meant Facebook": the platform in context is replaced. */
  CORRECTION,
  /** "more", « plus »: the rest of the last guide. */
  MORE,
  /** "in English please", « en français svp ». */
  LANGUAGE,
  /** "I live in Fribourg": where the user is, for letters and complaints. */
  REGION
}
