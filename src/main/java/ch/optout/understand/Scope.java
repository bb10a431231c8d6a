package ch.optout.understand;

/** Whether a message is about what OptOut answers. */
public enum Scope {
  /** AI and data use, privacy settings, rights, law, complaints, letters, or the conversation. */
  IN,
  /** anything else, whatever platform it names: declined politely. */
  OUT,
  /** too close to call: asked back in one line. */
  UNSURE
}
