package ch.optout.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.optout.store.ChatExport;
import ch.optout.store.ChatState;
import ch.optout.store.ChatStore;
import ch.optout.store.ChecklistItem;
import ch.optout.store.ChecklistStatus;
import ch.optout.store.GuideDay;
import ch.optout.store.InMemoryChatStore;
import ch.optout.telegram.TelegramCounts;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthServerTest {
  private final HangingStore store = new HangingStore();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private HealthServer server;

  @AfterEach
  void stop() {
    store.release();
    if (server != null) {
      server.close();
    }
  }

  private void start() {
    server =
        HealthServer.start(
            TelegramSettings.httpHost(Optional.empty()),
            0,
            store,
            () -> new HealthServer.Status(HealthServer.Role.LEADER, new TelegramCounts()),
            Clock.systemUTC());
  }

  @Test
  void start_withoutAHost_listensOnLoopbackOnly() {
    start();

    assertThat(server.host().isLoopbackAddress()).isTrue();
  }

  @Test
  void httpHost_takesAnAddressAndRefusesANameToLookUp() throws Exception {
    assertThat(TelegramSettings.httpHost(Optional.of("0.0.0.0")))
        .isEqualTo(InetAddress.getByName("0.0.0.0"));
    assertThat(TelegramSettings.httpHost(Optional.of("localhost")).isLoopbackAddress()).isTrue();
    assertThatThrownBy(() -> TelegramSettings.httpHost(Optional.of("db.example.org")))
        .isInstanceOf(UsageProblem.class)
        .hasMessageContaining("OPTOUT_HTTP_HOST");
  }

  @Test
  void readyz_storeThatHangs_is503WithinTheWait_andHealthzStillAnswersAtOnce() throws Exception {
    start();
    store.hang();
    long asked = System.nanoTime();

    CompletableFuture<HttpResponse<String>> ready = get("/readyz");
    HttpResponse<String> health = get("/healthz").get();
    Duration healthTook = Duration.ofNanos(System.nanoTime() - asked);
    HttpResponse<String> notReady = ready.get();
    Duration readyTook = Duration.ofNanos(System.nanoTime() - asked);
    HttpResponse<String> metrics = get("/metrics").get();

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(healthTook)
        .as("/healthz is not held up by the store")
        .isLessThan(Duration.ofSeconds(1));
    assertThat(notReady.statusCode()).isEqualTo(503);
    assertThat(notReady.body()).isEqualTo("not ready: leader, store unreachable\n");
    assertThat(readyTook).isLessThan(Duration.ofSeconds(10));
    assertThat(metrics.body()).contains("optout_store_up 0").contains("optout_up 1");
    assertThat(store.calls()).as("one question at a time, however many requests").isEqualTo(1);
  }

  @Test
  void readyz_storeAnswering_is200() throws Exception {
    start();

    HttpResponse<String> ready = get("/readyz").get();

    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).isEqualTo("ready: leader, store reachable\n");
  }

  private CompletableFuture<HttpResponse<String>> get(String path) {
    return http.sendAsync(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .timeout(Duration.ofSeconds(15))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A store whose calls block, as on a PostgreSQL server that stopped answering. */
  private static final class HangingStore implements ChatStore {
    private final InMemoryChatStore inner = new InMemoryChatStore();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean hanging;
    private final java.util.concurrent.atomic.AtomicInteger calls =
        new java.util.concurrent.atomic.AtomicInteger();

    void hang() {
      hanging = true;
    }

    void release() {
      released.countDown();
    }

    int calls() {
      return calls.get();
    }

    private void maybeHang() {
      if (hanging) {
        calls.incrementAndGet();
        try {
          released.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    @Override
    public ChatState load(String chatId) {
      maybeHang();
      return inner.load(chatId);
    }

    @Override
    public void save(String chatId, ChatState state) {
      inner.save(chatId, state);
    }

    @Override
    public List<ChecklistItem> checklist(String chatId) {
      return inner.checklist(chatId);
    }

    @Override
    public void markChecklist(String chatId, String platformId, ChecklistStatus status) {
      inner.markChecklist(chatId, platformId, status);
    }

    @Override
    public void markChecklist(
        String chatId,
        String platformId,
        ChecklistStatus status,
        java.util.Optional<LocalDate> letterOn) {
      inner.markChecklist(chatId, platformId, status, letterOn);
    }

    @Override
    public void remind(String chatId, String channel, ch.optout.store.Reminder reminder) {
      inner.remind(chatId, channel, reminder);
    }

    @Override
    public List<ch.optout.store.Reminder> reminders(String chatId) {
      return inner.reminders(chatId);
    }

    @Override
    public boolean reminderAsked(String chatId, String subject) {
      return inner.reminderAsked(chatId, subject);
    }

    @Override
    public boolean deleteReminder(String chatId, String subject) {
      return inner.deleteReminder(chatId, subject);
    }

    @Override
    public void watch(
        String chatId,
        String channel,
        ch.optout.store.Watch watch,
        java.util.Collection<String> known) {
      inner.watch(chatId, channel, watch, known);
    }

    @Override
    public List<ch.optout.store.Watch> watches(String chatId) {
      return inner.watches(chatId);
    }

    @Override
    public boolean unwatch(String chatId, String platformId) {
      return inner.unwatch(chatId, platformId);
    }

    @Override
    public boolean tell(String chatId, String platformId, String changeId) {
      return inner.tell(chatId, platformId, changeId);
    }

    @Override
    public void resetChecklist(String chatId) {
      inner.resetChecklist(chatId);
    }

    @Override
    public ChatExport export(String chatId) {
      return inner.export(chatId);
    }

    @Override
    public void forget(String chatId) {
      inner.forget(chatId);
    }

    @Override
    public void recordFeedback(String guideId, boolean helpful) {
      inner.recordFeedback(guideId, helpful);
    }

    @Override
    public void countAnswer(String guideId) {
      inner.countAnswer(guideId);
    }

    @Override
    public List<GuideDay> guideDays(LocalDate since) {
      return inner.guideDays(since);
    }

    @Override
    public int purge(Instant now, Duration retention) {
      return inner.purge(now, retention);
    }
  }
}
