package ch.optout.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrencyTest {
  private static final int THREADS = 50;
  private static final int ROUNDS = 8;

  @TempDir Path dir;

  @Test
  void fiftyThreadsWritingAtOnce_throughTwoStoresOnOneFile_allSucceedAndNothingIsLost()
      throws Exception {
    Clock clock = Clock.systemUTC();
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(THREADS, r -> new Thread(r, "writer-" + n.incrementAndGet()));
    // two stores stand for two processes on one data directory: their writers really contend
    try (SqliteChatStore first = new SqliteChatStore(dir, clock);
        SqliteChatStore second = new SqliteChatStore(dir, clock)) {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        SqliteChatStore store = t % 2 == 0 ? first : second;
        done.add(
            pool.submit(
                () -> {
                  go.await();
                  String chat = "chat-" + thread;
                  for (int round = 0; round < ROUNDS; round++) {
                    store.save(
                        chat,
                        store
                            .load(chat)
                            .withLanguage(round % 2 == 0 ? "fr" : "en")
                            .withContext("guide" + round, "HOW_TO", clock.instant()));
                    store.markChecklist(chat, "guide" + round, ChecklistStatus.DONE);
                    store.recordFeedback("guide" + (thread % 3), thread % 2 == 0);
                    store.countAnswer("guide" + (thread % 3));
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }

      for (int t = 0; t < THREADS; t++) {
        String chat = "chat-" + t;
        assertThat(first.load(chat).language()).as(chat).contains("en");
        assertThat(second.load(chat).lastPlatform()).as(chat).contains("guide" + (ROUNDS - 1));
        assertThat(first.checklist(chat)).as(chat).hasSize(ROUNDS);
      }
      List<GuideDay> days = first.guideDays(LocalDate.now(clock).minusDays(1));
      assertThat(days.stream().mapToInt(GuideDay::answers).sum()).isEqualTo(THREADS * ROUNDS);
      assertThat(days.stream().mapToInt(d -> d.helpful() + d.unhelpful()).sum())
          .isEqualTo(THREADS * ROUNDS);
    } finally {
      pool.shutdownNow();
    }
  }
}
