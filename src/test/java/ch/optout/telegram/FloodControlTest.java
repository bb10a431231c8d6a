package ch.optout.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.optout.telegram.FloodControl.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.Message;

class FloodControlTest {
  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    private volatile Instant now = Instant.parse("2026-01-10T10:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final ManualClock clock = new ManualClock();
  private final FloodControl flood = new FloodControl(clock, 8, Duration.ofSeconds(10));

  @Test
  void check_eightMessagesInTheWindow_allPass() {
    assertThat(IntStream.range(0, 8).mapToObj(i -> flood.check(1))).containsOnly(Verdict.PASS);
  }

  @Test
  void check_overTheLimit_warnsOnceThenDropsUntilTheWindowHasPassed() {
    IntStream.range(0, 8).forEach(i -> flood.check(1));

    assertThat(flood.check(1)).isEqualTo(Verdict.WARN);
    assertThat(flood.check(1)).isEqualTo(Verdict.DROP);
    clock.advance(Duration.ofMillis(9_999));
    assertThat(flood.check(1)).isEqualTo(Verdict.DROP);
    clock.advance(Duration.ofMillis(1));
    assertThat(flood.check(1)).isEqualTo(Verdict.PASS);
  }

  @Test
  void check_oneChatFlooding_leavesOtherChatsAlone() {
    IntStream.range(0, 20).forEach(i -> flood.check(1));

    assertThat(flood.check(2)).isEqualTo(Verdict.PASS);
  }

  @Test
  void check_steadyPersonTyping_isNeverSlowedDown() {
    for (int i = 0; i < 100; i++) {
      assertThat(flood.check(1)).isEqualTo(Verdict.PASS);
      clock.advance(Duration.ofMillis(1_500));
    }
  }

  @Test
  void check_manyChatsOverTime_forgetsEndedWindows() {
    for (long chat = 0; chat < 25_000; chat++) {
      flood.check(chat);
      if (chat % 1_000 == 0) {
        clock.advance(Duration.ofSeconds(11));
      }
    }

    assertThat(flood.tracked()).isLessThanOrEqualTo(10_001);
  }

  @Test
  void new_nonsenseLimits_areRefused() {
    assertThatThrownBy(() -> new FloodControl(clock, 0, Duration.ofSeconds(1)))
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> new FloodControl(clock, 1, Duration.ZERO))
        .hasMessageContaining("positive");
  }

  /** The dispatcher with a recording handler: a flood never reaches the lane beyond its limit. */
  @Test
  void dispatcher_burstOfFiftyFromOneChat_handlesEightWarnsOnceAndQueuesNothingMore()
      throws Exception {
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    UpdateDispatcher.Handler handler =
        new UpdateDispatcher.Handler() {
          @Override
          public void handle(Update update) {
            seen.add("answer " + update.getUpdateId());
          }

          @Override
          public boolean addressed(Update update) {
            return !update.getMessage().getText().equals("chatter");
          }

          @Override
          public void slowDown(Update update) {
            seen.add("slow down " + update.getUpdateId());
          }
        };
    ChatLanes lanes =
        new ChatLanes(
            Executors.newFixedThreadPool(2, new Threads("test-flood")), Clock.systemUTC());
    UpdateDispatcher dispatcher = new UpdateDispatcher(lanes, handler, flood);
    List<Update> burst = new ArrayList<>();
    for (int i = 1; i <= 50; i++) {
      burst.add(update(i, 7, "question " + i));
    }
    burst.add(update(51, 7, "chatter"));

    dispatcher.consume(burst);
    assertThat(dispatcher.stop(Duration.ofSeconds(5)))
        .as("all updates acknowledged, dropped ones too")
        .contains(51);

    assertThat(seen)
        .containsExactly(
            "answer 1",
            "answer 2",
            "answer 3",
            "answer 4",
            "answer 5",
            "answer 6",
            "answer 7",
            "answer 8",
            "slow down 9",
            "answer 51");
  }

  private static Update update(int id, long chatId, String text) {
    Message m = new Message();
    m.setMessageId(id);
    m.setChat(Chat.builder().id(chatId).type("private").build());
    m.setText(text);
    Update u = new Update();
    u.setUpdateId(id);
    u.setMessage(m);
    return u;
  }
}
