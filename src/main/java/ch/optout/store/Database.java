package ch.optout.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * A few SQLite connections to one file, handed out one transaction at a time. Everything
 * SQLite-specific (pragmas, BEGIN IMMEDIATE, error codes) lives here; the SQL that uses it does
 * not.
 */
final class Database implements Sql, AutoCloseable {
  /**
   * How hard to try before reporting the database busy.
   *
   * @param connections connections kept open; reads run in parallel on them, writes take turns
   * @param busyTimeout how long SQLite itself waits for a lock before answering SQLITE_BUSY
   * @param attempts how many times a transaction that met SQLITE_BUSY is run in all
   * @param backoff the first pause between attempts, doubled each time, with jitter
   */
  record Tuning(int connections, Duration busyTimeout, int attempts, Duration backoff) {
    static final Tuning DEFAULT = new Tuning(4, Duration.ofSeconds(2), 5, Duration.ofMillis(20));

    Tuning {
      if (connections < 1 || attempts < 1 || busyTimeout.isNegative() || backoff.isNegative()) {
        throw new IllegalArgumentException(
            "invalid tuning "
                + connections
                + ", "
                + busyTimeout
                + ", "
                + attempts
                + ", "
                + backoff);
      }
    }
  }

  /** A unit of work on one connection, inside one transaction. */
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  private final Path file;
  private final Tuning tuning;
  // doubled at most ten times, plus up to half of it
  private final Backoff backoff;
  private final BlockingQueue<Connection> idle;
  private final List<Connection> all = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  private Database(Path file, Tuning tuning) {
    this.file = file;
    this.tuning = tuning;
    this.backoff =
        Backoff.doubling(tuning.backoff(), tuning.backoff().multipliedBy(1024)).withJitter(0.5);
    this.idle = new ArrayBlockingQueue<>(tuning.connections());
  }

  /**
   * Opens the file, creating it if absent. A damaged file is detected before anything is written to
   * it, and left exactly as it was.
   */
  static Database open(Path file, Tuning tuning) {
    Database db = new Database(file, tuning);
    try {
      Connection first = db.connect();
      db.all.add(first);
      db.check(first);
      try (Statement s = first.createStatement()) {
        // persistent in the file: readers never wait for the writer, and a crash loses no commit
        s.execute("PRAGMA journal_mode = WAL");
      }
      db.idle.add(first);
      for (int i = 1; i < tuning.connections(); i++) {
        Connection c = db.connect();
        db.all.add(c);
        db.idle.add(c);
      }
      return db;
    } catch (SQLException e) {
      db.close();
      throw db.translate(e, "open");
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  Path file() {
    return file;
  }

  @Override
  public String name() {
    return file.toString();
  }

  @Override
  public boolean postgres() {
    return false;
  }

  /** Runs {@code work} in a write transaction, taken at once so that two writers never deadlock. */
  @Override
  public <T> T write(String what, Work<T> work) {
    return run(what, "BEGIN IMMEDIATE", work);
  }

  /** Runs {@code work} in a read transaction: one consistent snapshot across its statements. */
  @Override
  public <T> T read(String what, Work<T> work) {
    return run(what, "BEGIN", work);
  }

  /** Runs {@code work} outside any transaction, e.g. a checkpoint; retried like the rest. */
  <T> T plain(String what, Work<T> work) {
    return run(what, null, work);
  }

  private <T> T run(String what, String begin, Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      Connection c = take(what);
      boolean open = false;
      boolean clean = true;
      try {
        if (begin != null) {
          execute(c, begin);
          open = true;
        }
        T result = work.run(c);
        if (open) {
          execute(c, "COMMIT");
          open = false;
        }
        return result;
      } catch (SQLException e) {
        clean = !open || rollback(c);
        if (SqliteErrors.busy(e) && attempt < tuning.attempts()) {
          LOG.debug("{}: database busy, attempt {} of {}", what, attempt, tuning.attempts());
          pause(attempt, what);
          continue;
        }
        throw translate(e, what);
      } catch (RuntimeException e) {
        clean = !open || rollback(c);
        throw e;
      } finally {
        give(c, !clean);
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    for (Connection c : all) {
      try {
        c.close();
      } catch (SQLException e) {
        LOG.warn("closing {}: {}", file, e.getMessage());
      }
    }
    all.clear();
    idle.clear();
  }

  private Connection connect() throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, tuning.busyTimeout().toMillis()));
    config.enforceForeignKeys(true);
    // a commit is on disk when it returns, so a crash or a kill loses nothing acknowledged
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    // erased rows are overwritten, not left readable in free pages: /forget means gone
    config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
    return DriverManager.getConnection(
        "jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
  }

  /**
   * Reads the whole file once, so that a damaged one is reported now rather than mid-conversation.
   */
  private void check(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("PRAGMA quick_check")) {
      String first = r.next() ? r.getString(1) : "no answer";
      if (!"ok".equalsIgnoreCase(first)) {
        throw new StoreException(
            StoreException.Reason.DAMAGED,
            file,
            SqliteErrors.damaged(file, "integrity check: " + first));
      }
    }
  }

  private Connection take(String what) {
    if (closed) {
      throw new StoreException(
          StoreException.Reason.FAILED, file, "The store " + file + " is closed (" + what + ").");
    }
    try {
      Connection c =
          idle.poll(
              tuning.busyTimeout().toMillis() * tuning.attempts() + 1000, TimeUnit.MILLISECONDS);
      if (c == null) {
        throw new StoreException(
            StoreException.Reason.BUSY,
            file,
            "The store " + file + " had no free connection for too long (" + what + ").");
      }
      return c;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException(
          StoreException.Reason.FAILED,
          file,
          "Interrupted while waiting for the store " + file + " (" + what + ").",
          e);
    }
  }

  /**
   * Puts a connection back, or replaces it when a failed rollback may have left it mid-transaction.
   */
  private void give(Connection c, boolean broken) {
    if (closed) {
      return;
    }
    if (broken) {
      try {
        c.close();
        Connection fresh = connect();
        all.remove(c);
        all.add(fresh);
        c = fresh;
      } catch (SQLException e) {
        LOG.warn("could not reopen a connection to {}: {}", file, e.getMessage());
      }
    }
    idle.add(c);
  }

  /**
   * @return whether the connection is out of its transaction again
   */
  private static boolean rollback(Connection c) {
    try {
      execute(c, "ROLLBACK");
      return true;
    } catch (SQLException e) {
      // SQLite rolls back by itself after some errors (a full disk, an I/O error): nothing left to
      // undo
      if (e.getMessage() != null && e.getMessage().contains("no transaction is active")) {
        return true;
      }
      LOG.warn("rollback failed, replacing the connection: {}", e.getMessage());
      return false;
    }
  }

  private void pause(int attempt, String what) {
    try {
      backoff.pause(attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException(
          StoreException.Reason.FAILED,
          file,
          "Interrupted while retrying the store " + file + " (" + what + ").",
          e);
    }
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  StoreException translate(SQLException e, String what) {
    return SqliteErrors.translate(e, file, what, tuning.attempts());
  }
}
