package ch.optout.telegram;

import java.io.Serializable;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;

/**
 * Where the handler puts the calls an update leads to: straight to the {@link Sender}, or first
 * into the outbox when replicas share the work ({@link DurableHandler}).
 */
interface Replies {
  /** Queues a call behind the chat's earlier ones; returns at once. */
  void enqueue(Outgoing call);

  /** Stops the spinner on a tapped button, with an optional toast. */
  void answerCallback(String callbackId, Optional<String> toast);

  /** A call answering no chat (an inline query's results), sent once. */
  void callOnce(BotApiMethod<? extends Serializable> method, String what);
}
