package ch.optout.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.optout.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreFaultsTest {
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

  @Test
  void open_fileOfRandomBytes_failsClearlyAndLeavesTheFileUnchanged() throws Exception {
    Path file = dir.resolve(SqliteChatStore.DATABASE);
    byte[] junk = new byte[16_384];
    new Random(42).nextBytes(junk);
    Files.write(file, junk);

    StoreException e =
        catchThrowableOfType(StoreException.class, () -> new SqliteChatStore(dir, clock));

    assertThat(e.reason()).isEqualTo(StoreException.Reason.DAMAGED);
    assertThat(e.file()).isEqualTo(file);
    assertThat(e.getMessage())
        .contains(file.toString())
        .contains("damaged")
        .contains("left untouched");
    assertThat(Files.readAllBytes(file)).isEqualTo(junk);
    assertThat(dir.resolve(SqliteChatStore.DATABASE + "-wal")).doesNotExist();
  }

  @Test
  void open_validFileWithADamagedPage_failsClearlyAndLeavesTheFileUnchanged() throws Exception {
    try (SqliteChatStore store = new SqliteChatStore(dir, clock)) {
      for (int i = 0; i < 200; i++) {
        store.save(
            "chat-" + i,
            ChatState.EMPTY.withLanguage("fr").withContext("linkedin", "HOW_TO", clock.instant()));
      }
    }
    Path file = dir.resolve(SqliteChatStore.DATABASE);
    byte[] bytes = Files.readAllBytes(file);
    assertThat(bytes.length).isGreaterThan(4 * 4096);
    byte[] junk = new byte[4096];
    new Random(7).nextBytes(junk);
    System.arraycopy(junk, 0, bytes, 3 * 4096, junk.length);
    Files.write(file, bytes);

    StoreException e =
        catchThrowableOfType(StoreException.class, () -> new SqliteChatStore(dir, clock));

    assertThat(e.reason()).isEqualTo(StoreException.Reason.DAMAGED);
    assertThat(e.getMessage()).contains(file.toString());
    assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
  }

  @Test
  void open_dataDirectoryIsAFile_saysSo() throws Exception {
    Path notADir = Files.writeString(dir.resolve("data"), "I am a file");

    StoreException e =
        catchThrowableOfType(StoreException.class, () -> new SqliteChatStore(notADir, clock));

    assertThat(e.reason()).isEqualTo(StoreException.Reason.UNWRITABLE);
    assertThat(e.getMessage())
        .contains(notADir.toString())
        .contains("not a directory")
        .contains("OPTOUT_DATA_DIR");
    assertThat(Files.readString(notADir)).isEqualTo("I am a file");
  }

  @Test
  void open_dataDirectoryCannotBeCreated_saysSo() throws Exception {
    Path file = Files.writeString(dir.resolve("file"), "x");
    Path below = file.resolve("data");

    StoreException e =
        catchThrowableOfType(StoreException.class, () -> new SqliteChatStore(below, clock));

    assertThat(e.reason()).isEqualTo(StoreException.Reason.UNWRITABLE);
    assertThat(e.getMessage())
        .contains("cannot create its data directory " + below)
        .contains("OPTOUT_DATA_DIR");
  }

  @Test
  void open_readOnlyDataDirectory_saysSo() throws Exception {
    assumeTrue(
        Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class),
        "POSIX file system");
    assumeTrue(!"root".equals(System.getProperty("user.name")), "root writes anywhere");
    Path data = Files.createDirectory(dir.resolve("data"));
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("r-x------"));
    try {
      StoreException e =
          catchThrowableOfType(StoreException.class, () -> new SqliteChatStore(data, clock));

      assertThat(e.reason()).isEqualTo(StoreException.Reason.UNWRITABLE);
      assertThat(e.getMessage()).contains(data.toString()).contains("not writable");
    } finally {
      Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void write_whileAnotherConnectionHoldsTheLock_isRetriedAndSucceeds() throws Exception {
    Database.Tuning impatient =
        new Database.Tuning(2, Duration.ofMillis(20), 40, Duration.ofMillis(10));
    try (SqliteChatStore store = new SqliteChatStore(dir, clock, impatient);
        Connection other = DriverManager.getConnection("jdbc:sqlite:" + store.file());
        Statement s = other.createStatement()) {
      s.execute("BEGIN IMMEDIATE");

      Semaphore busy = new Semaphore(0);
      // open until the save has ended, so that none of its lines leaks to the console
      try (LogWatch retries = LogWatch.debug(Database.class, "database busy", busy::release)) {
        CompletableFuture<Void> save =
            CompletableFuture.runAsync(() -> store.save("c1", ChatState.EMPTY.withLanguage("fr")));
        // the marker: SQLite answered busy after one busy timeout, and again after the retry
        assertThat(busy.tryAcquire(2, 5, TimeUnit.SECONDS))
            .as("retried past one busy timeout, " + save)
            .isTrue();
        assertThat(save).as("waits for the lock").isNotDone();
        s.execute("COMMIT");

        save.get(5, TimeUnit.SECONDS);
      }
      assertThat(store.load("c1").language()).contains("fr");
    }
  }

  @Test
  void write_lockNeverReleased_failsWithBusyAfterItsAttempts() throws Exception {
    Database.Tuning impatient =
        new Database.Tuning(1, Duration.ofMillis(10), 3, Duration.ofMillis(5));
    try (SqliteChatStore store = new SqliteChatStore(dir, clock, impatient);
        Connection other = DriverManager.getConnection("jdbc:sqlite:" + store.file());
        Statement s = other.createStatement()) {
      s.execute("BEGIN IMMEDIATE");

      StoreException e =
          catchThrowableOfType(
              StoreException.class, () -> store.save("c1", ChatState.EMPTY.withLanguage("fr")));

      assertThat(e.reason()).isEqualTo(StoreException.Reason.BUSY);
      assertThat(e.getMessage()).contains("locked").contains("3 attempts");
      s.execute("ROLLBACK");
      store.save("c1", ChatState.EMPTY.withLanguage("fr"));
      assertThat(store.load("c1").language()).contains("fr");
    }
  }

  @Test
  void anyCall_afterClose_failsClearly() {
    SqliteChatStore store = new SqliteChatStore(dir, clock);
    store.close();

    StoreException e = catchThrowableOfType(StoreException.class, () -> store.load("c1"));

    assertThat(e.reason()).isEqualTo(StoreException.Reason.FAILED);
    assertThat(e.getMessage()).contains("closed");
  }
}
