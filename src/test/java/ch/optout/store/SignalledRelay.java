package ch.optout.store;

import ch.optout.Signal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A relay that fires a {@link Signal} after each change it makes to the inbox or the outbox, so
 * that a test waits for the backlog to empty on the change that empties it instead of polling.
 * Replicas given relays sharing one signal wake the same waits.
 */
public final class SignalledRelay implements Relay {
  private final Relay relay;
  private final Signal signal;

  public SignalledRelay(Relay relay, Signal signal) {
    this.relay = relay;
    this.signal = signal;
  }

  public SignalledRelay(Relay relay) {
    this(relay, new Signal());
  }

  /** A relay over {@code other} firing the same signal: another replica's, sharing the database. */
  public SignalledRelay sharing(Relay other) {
    return new SignalledRelay(other, signal);
  }

  /**
   * Waits until no update is unhandled and no reply unsent, woken by each update handled and each
   * reply sent through a relay sharing this signal.
   *
   * @return whether the backlog emptied within {@code timeout}
   */
  public boolean awaitBacklogEmpty(Duration timeout) throws InterruptedException {
    return signal.await(() -> relay.backlog() == 0, timeout);
  }

  @Override
  public Set<Long> receive(List<Received> updates) {
    try {
      return relay.receive(updates);
    } finally {
      signal.fire();
    }
  }

  @Override
  public List<Received> unhandled() {
    return relay.unhandled();
  }

  @Override
  public long lastReceived() {
    return relay.lastReceived();
  }

  @Override
  public void handled(long updateId, List<String> replies) {
    try {
      relay.handled(updateId, replies);
    } finally {
      signal.fire();
    }
  }

  @Override
  public List<Pending> unsent() {
    return relay.unsent();
  }

  @Override
  public int attempt(long updateId, int seq, String replica) {
    try {
      return relay.attempt(updateId, seq, replica);
    } finally {
      signal.fire();
    }
  }

  @Override
  public void sent(long updateId, int seq, String outcome) {
    try {
      relay.sent(updateId, seq, outcome);
    } finally {
      signal.fire();
    }
  }

  @Override
  public int purge(Instant before) {
    try {
      return relay.purge(before);
    } finally {
      signal.fire();
    }
  }

  @Override
  public long backlog() {
    return relay.backlog();
  }
}
