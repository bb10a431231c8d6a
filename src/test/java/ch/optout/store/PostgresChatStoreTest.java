package ch.optout.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.optout.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What only a store shared by several replicas has to get right. */
class PostgresChatStoreTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

  @BeforeEach
  void emptyDatabase() {
    TestPostgres.reset();
  }

  private PostgresChatStore open(Optional<String> secret) {
    return new PostgresChatStore(TestPostgres.url(), secret, clock);
  }

  @Test
  void replicasStartingTogether_applyEachMigrationOnce_andShareOneSecret() throws Exception {
    int replicas = 4;
    ExecutorService pool = Executors.newFixedThreadPool(replicas);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<PostgresChatStore>> opening = new ArrayList<>();
    for (int i = 0; i < replicas; i++) {
      opening.add(
          pool.submit(
              () -> {
                go.await();
                return open(Optional.empty());
              }));
    }
    go.countDown();
    List<PostgresChatStore> stores = new ArrayList<>();
    for (Future<PostgresChatStore> f : opening) {
      stores.add(f.get(60, TimeUnit.SECONDS));
    }
    pool.shutdown();
    try {
      stores.get(0).save("chat-1", ChatState.EMPTY.withLanguage("fr"));

      // the chat saved by one replica is the same chat for every other: one secret
      for (PostgresChatStore other : stores) {
        assertThat(other.load("chat-1").language()).contains("fr");
      }
      assertThat(count("SELECT COUNT(*) FROM schema_version")).isEqualTo(Schema.latest());
      assertThat(count("SELECT COUNT(*) FROM chat_secret")).isEqualTo(1);
    } finally {
      stores.forEach(PostgresChatStore::close);
    }
  }

  @Test
  void aSecretGivenInTheEnvironment_keysChatsTheSameOnEveryReplica() {
    String secret = "a-secret-of-at-least-thirty-two-characters";
    try (PostgresChatStore a = open(Optional.of(secret));
        PostgresChatStore b = open(Optional.of(secret));
        PostgresChatStore other = open(Optional.of(secret + "-but-another-one"))) {
      a.save("chat-2", ChatState.EMPTY.withLanguage("en"));

      assertThat(b.load("chat-2").language()).contains("en");
      assertThat(other.load("chat-2")).isEqualTo(ChatState.EMPTY);
    }
  }

  @Test
  void aShortSecret_isRefusedWithoutBeingShown() {
    assertThatThrownBy(() -> open(Optional.of("too-short-secret")))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("OPTOUT_SECRET_KEY must be at least 32 characters")
        .hasMessageNotContaining("too-short-secret");
  }

  @Test
  void anUnreachableServer_failsSayingWhereWithoutThePassword() {
    DatabaseUrl nowhere =
        DatabaseUrl.parse(
            "postgresql://optout:hunter2-secret@127.0.0.1:9/optout",
            Optional.empty(),
            Optional.empty());

    assertThatThrownBy(
            () ->
                new PostgresChatStore(
                    nowhere, Optional.empty(), clock, java.time.Duration.ofMillis(500)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("optout@127.0.0.1:9/optout")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void forget_reachesEveryTableOfTheChat() {
    try (PostgresChatStore store = open(Optional.empty())) {
      store.save(
          "chat-3",
          ChatState.EMPTY.withLanguage("fr").withContext("linkedin", "HOW_TO.fr", clock.instant()));
      store.markChecklist("chat-3", "linkedin", ChecklistStatus.DONE);

      store.forget("chat-3");

      assertThat(store.export("chat-3").isEmpty()).isTrue();
      assertThat(
              count(
                  "SELECT (SELECT COUNT(*) FROM chat) + (SELECT COUNT(*) FROM context) + (SELECT COUNT(*) FROM checklist)"))
          .isZero();
    }
  }

  @Test
  void everyConnection_hasAStatementTimeout() {
    PostgresDatabase db =
        new PostgresDatabase(TestPostgres.url(), PostgresChatStore.CONNECT_TIMEOUT);
    try {
      String timeout =
          db.read(
              "statement timeout",
              c -> {
                try (java.sql.Statement s = c.createStatement();
                    java.sql.ResultSet r = s.executeQuery("SHOW statement_timeout")) {
                  r.next();
                  return r.getString(1);
                }
              });

      assertThat(timeout).isEqualTo("5s");
    } finally {
      db.close();
    }
  }

  @Test
  void aServerThatStopsAnswering_failsTheCallAfterTheSocketTimeout() throws Exception {
    try (FreezableProxy proxy = FreezableProxy.before(TestPostgres.url());
        PostgresChatStore store =
            new PostgresChatStore(
                proxy.url(TestPostgres.url()),
                Optional.of("a-secret-of-at-least-thirty-two-characters"),
                clock,
                PostgresChatStore.CONNECT_TIMEOUT,
                java.time.Duration.ofSeconds(1))) {
      store.save("chat-4", ChatState.EMPTY.withLanguage("fr"));

      proxy.freeze();
      long frozen = System.nanoTime();

      assertThatThrownBy(() -> store.load("chat-4")).isInstanceOf(StoreException.class);
      assertThat(java.time.Duration.ofNanos(System.nanoTime() - frozen))
          .isLessThan(java.time.Duration.ofSeconds(8));
    }
  }

  private static long count(String sql) {
    return TestPostgres.count(sql);
  }
}
