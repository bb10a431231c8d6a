package ch.optout.telegram;

import ch.optout.store.Backoff;
import ch.optout.store.Relay;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Handles each update as the {@link UpdateHandler} does, but what it decides to send goes to the
 * outbox first: once the handling is over, its replies and the update's "handled" mark are
 * committed together, then handed to the {@link Sender}, which records each attempt before the call
 * and the send after it. A leader that dies leaves behind only rows its successor finishes.
 *
 * <p>The chat store's own writes (context, checklist) commit as they happen, before that mark: an
 * update whose handling was cut short is handled again by the next leader, so those writes are made
 * to bear repetition (a checklist button names its item; a context is replaced, not added to).
 */
final class DurableHandler implements UpdateDispatcher.Handler {
  private static final Logger LOG = LoggerFactory.getLogger(DurableHandler.class);

  private static final Backoff RECORD_WAITS =
      Backoff.doubling(Duration.ofMillis(250), Duration.ofSeconds(5));

  private final Sender sender;
  private final Outbox outbox;
  private final Relay relay;
  private final BooleanSupplier leader;
  private final OutgoingJson json = new OutgoingJson();
  private final UpdateDispatcher.Handler inner;

  /** The calls of the update being handled on this lane thread, while it is handled. */
  private final ThreadLocal<List<Outgoing>> capturing = new ThreadLocal<>();

  /**
   * @param handler builds the real handler around the replies it must use
   */
  DurableHandler(
      Sender sender,
      Outbox outbox,
      BooleanSupplier leader,
      Function<Replies, UpdateDispatcher.Handler> handler) {
    this.sender = sender;
    this.outbox = outbox;
    this.relay = outbox.relay();
    this.leader = leader;
    this.inner = handler.apply(new Capture());
  }

  @Override
  public void handle(Update update) {
    run(update, () -> inner.handle(update));
  }

  @Override
  public boolean addressed(Update update) {
    return inner.addressed(update);
  }

  @Override
  public void slowDown(Update update) {
    run(update, () -> inner.slowDown(update));
  }

  @Override
  public void dropped(Update update) {
    run(update, () -> inner.dropped(update));
  }

  @Override
  public void ignored(Update update) {
    record(update.getUpdateId(), List.of());
  }

  /** Queues a reply a predecessor decided and did not send. */
  void resume(Relay.Pending pending) {
    Outgoing call;
    try {
      call = json.read(pending.body());
    } catch (IllegalArgumentException e) {
      LOG.error("a reply in the outbox cannot be read ({}); dropped", e.getMessage());
      outbox.done(pending.updateId(), pending.seq(), "unreadable");
      return;
    }
    sender.enqueue(call, outbox.row(pending.updateId(), pending.seq()));
  }

  private void run(Update update, Runnable work) {
    List<Outgoing> calls = new ArrayList<>();
    capturing.set(calls);
    try {
      work.run();
    } catch (RuntimeException e) {
      // as without the outbox: the update is done with, whatever it sent so far goes out
      LOG.error("an update could not be handled", e);
    } finally {
      capturing.remove();
    }
    record(update.getUpdateId(), calls);
  }

  /** Commits the update's replies with its "handled" mark, then sends them. */
  private void record(long updateId, List<Outgoing> calls) {
    List<String> bodies = calls.stream().map(json::write).toList();
    boolean recorded =
        RECORD_WAITS
            .untilDone(
                "record that update " + updateId + " was handled",
                () -> {
                  relay.handled(updateId, bodies);
                  return true;
                },
                leader)
            .isPresent();
    if (!recorded) {
      return;
    }
    for (int i = 0; i < calls.size(); i++) {
      sender.enqueue(calls.get(i), outbox.row(updateId, i));
    }
  }

  /** The handler's way out: chat calls are captured while an update is handled. */
  private final class Capture implements Replies {
    @Override
    public void enqueue(Outgoing call) {
      List<Outgoing> calls = capturing.get();
      if (calls != null && OutgoingJson.kept(call)) {
        calls.add(call);
      } else {
        sender.enqueue(call);
      }
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
}
