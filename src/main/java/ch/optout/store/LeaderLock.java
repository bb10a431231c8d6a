package ch.optout.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which replica is the leader: the one holding a PostgreSQL session advisory lock, on a connection
 * of its own. A standby blocks in {@code pg_advisory_lock} and gets the lock the moment the
 * leader's session ends — closed, killed with its process, or cut by the server's {@code
 * idle_session_timeout} when the leader hangs and stops its {@link #heartbeat()}. Thread-safe:
 * {@link #close()} may be called from another thread to stop a wait.
 */
public final class LeaderLock implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LeaderLock.class);

  /** How long the server keeps an idle leader's session, hence its lock. */
  public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(5);

  /** How often the leader proves it is alive; well under {@link #IDLE_TIMEOUT}. */
  public static final Duration HEARTBEAT = Duration.ofSeconds(1);

  private static final Backoff RECONNECT = Backoff.fixed(Duration.ofSeconds(1));

  /**
   * Once the lock is held, how long its connection may go without an answer: a heartbeat that hears
   * nothing for this long (a server that stopped, a partition) ends the leadership before the
   * server's own {@link #IDLE_TIMEOUT} frees the lock for a standby, while a live server answers
   * "SELECT 1" in milliseconds.
   */
  static final Duration HELD_SOCKET_TIMEOUT = HEARTBEAT.multipliedBy(3);

  /** A standby asks for the lock again after this long, proving its connection alive. */
  static final Duration WAIT_ROUND = Duration.ofSeconds(30);

  private static final String LOCK_NOT_AVAILABLE = "55P03";

  private final DatabaseUrl url;
  private final long key;
  private final Duration round;
  private final Object lock = new Object();
  private Connection connection;
  private Statement waiting;
  private volatile boolean held;

  /** Notified as a round of waiting ends without the lock: tests wait on it. */
  private final Object roundEnded = new Object();

  /** Rounds of waiting that ended without the lock; guarded by {@link #roundEnded}. */
  private int rounds;

  private volatile boolean closed;

  /**
   * @param key the advisory lock's key: one per bot, so that two bots may share a database
   */
  LeaderLock(DatabaseUrl url, long key) {
    this(url, key, WAIT_ROUND);
  }

  /**
   * @param round how long one wait for the lock lasts before it is asked again
   */
  LeaderLock(DatabaseUrl url, long key, Duration round) {
    this.url = url;
    this.key = key;
    this.round = round;
  }

  /**
   * Waits until this replica holds the lock, or until {@link #close()}.
   *
   * @return whether the lock is held (false: closed while waiting)
   */
  public boolean await() throws InterruptedException {
    while (!closed) {
      try {
        Connection c = connect();
        Statement s;
        synchronized (lock) {
          if (closed) {
            return false;
          }
          s = c.createStatement();
          waiting = s;
        }
        try (s) {
          // a bounded wait, asked again and again: a connection that died silently (a firewall
          // dropping idle flows) is found out by the socket timeout instead of waiting forever
          s.execute("SET lock_timeout = '" + round.toMillis() + "ms'");
          s.execute("SELECT pg_advisory_lock(" + key + ")");
        } catch (SQLException e) {
          if (LOCK_NOT_AVAILABLE.equals(e.getSQLState()) && !closed) {
            synchronized (roundEnded) {
              rounds++;
              roundEnded.notifyAll();
            }
            continue;
          }
          throw e;
        } finally {
          synchronized (lock) {
            waiting = null;
          }
        }
        // now ours; from here an idle session means a hung leader: the server ends it
        try (Statement t = c.createStatement()) {
          t.execute("SET lock_timeout = 0");
          t.execute("SET idle_session_timeout = '" + IDLE_TIMEOUT.toMillis() + "ms'");
        }
        // a query timeout alone needs the server to answer a cancel request; a socket timeout
        // does not
        c.setNetworkTimeout(Runnable::run, (int) HELD_SOCKET_TIMEOUT.toMillis());
        held = true;
        return true;
      } catch (SQLException e) {
        if (closed) {
          return false;
        }
        LOG.warn(
            "waiting for the leader lock: {}; trying again in {} s",
            e.getMessage(),
            RECONNECT.first().toSeconds());
        dropConnection();
        RECONNECT.pause(1);
      }
    }
    return false;
  }

  /**
   * Proves the session alive; the leader calls it every {@link #HEARTBEAT}.
   *
   * @return whether the lock is still held; once false, it stays false
   */
  public boolean heartbeat() {
    if (!held) {
      return false;
    }
    try {
      Connection c;
      synchronized (lock) {
        c = connection;
      }
      if (c == null) {
        held = false;
        return false;
      }
      // a session lock lasts as long as its session: a live session is a held lock
      // bounded by the connection's socket timeout (HELD_SOCKET_TIMEOUT); a query timeout would
      // send its cancel over a new connection to a server that may not answer it either
      try (Statement s = c.createStatement()) {
        s.execute("SELECT 1");
      }
    } catch (SQLException e) {
      LOG.error("lost the leader lock's session: {}", e.getMessage());
      held = false;
    }
    return held;
  }

  long key() {
    return key;
  }

  /**
   * Waits until {@code count} rounds of waiting have ended without the lock; for tests.
   *
   * @return whether they had within {@code timeout}
   */
  boolean awaitRounds(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (roundEnded) {
      while (rounds < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(roundEnded, left);
      }
      return true;
    }
  }

  /** Whether this replica holds the lock, as of the last heartbeat. */
  public boolean held() {
    return held;
  }

  /** Releases the lock (if held) and ends the wait (if waiting). */
  @Override
  public void close() {
    closed = true;
    held = false;
    synchronized (lock) {
      if (waiting != null) {
        try {
          waiting.cancel();
        } catch (SQLException e) {
          LOG.debug("cancelling the wait for the leader lock", e);
        }
      }
    }
    dropConnection();
  }

  private Connection connect() throws SQLException {
    synchronized (lock) {
      if (connection == null || connection.isClosed()) {
        Properties p = new Properties();
        url.user().ifPresent(u -> p.setProperty("user", u));
        url.password().ifPresent(pw -> p.setProperty("password", pw));
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("ApplicationName", "optout-leader");
        p.setProperty("connectTimeout", "10");
        // longer than a round of waiting for the lock, so that only a dead connection times out
        p.setProperty("socketTimeout", Long.toString(round.toSeconds() + 15));
        connection = DriverManager.getConnection(url.jdbcUrl(), p);
        connection.setAutoCommit(true);
      }
      return connection;
    }
  }

  /** Closing the session releases a session lock at once: no unlock call is needed. */
  private void dropConnection() {
    synchronized (lock) {
      if (connection != null) {
        try {
          connection.close();
        } catch (SQLException e) {
          LOG.debug("closing the leader lock's connection", e);
        }
        connection = null;
      }
    }
  }

  @Override
  public String toString() {
    return "LeaderLock[" + key + (held ? ", held" : "") + "]";
  }
}
