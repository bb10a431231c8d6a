package ch.optout.telegram;

import ch.optout.store.Backoff;
import ch.optout.store.Relay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The leader's long polling: each batch goes into the inbox, committed, before the next getUpdates
 * tells Telegram it arrived, so that a leader dying at any point loses nothing. Only updates new to
 * the inbox are handed on; one Telegram sends again (its offset was never confirmed) is already
 * there. Polling stops when the lock is lost or on {@link #stop()}.
 */
final class LeaderPoller implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(LeaderPoller.class);

  private final TelegramClient client;
  private final Relay relay;
  private final OutgoingJson json;
  private final UpdateDispatcher dispatcher;
  private final BooleanSupplier leader;
  private final Limits limits;
  private final List<String> allowed;
  private volatile boolean running = true;

  LeaderPoller(
      TelegramClient client,
      Relay relay,
      OutgoingJson json,
      UpdateDispatcher dispatcher,
      BooleanSupplier leader,
      Limits limits,
      List<String> allowed) {
    this.client = client;
    this.relay = relay;
    this.json = json;
    this.dispatcher = dispatcher;
    this.leader = leader;
    this.limits = limits;
    this.allowed = allowed;
  }

  /** Ends the loop after the call under way (which the caller may cancel). */
  void stop() {
    running = false;
  }

  boolean running() {
    return running;
  }

  @Override
  public void run() {
    try {
      poll();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.error("polling stopped unexpectedly", e);
    } finally {
      running = false;
    }
  }

  private void poll() throws InterruptedException {
    Long last = withStore("read the inbox", relay::lastReceived);
    if (last == null) {
      return;
    }
    long offset = last + 1;
    Backoff waits = limits.pollBackOff();
    int failures = 0;
    while (live()) {
      List<Update> batch;
      try {
        batch =
            ApiCalls.call(
                client,
                GetUpdates.builder()
                    .offset((int) offset)
                    .limit(100)
                    .timeout(limits.pollTimeoutSeconds())
                    .allowedUpdates(allowed)
                    .build(),
                Duration.ofSeconds(limits.pollTimeoutSeconds()).plus(Duration.ofSeconds(25)));
        failures = 0;
      } catch (TelegramApiException e) {
        if (!live()) {
          return;
        }
        Duration backOff = waits.delay(++failures);
        if (e instanceof TelegramApiRequestException r
            && r.getErrorCode() != null
            && r.getErrorCode() == 409) {
          LOG.warn(
              "Telegram says another process polls this bot ({}): a replica outside this database,"
                  + " or a webhook; waiting {} ms",
              Failure.of(e).description(),
              backOff.toMillis());
        } else {
          LOG.warn(
              "getUpdates failed ({}); again in {} ms",
              Failure.of(e).description(),
              backOff.toMillis());
        }
        Thread.sleep(backOff.toMillis());
        continue;
      }
      if (batch == null || batch.isEmpty()) {
        continue;
      }
      List<Relay.Received> rows = new ArrayList<>(batch.size());
      long highest = offset - 1;
      for (Update u : batch) {
        rows.add(
            new Relay.Received(
                u.getUpdateId(),
                UpdateDispatcher.chatOf(u).map(ChatRef::assistantKey),
                json.write(u)));
        highest = Math.max(highest, u.getUpdateId());
      }
      Set<Long> fresh = withStore("save updates", () -> relay.receive(rows));
      if (fresh == null) {
        // not saved: the offset stays, Telegram keeps them for the next leader
        return;
      }
      offset = highest + 1;
      dispatcher.consume(
          batch.stream().filter(u -> fresh.contains((long) u.getUpdateId())).toList());
    }
  }

  private boolean live() {
    return running && leader.getAsBoolean();
  }

  /** Runs a store call until it works, waiting longer each time; null once no longer live. */
  private <T> T withStore(String what, java.util.function.Supplier<T> call) {
    if (!live()) {
      return null;
    }
    return limits.pollBackOff().untilDone(what, call, this::live).orElse(null);
  }
}
