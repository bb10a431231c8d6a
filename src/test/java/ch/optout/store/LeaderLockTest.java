package ch.optout.store;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.MutableClock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One leader at a time, on a real PostgreSQL server. */
class LeaderLockTest {
  private PostgresChatStore store;

  @BeforeEach
  void open() {
    TestPostgres.reset();
    store =
        new PostgresChatStore(
            TestPostgres.url(), Optional.empty(), new MutableClock(Instant.EPOCH));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void secondReplica_waitsUntilTheLeaderReleases_thenLeads() throws Exception {
    try (LeaderLock first = store.leaderLock(42);
        LeaderLock second = store.leaderLock(42)) {
      assertThat(first.await()).isTrue();
      CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> await(second));

      awaitWaitingInTheServer(second);
      assertThat(waiting).as("the standby waits while the leader holds the lock").isNotDone();
      assertThat(first.heartbeat()).isTrue();

      long released = System.nanoTime();
      first.close();

      assertThat(waiting.get(5, TimeUnit.SECONDS)).isTrue();
      System.out.printf(
          "lock hand-over on release: %d ms%n",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - released));
      assertThat(second.held()).isTrue();
      assertThat(first.held()).isFalse();
      assertThat(first.heartbeat()).isFalse();
    }
  }

  @Test
  void standby_asksAgainRoundAfterRound_andStillTakesOverAtOnce() throws Exception {
    try (LeaderLock leader = store.leaderLock(5);
        LeaderLock standby =
            new LeaderLock(TestPostgres.url(), leader.key(), java.time.Duration.ofMillis(100))) {
      assertThat(leader.await()).isTrue();
      CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> await(standby));

      assertThat(standby.awaitRounds(3, java.time.Duration.ofSeconds(5)))
          .as("the wait is asked again each round")
          .isTrue();
      assertThat(waiting).isNotDone();
      leader.close();

      assertThat(waiting.get(5, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void anotherBot_hasItsOwnLock() throws Exception {
    try (LeaderLock a = store.leaderLock(1);
        LeaderLock b = store.leaderLock(2)) {
      assertThat(a.await()).isTrue();
      assertThat(CompletableFuture.supplyAsync(() -> await(b)).get(5, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void leaderWhoseSessionIsCut_seesItAtTheNextHeartbeat_andTheStandbyTakesOver() throws Exception {
    try (LeaderLock leader = store.leaderLock(7);
        LeaderLock standby = store.leaderLock(7)) {
      assertThat(leader.await()).isTrue();
      CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> await(standby));
      awaitWaitingInTheServer(standby);
      assertThat(waiting).isNotDone();

      // what the server does to a hung leader (idle_session_timeout) or an operator to a stuck one
      terminate("optout-leader", leader);

      assertThat(waiting.get(5, TimeUnit.SECONDS)).isTrue();
      assertThat(leader.heartbeat()).isFalse();
      assertThat(leader.held()).isFalse();
    }
  }

  @Test
  void close_endsAStandbysWait() throws Exception {
    try (LeaderLock leader = store.leaderLock(9);
        LeaderLock standby = store.leaderLock(9)) {
      assertThat(leader.await()).isTrue();
      CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> await(standby));
      awaitWaitingInTheServer(standby);
      assertThat(waiting).isNotDone();

      standby.close();

      assertThat(waiting.get(5, TimeUnit.SECONDS)).isFalse();
      assertThat(leader.heartbeat()).isTrue();
    }
  }

  @Test
  void frozenLeader_withoutHeartbeat_losesTheLockToTheServersIdleTimeout() throws Exception {
    try (LeaderLock frozen = store.leaderLock(11);
        LeaderLock standby = store.leaderLock(11)) {
      assertThat(frozen.await()).isTrue();
      long since = System.nanoTime();
      CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> await(standby));

      // no heartbeat: as if the leader's process were stopped (SIGSTOP) or stuck
      assertThat(waiting.get(LeaderLock.IDLE_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS)).isTrue();

      long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
      System.out.printf("a frozen leader's lock went to the standby after %d ms%n", waited);
      assertThat(waited).isGreaterThanOrEqualTo(LeaderLock.IDLE_TIMEOUT.toMillis() - 500);
      assertThat(frozen.heartbeat()).as("the frozen leader learns it on waking").isFalse();
    }
  }

  private static boolean await(LeaderLock lock) {
    try {
      return lock.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Waits until the server holds a request for {@code lock}'s key waiting, not granted: the standby
   * asked, and the lock is someone else's. PostgreSQL is another process and tells nobody of a
   * session starting to wait, so its view of the locks is polled.
   */
  private static void awaitWaitingInTheServer(LeaderLock lock) throws InterruptedException {
    String waiting =
        "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
            + " AND classid::bigint = "
            + (lock.key() >>> 32)
            + " AND objid::bigint = "
            + (lock.key() & 0xFFFF_FFFFL);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (TestPostgres.count(waiting) == 0) {
      assertThat(System.nanoTime()).as("a request waiting for the lock").isLessThan(deadline);
      // the embedded PostgreSQL server is a process of its own, with no signal for a lock wait
      Thread.sleep(5);
    }
  }

  private static void terminate(String application, LeaderLock leader) {
    // the holder's session: the one granted the advisory lock
    TestPostgres.execute(
        "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted"
            + " AND pid IN (SELECT pid FROM pg_stat_activity WHERE application_name = '"
            + application
            + "')");
  }

  @Test
  void heartbeat_serverThatStopsAnswering_endsTheLeadershipWithinSeconds() throws Exception {
    try (FreezableProxy proxy = FreezableProxy.before(TestPostgres.url());
        LeaderLock leader = new LeaderLock(proxy.url(TestPostgres.url()), 77)) {
      assertThat(leader.await()).isTrue();
      assertThat(leader.heartbeat()).isTrue();

      proxy.freeze();
      long frozen = System.nanoTime();
      boolean held = leader.heartbeat();

      assertThat(held).isFalse();
      assertThat(java.time.Duration.ofNanos(System.nanoTime() - frozen))
          .as("noticed by the heartbeat itself, not after the 45 s socket timeout of the wait")
          .isLessThan(java.time.Duration.ofSeconds(10));
    }
  }
}
