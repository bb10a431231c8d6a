package ch.optout.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.store.Threads;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChatLanesTest {
  private final ChatLanes lanes =
      new ChatLanes(Executors.newFixedThreadPool(4, Threads.named("test-lane")), Clock.systemUTC());

  @AfterEach
  void stop() throws InterruptedException {
    lanes.shutdown();
  }

  @Test
  void execute_tasksOfOneChat_runInOrderOneAtATime() throws Exception {
    Map<Long, List<Integer>> seen = new ConcurrentHashMap<>();
    AtomicInteger running = new AtomicInteger();
    AtomicInteger overlap = new AtomicInteger();
    for (int i = 0; i < 300; i++) {
      int n = i;
      long chat = i % 3;
      lanes.execute(
          chat,
          () -> {
            if (running.incrementAndGet() > 1) {
              overlap.incrementAndGet();
            }
            seen.computeIfAbsent(chat, c -> Collections.synchronizedList(new ArrayList<>())).add(n);
            running.decrementAndGet();
          });
    }

    assertThat(lanes.awaitIdle(Duration.ofSeconds(5))).isTrue();
    for (long chat = 0; chat < 3; chat++) {
      List<Integer> order = seen.get(chat);
      assertThat(order).hasSize(100).isSorted();
    }
  }

  @Test
  void execute_aChatBlocked_doesNotHoldUpAnother() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch otherRan = new CountDownLatch(1);
    lanes.execute(1, () -> await(release));
    lanes.execute(1, () -> {});
    lanes.execute(2, otherRan::countDown);

    assertThat(otherRan.await(2, TimeUnit.SECONDS)).isTrue();
    assertThat(lanes.awaitIdle(Duration.ofMillis(50))).isFalse();
    release.countDown();
    assertThat(lanes.awaitIdle(Duration.ofSeconds(2))).isTrue();
  }

  @Test
  void execute_aTaskThrows_theChatsNextTasksStillRun() throws Exception {
    CountDownLatch next = new CountDownLatch(1);
    lanes.execute(
        7,
        () -> {
          throw new IllegalStateException("boom");
        });
    lanes.execute(7, next::countDown);

    assertThat(next.await(2, TimeUnit.SECONDS)).isTrue();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
