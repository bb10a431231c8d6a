package ch.optout.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.optout.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(T0);

  @Test
  void open_emptyDirectory_appliesEveryMigrationInOrder() throws Exception {
    new SqliteChatStore(dir, clock).close();

    try (RawDb raw = new RawDb(dir)) {
      assertThat(raw.strings("SELECT version FROM schema_version ORDER BY version"))
          .containsExactly("1", "2", "3", "4", "5");
      assertThat(raw.tables())
          .containsExactlyInAnyOrder(
              "schema_version",
              "chat",
              "context",
              "guide_day",
              "checklist",
              "inbox",
              "outbox",
              "reminder",
              "watch",
              "watch_change");
      assertThat(raw.columns("chat"))
          .containsExactly("chat_key", "language", "device", "updated_at", "region", "country");
      assertThat(raw.strings("PRAGMA journal_mode")).containsExactly("wal");
    }
  }

  @Test
  void open_databaseAtVersion1_migratesToTheLatestKeepingItsRows() throws Exception {
    try (Database db =
        Database.open(
            Files.createDirectories(dir).resolve(SqliteChatStore.DATABASE),
            Database.Tuning.DEFAULT)) {
      Schema.migrate(db, clock, 1);
    }
    String key = ChatKeys.open(dir, new SecureRandom()).of("c1");
    try (RawDb raw = new RawDb(dir)) {
      assertThat(raw.strings("SELECT version FROM schema_version")).containsExactly("1");
      assertThat(raw.tables()).doesNotContain("checklist");
      raw.execute(
          "INSERT INTO chat (chat_key, language, device, updated_at) VALUES (?, 'fr', 'web', ?)",
          key,
          T0.toEpochMilli());
      raw.execute(
          "INSERT INTO context (chat_key, platform_id, intent, set_at) VALUES (?, 'meta', 'HOW_TO', ?)",
          key,
          T0.toEpochMilli());
      raw.execute(
          "INSERT INTO guide_day (guide_id, day, answers) VALUES ('meta', '2026-03-01', 7)");
    }

    try (SqliteChatStore store = new SqliteChatStore(dir, clock)) {
      assertThat(store.load("c1"))
          .isEqualTo(
              ChatState.EMPTY
                  .withLanguage("fr")
                  .withDevice("web")
                  .withContext("meta", "HOW_TO", T0));
      assertThat(store.guideDays(LocalDate.MIN))
          .containsExactly(new GuideDay("meta", LocalDate.parse("2026-03-01"), 7, 0, 0));
      store.save("c1", store.load("c1").withRegion(Region.CH));
      store.markChecklist("c1", "meta", ChecklistStatus.DONE);
      assertThat(store.export("c1").region()).contains(Region.CH);
      assertThat(store.checklist("c1")).hasSize(1);
    }
    try (RawDb raw = new RawDb(dir)) {
      assertThat(raw.strings("SELECT version FROM schema_version ORDER BY version"))
          .containsExactly("1", "2", "3", "4", "5");
    }
  }

  @Test
  void open_again_appliesNothingTwice() throws Exception {
    new SqliteChatStore(dir, clock).close();
    clock.set(T0.plusSeconds(3600));
    new SqliteChatStore(dir, clock).close();

    try (RawDb raw = new RawDb(dir)) {
      assertThat(raw.strings("SELECT applied_at FROM schema_version"))
          .containsOnly(Long.toString(T0.toEpochMilli()));
    }
  }

  @Test
  void open_databaseFromANewerVersion_isRefusedAndLeftUntouched() throws Exception {
    new SqliteChatStore(dir, clock).close();
    try (RawDb raw = new RawDb(dir)) {
      raw.execute("INSERT INTO schema_version (version, applied_at) VALUES (99, 0)");
    }
    byte[] before = Files.readAllBytes(dir.resolve(SqliteChatStore.DATABASE));

    StoreException e =
        catchThrowableOfType(StoreException.class, () -> new SqliteChatStore(dir, clock));

    assertThat(e.reason()).isEqualTo(StoreException.Reason.NEWER_SCHEMA);
    assertThat(e.getMessage())
        .contains("schema version 99")
        .contains(dir.resolve(SqliteChatStore.DATABASE).toString());
    assertThat(Files.readAllBytes(dir.resolve(SqliteChatStore.DATABASE))).isEqualTo(before);
  }

  @Test
  void open_databaseANewerReleaseOnlyAddedTo_runsBesideIt() throws Exception {
    new SqliteChatStore(dir, clock).close();
    int next = Schema.latest() + 1;
    try (RawDb raw = new RawDb(dir)) {
      raw.execute(
          "INSERT INTO schema_version (version, applied_at, oldest_reader) VALUES (?, 0, ?)",
          next,
          Schema.latest());
      raw.execute("CREATE TABLE added_by_the_next_release (x INTEGER)");
    }

    try (SqliteChatStore store = new SqliteChatStore(dir, clock)) {
      store.save("c1", ChatState.EMPTY.withLanguage("fr"));
      assertThat(store.load("c1").language()).contains("fr");
    }
    try (RawDb raw = new RawDb(dir)) {
      assertThat(raw.strings("SELECT MAX(version) FROM schema_version"))
          .containsExactly(Integer.toString(next));
    }
  }

  @Test
  void open_databaseANewerReleaseChanged_isRefused() throws Exception {
    new SqliteChatStore(dir, clock).close();
    int next = Schema.latest() + 1;
    try (RawDb raw = new RawDb(dir)) {
      raw.execute(
          "INSERT INTO schema_version (version, applied_at, oldest_reader) VALUES (?, 0, ?)",
          next,
          next);
    }

    StoreException e =
        catchThrowableOfType(StoreException.class, () -> new SqliteChatStore(dir, clock));

    assertThat(e.reason()).isEqualTo(StoreException.Reason.NEWER_SCHEMA);
  }

  @Test
  void aStepOlderReleasesRunBeside_onlyAdds() {
    for (Schema.Migration m : Schema.MIGRATIONS) {
      if (m.oldestReader() < m.version()) {
        for (String sql : m.statements()) {
          assertThat(sql.strip().toUpperCase(java.util.Locale.ROOT))
              .as(
                  "step %d keeps release %d running, so it may only add",
                  m.version(), m.oldestReader())
              .matches("(?s)(CREATE (TABLE|INDEX)|ALTER TABLE \\w+ ADD COLUMN) .*");
        }
      }
    }
  }

  @Test
  void migrations_areNumberedOneByOne() {
    List<Integer> versions = Schema.MIGRATIONS.stream().map(Schema.Migration::version).toList();
    for (int i = 0; i < versions.size(); i++) {
      assertThat(versions.get(i)).isEqualTo(i + 1);
    }
  }
}
