package ch.optout.telegram;

import java.io.Serializable;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;

/**
 * The replies of a bot that keeps no outbox: each call goes to the {@link Sender} as work of the
 * update being handled, so that the update is confirmed to Telegram only once the call is sent or
 * given up. Button answers and inline results are not waited for: they are useless after a restart.
 */
final class ConfirmedReplies implements Replies {
  private final Sender sender;
  private final Confirmations confirmations;

  ConfirmedReplies(Sender sender, Confirmations confirmations) {
    this.sender = sender;
    this.confirmations = confirmations;
  }

  @Override
  public void enqueue(Outgoing call) {
    Optional<Integer> update = confirmations.more();
    if (update.isEmpty()) {
      sender.enqueue(call);
      return;
    }
    int id = update.get();
    sender.enqueue(
        call,
        new Delivery() {
          @Override
          public Go attempting() {
            return Go.SEND;
          }

          @Override
          public void done(String outcome) {
            confirmations.done(id);
          }
        });
  }

  @Override
  public void answerCallback(String callbackId, Optional<String> toast) {
    sender.answerCallback(callbackId, toast);
  }

  @Override
  public void callOnce(BotApiMethod<? extends Serializable> method, String what) {
    sender.callOnce(method, what);
  }
}
