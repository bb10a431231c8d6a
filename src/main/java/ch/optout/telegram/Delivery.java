package ch.optout.telegram;

/**
 * A reply the outbox keeps until it is sent: the {@link Sender} asks before each attempt and says
 * how it ended.
 */
interface Delivery {
  /** Whether to make the next attempt now. */
  enum Go {
    /** Send: the attempt is recorded. */
    SEND,
    /** Never: already sent, or this replica is no longer the leader. */
    SKIP,
    /** Not now: the attempt could not be recorded; try again shortly. */
    LATER
  }

  /** Called right before each attempt; records it. */
  Go attempting();

  /**
   * The reply is done with: sent, or refused for good.
   *
   * @param outcome "sent", "not modified", "refused", "blocked" (403), "given up"…
   */
  void done(String outcome);
}
