package ch.optout.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.optout.MutableClock;
import ch.optout.store.Threads;
import ch.optout.telegram.FloodControl.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T10:00:00Z"));

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
            Executors.newFixedThreadPool(2, Threads.named("test-flood")), Clock.systemUTC());
    UpdateDispatcher dispatcher =
        new UpdateDispatcher(
            lanes, handler, TelegramBotTest.FAST.withFlood(8, Duration.ofSeconds(10)), clock);
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

  /** A handler that records what it is asked to do, and counts every update as addressed. */
  private static final class Recording implements UpdateDispatcher.Handler {
    final List<String> seen = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void handle(Update update) {
      seen.add("answer " + update.getUpdateId());
    }

    @Override
    public boolean addressed(Update update) {
      return true;
    }

    @Override
    public void slowDown(Update update) {
      seen.add("slow down " + update.getUpdateId());
    }
  }

  private UpdateDispatcher dispatcher(Recording handler) {
    return new UpdateDispatcher(
        new ChatLanes(
            Executors.newFixedThreadPool(2, Threads.named("test-flood")), Clock.systemUTC()),
        handler,
        TelegramBotTest.FAST.withFlood(3, Duration.ofSeconds(10)),
        clock);
  }

  @Test
  void dispatcher_fortyInlineQueriesFromOneUser_answersFourTimesTheLimitAndDropsTheRestSilently()
      throws Exception {
    Recording handler = new Recording();
    UpdateDispatcher dispatcher = dispatcher(handler);
    List<Update> queries = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      Update u = new Update();
      u.setUpdateId(i);
      u.setInlineQuery(
          org.telegram.telegrambots.meta.api.objects.inlinequery.InlineQuery.builder()
              .id("q" + i)
              .from(new org.telegram.telegrambots.meta.api.objects.User(55L, "Alex", false))
              .query("linkedin " + i)
              .offset("")
              .build());
      queries.add(u);
    }

    dispatcher.consume(queries);
    dispatcher.stop(Duration.ofSeconds(5));

    assertThat(handler.seen)
        .hasSize(3 * UpdateDispatcher.INLINE_FACTOR)
        .allMatch(s -> s.startsWith("answer"));
  }

  @Test
  void dispatcher_oneGroupMemberFlooding_isSlowedDownWhileTheOthersAreStillAnswered()
      throws Exception {
    Recording handler = new Recording();
    UpdateDispatcher dispatcher = dispatcher(handler);
    List<Update> updates = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      updates.add(groupUpdate(i, -100L, 1L));
    }
    updates.add(groupUpdate(11, -100L, 2L));
    updates.add(groupUpdate(12, -100L, 3L));

    dispatcher.consume(updates);
    dispatcher.stop(Duration.ofSeconds(5));

    assertThat(handler.seen)
        .containsExactly(
            "answer 1", "answer 2", "answer 3", "slow down 4", "answer 11", "answer 12");
  }

  @Test
  void dispatcher_aWholeGroupTalkingAtOnce_isCappedAtThreeTimesOneMembersLimit() throws Exception {
    Recording handler = new Recording();
    UpdateDispatcher dispatcher = dispatcher(handler);
    List<Update> updates = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      updates.add(groupUpdate(i, -100L, 100L + i));
    }

    dispatcher.consume(updates);
    dispatcher.stop(Duration.ofSeconds(5));

    assertThat(handler.seen.stream().filter(s -> s.startsWith("answer"))).hasSize(9);
    assertThat(handler.seen).contains("slow down 10");
  }

  private static Update groupUpdate(int id, long groupId, long fromId) {
    Message m = new Message();
    m.setMessageId(id);
    m.setChat(Chat.builder().id(groupId).type("supergroup").build());
    m.setFrom(new org.telegram.telegrambots.meta.api.objects.User(fromId, "Member", false));
    m.setText("/help");
    Update u = new Update();
    u.setUpdateId(id);
    u.setMessage(m);
    return u;
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
