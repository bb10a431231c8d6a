package ch.optout.telegram;

import ch.optout.store.Backoff;
import ch.optout.store.Relay;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox rows on their way through the {@link Sender}: each attempt is recorded before the call
 * (and none is made once this replica no longer leads), each end after it. Replies to updates and
 * follow-ups (reminders, alerts) go the same way.
 */
final class Outbox {
  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

  private static final Backoff DONE_WAITS =
      Backoff.doubling(Duration.ofMillis(250), Duration.ofSeconds(1));
  private static final int DONE_ATTEMPTS = 5;

  private final Relay relay;
  private final BooleanSupplier leader;
  private final String replica;
  private final TelegramCounts counts;

  /**
   * @param replica recorded with each attempt
   */
  Outbox(Relay relay, BooleanSupplier leader, String replica, TelegramCounts counts) {
    this.relay = relay;
    this.leader = leader;
    this.replica = replica;
    this.counts = counts;
  }

  Relay relay() {
    return relay;
  }

  /** The row {@code updateId}/{@code seq} as the sender delivers it. */
  Delivery row(long updateId, int seq) {
    return row(updateId, seq, outcome -> {});
  }

  /**
   * @param then told the outcome once the row is done with ("sent", "blocked"…)
   */
  Delivery row(long updateId, int seq, Consumer<String> then) {
    return new Row(updateId, seq, then);
  }

  /** Records that the row is done with, retrying a few times: else the next leader resends it. */
  void done(long updateId, int seq, String outcome) {
    for (int attempt = 1; attempt <= DONE_ATTEMPTS; attempt++) {
      try {
        relay.sent(updateId, seq, outcome);
        return;
      } catch (RuntimeException e) {
        if (attempt == DONE_ATTEMPTS) {
          LOG.error(
              "could not record that reply {}/{} was {} ({}): the next leader may send it again",
              updateId,
              seq,
              outcome,
              e.getMessage());
        } else {
          try {
            DONE_WAITS.pause(attempt);
          } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    }
  }

  /** One outbox row on its way through the sender. */
  private final class Row implements Delivery {
    private final long updateId;
    private final int seq;
    private final Consumer<String> then;
    private boolean tried;

    Row(long updateId, int seq, Consumer<String> then) {
      this.updateId = updateId;
      this.seq = seq;
      this.then = then;
    }

    @Override
    public Go attempting() {
      if (!leader.getAsBoolean()) {
        return Go.SKIP;
      }
      int attempts;
      try {
        attempts = relay.attempt(updateId, seq, replica);
      } catch (RuntimeException e) {
        LOG.warn("cannot record a send attempt ({}); the reply waits", e.getMessage());
        return Go.LATER;
      }
      if (attempts == 0) {
        return Go.SKIP;
      }
      if (!tried && attempts > 1) {
        // an earlier attempt, by a replica that died, may have reached the chat: Telegram has no
        // way to send exactly once, so the reply goes again rather than never
        LOG.warn(
            "resending reply {}/{} (attempt {}): a replica died while sending it, so it may arrive twice",
            updateId,
            seq,
            attempts);
        counts.resent();
      }
      tried = true;
      return Go.SEND;
    }

    @Override
    public void done(String outcome) {
      Outbox.this.done(updateId, seq, outcome);
      then.accept(outcome);
    }
  }
}
