package ch.optout.cli;

import ch.optout.answer.Messages;
import ch.optout.store.LeaderLock;
import ch.optout.store.PostgresChatStore;
import ch.optout.store.Relay;
import ch.optout.store.Threads;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leadership among replicas sharing a PostgreSQL database: stand by until the leader lock is ours,
 * then keep it with a heartbeat while the bot answers, and give the lead up — by stopping — when
 * the lock is lost or the bot no longer polls. The leader also clears the relay's handled rows.
 */
final class Leadership {
  /** Handled updates and sent replies stay this long in the shared tables, then go. */
  private static final Duration RELAY_KEEP = Duration.ofHours(1);

  static final Duration RELAY_PURGE_PERIOD = Duration.ofMinutes(10);

  private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);

  /** The bot's run while this replica leads; returns when {@code stop} is counted down. */
  interface Lead {
    void run(LeaderLock lock);
  }

  private final PostgresChatStore pg;
  private final String replica;
  private final RunState role;
  private final CountDownLatch stop;
  private final AtomicReference<LeaderLock> waiting;
  private final PrintWriter out;
  private final Messages messages;
  private final Clock clock;

  /**
   * @param stop counted down to stop the run; counted down here too when the lead is lost
   * @param waiting holds the lock while this replica stands by, so that a shutdown may close it
   */
  Leadership(
      PostgresChatStore pg,
      String replica,
      RunState role,
      CountDownLatch stop,
      AtomicReference<LeaderLock> waiting,
      PrintWriter out,
      Messages messages,
      Clock clock) {
    this.pg = pg;
    this.replica = replica;
    this.role = role;
    this.stop = stop;
    this.waiting = waiting;
    this.out = out;
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * Stands by for the bot's lock, then runs {@code lead} while holding it.
   *
   * @return whether the lead was lost (the lock, or the bot's polling), as opposed to stopped
   */
  boolean standByThenLead(long botId, Lead lead) throws InterruptedException {
    try (LeaderLock lock = pg.leaderLock(botId)) {
      waiting.set(lock);
      role.set(HealthServer.Role.STANDBY);
      // "Standby" leads the line whatever the language: scripts and tests wait for it
      out.println("Standby " + replica + ": " + messages.inEveryLanguage("console.standby"));
      out.flush();
      LOG.info("replica {} is standing by for the leader lock", replica);
      if (stop.getCount() == 0 || !lock.await()) {
        return false;
      }
      waiting.set(null);
      if (stop.getCount() == 0) {
        return false;
      }
      LOG.info("replica {} holds the leader lock", replica);
      ScheduledExecutorService beat =
          Executors.newSingleThreadScheduledExecutor(Threads.single("optout-leader-heartbeat"));
      AtomicBoolean lost = new AtomicBoolean();
      Relay relay = pg.relay();
      try {
        beat.scheduleWithFixedDelay(
            () -> beat(lock, lost),
            LeaderLock.HEARTBEAT.toMillis(),
            LeaderLock.HEARTBEAT.toMillis(),
            TimeUnit.MILLISECONDS);
        beat.scheduleWithFixedDelay(
            () -> purge(relay, clock),
            RELAY_PURGE_PERIOD.toMinutes(),
            RELAY_PURGE_PERIOD.toMinutes(),
            TimeUnit.MINUTES);
        purge(relay, clock);
        lead.run(lock);
      } finally {
        beat.shutdownNow();
      }
      return lost.get();
    }
  }

  private void beat(LeaderLock lock, AtomicBoolean lost) {
    if (!lock.heartbeat() && lost.compareAndSet(false, true)) {
      LOG.error(
          "replica {} lost the leader lock: it stops polling and sending, another replica"
              + " takes over",
          replica);
      stop.countDown();
    } else if (role.now() == HealthServer.Role.STOPPED
        && stop.getCount() > 0
        && lost.compareAndSet(false, true)) {
      // a leader that no longer polls must not keep the lock from the standbys
      LOG.error("replica {} stopped polling: it gives the lead to a standby", replica);
      stop.countDown();
    }
  }

  /** Deletes what the relay is done with, by the store's clock (which wrote its times). */
  static void purge(Relay relay, Clock clock) {
    try {
      int n = relay.purge(clock.instant().minus(RELAY_KEEP));
      if (n > 0) {
        LOG.debug("relay: deleted {} handled updates and sent replies", n);
      }
    } catch (RuntimeException e) {
      LOG.warn("relay purge failed ({}); next time", e.getMessage());
    }
  }
}
