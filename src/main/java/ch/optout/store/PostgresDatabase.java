package ch.optout.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The store on a PostgreSQL server, through a small HikariCP pool. Each unit of work runs in one
 * transaction on one connection; a failure rolls it back and becomes a {@link StoreException} that
 * names the server, never the password.
 */
final class PostgresDatabase implements Sql {
  /** Connections kept: the store's work is short, a replica needs few. */
  static final int POOL = 4;

  /**
   * How long a call waits for the server's next bytes: past it, a server that stopped answering (or
   * a connection a partition cut silently) fails the call instead of holding its thread forever.
   */
  static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(15);

  /** Each statement's limit on the server: the store's statements take milliseconds. */
  static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(5);

  private final HikariDataSource pool;
  private final String name;

  PostgresDatabase(DatabaseUrl url, Duration connectTimeout) {
    this(url, connectTimeout, SOCKET_TIMEOUT);
  }

  PostgresDatabase(DatabaseUrl url, Duration connectTimeout, Duration socketTimeout) {
    HikariConfig config = new HikariConfig();
    config.addDataSourceProperty(
        "socketTimeout", Long.toString(Math.max(1, socketTimeout.toSeconds())));
    config.addDataSourceProperty("options", "-c statement_timeout=" + STATEMENT_TIMEOUT.toMillis());
    config.addDataSourceProperty("tcpKeepAlive", "true");
    config.setJdbcUrl(url.jdbcUrl());
    url.user().ifPresent(config::setUsername);
    url.password().ifPresent(config::setPassword);
    config.setMaximumPoolSize(POOL);
    config.setMinimumIdle(1);
    config.setPoolName("optout-store");
    config.setConnectionTimeout(Math.max(250, connectTimeout.toMillis()));
    config.setInitializationFailTimeout(Math.max(1, connectTimeout.toMillis()));
    config.setAutoCommit(false);
    this.name = "PostgreSQL " + url.describe();
    try {
      this.pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException(
          StoreException.Reason.FAILED,
          Path.of(url.describe()),
          "Cannot connect to "
              + name
              + ": "
              + rootMessage(e)
              + ". Check OPTOUT_DATABASE_URL, OPTOUT_DATABASE_USER and OPTOUT_DATABASE_PASSWORD.",
          e);
    }
  }

  @Override
  public <T> T write(String what, Database.Work<T> work) {
    return run(what, work);
  }

  @Override
  public <T> T read(String what, Database.Work<T> work) {
    return run(what, work);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean postgres() {
    return true;
  }

  private <T> T run(String what, Database.Work<T> work) {
    try (Connection c = pool.getConnection()) {
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException(
          StoreException.Reason.FAILED,
          Path.of(name),
          what + " failed on " + name + ": " + e.getMessage(),
          e);
    }
  }

  @Override
  public void close() {
    pool.close();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
