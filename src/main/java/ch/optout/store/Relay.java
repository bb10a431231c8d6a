package ch.optout.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The durable path of a Telegram update through replicas that may die at any moment: an inbox of
 * received updates, committed before Telegram is told they arrived, and an outbox of the replies
 * each handling decided, each send attempt counted before the call. Whoever holds the leader lock
 * next finishes what its predecessor left. Chats appear as keys, like everywhere in the store; a
 * raw chat id exists only inside an update not yet handled or a reply not yet sent.
 */
public interface Relay {
  /**
   * An update as received.
   *
   * @param chatId the chat it belongs to, as the assistant names it, when it has one
   * @param payload the update as JSON, kept until it is handled
   */
  record Received(long updateId, Optional<String> chatId, String payload) {
    public Received {
      Objects.requireNonNull(chatId, "chatId");
      Objects.requireNonNull(payload, "payload");
    }
  }

  /** A reply decided but not yet sent, and how many times a send was already tried. */
  record Pending(long updateId, int seq, String body, int attempts) {
    public Pending {
      Objects.requireNonNull(body, "body");
    }
  }

  /**
   * Saves the updates not seen before, in one transaction.
   *
   * @return the ids of those that were new: the others are already handled or under way
   */
  Set<Long> receive(List<Received> updates);

  /** Updates received and not handled yet, oldest first, with their payload. */
  List<Received> unhandled();

  /** The highest update id ever received and still kept, 0 when none. */
  long lastReceived();

  /**
   * Marks the update handled (its payload is dropped) and records its replies in the same
   * transaction.
   */
  void handled(long updateId, List<String> replies);

  /** Replies not sent yet, in the order they must go. */
  List<Pending> unsent();

  /**
   * Counts one more send attempt of a reply, before the call.
   *
   * @return the attempts so far including this one; 0 when the reply is gone or already sent (do
   *     not send it)
   */
  int attempt(long updateId, int seq, String replica);

  /** The reply left (or was refused for good): its body is dropped. */
  void sent(long updateId, int seq, String outcome);

  /**
   * Deletes updates handled and replies sent before {@code before}.
   *
   * @return rows deleted
   */
  int purge(Instant before);

  /** Updates not handled plus replies not sent, for metrics. */
  long backlog();
}
