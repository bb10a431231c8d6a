package ch.optout.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * A real PostgreSQL server for the tests: the one {@code OPTOUT_TEST_DATABASE_URL} names, else one
 * started from Maven's embedded binaries. When neither can be had, the test fails and says why: a
 * PostgreSQL test is never skipped.
 */
public final class TestPostgres {
  private static EmbeddedPostgres embedded;
  private static DatabaseUrl url;

  private TestPostgres() {}

  /** The server's address, starting it at first use; shared by the whole test run. */
  public static synchronized DatabaseUrl url() {
    if (url != null) {
      return url;
    }
    Optional<String> external =
        Optional.ofNullable(System.getenv("OPTOUT_TEST_DATABASE_URL")).filter(s -> !s.isBlank());
    if (external.isPresent()) {
      url = DatabaseUrl.parse(external.get(), Optional.empty(), Optional.empty());
      return url;
    }
    try {
      embedded = EmbeddedPostgres.builder().start();
      Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::stop));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "no PostgreSQL for the tests: OPTOUT_TEST_DATABASE_URL is not set and the embedded server"
              + " did not start ("
              + e
              + ")",
          e);
    }
    url =
        DatabaseUrl.parse(
            "postgresql://localhost:" + embedded.getPort() + "/postgres",
            Optional.of("postgres"),
            Optional.of("postgres"));
    return url;
  }

  /** A connection of the test's own to the server, outside any store. */
  public static Connection connect() throws SQLException {
    DatabaseUrl u = url();
    return DriverManager.getConnection(
        u.jdbcUrl(), u.user().orElse(null), u.password().orElse(null));
  }

  /** The number the query counts, e.g. {@code SELECT COUNT(*) FROM inbox}. */
  public static long count(String sql) {
    try (Connection c = connect();
        Statement s = c.createStatement();
        java.sql.ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** Runs one statement, e.g. to end a session the way the server or an operator would. */
  public static void execute(String sql) {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** Empties the database: every test starts from nothing, as a fresh server would. */
  public static void reset() {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA public CASCADE");
      s.execute("CREATE SCHEMA public");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reset the test database: " + e.getMessage(), e);
    }
  }

  private static void stop() {
    try {
      if (embedded != null) {
        embedded.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
