package ch.optout.store;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the inbox and outbox do, on every database the store runs on. */
abstract class RelayContract {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  final MutableClock clock = new MutableClock(T0);
  JdbcChatStore store;
  Relay relay;

  abstract JdbcChatStore open(MutableClock clock);

  @BeforeEach
  void openStore() {
    store = open(clock);
    relay = store.relay();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  private static Relay.Received update(long id, String chat) {
    return new Relay.Received(id, Optional.of(chat), "{\"update_id\":" + id + "}");
  }

  @Test
  void receive_savesEachUpdateOnce_andSaysWhichWereNew() {
    assertThat(relay.receive(List.of(update(10, "c1"), update(11, "c2"))))
        .containsExactly(10L, 11L);

    assertThat(relay.receive(List.of(update(11, "c2"), update(12, "c1")))).containsExactly(12L);
    assertThat(relay.unhandled())
        .extracting(Relay.Received::updateId)
        .containsExactly(10L, 11L, 12L);
    assertThat(relay.lastReceived()).isEqualTo(12);
  }

  @Test
  void handled_dropsThePayload_andQueuesTheRepliesInOrder() {
    relay.receive(List.of(update(10, "c1"), update(11, "c1")));

    relay.handled(11, List.of("b0", "b1"));
    relay.handled(10, List.of("a0"));

    assertThat(relay.unhandled()).isEmpty();
    assertThat(relay.unsent())
        .containsExactly(
            new Relay.Pending(10, 0, "a0", 0),
            new Relay.Pending(11, 0, "b0", 0),
            new Relay.Pending(11, 1, "b1", 0));
    assertThat(relay.backlog()).isEqualTo(3);
  }

  @Test
  void handled_twice_keepsTheFirstReplies() {
    relay.receive(List.of(update(10, "c1")));
    relay.handled(10, List.of("first"));

    relay.handled(10, List.of("second"));

    assertThat(relay.unsent()).extracting(Relay.Pending::body).containsExactly("first");
  }

  @Test
  void attempt_countsEveryTry_andRefusesAReplyAlreadySent() {
    relay.receive(List.of(update(10, "c1")));
    relay.handled(10, List.of("a0"));

    assertThat(relay.attempt(10, 0, "r1")).isEqualTo(1);
    assertThat(relay.attempt(10, 0, "r2")).isEqualTo(2);
    assertThat(relay.unsent()).containsExactly(new Relay.Pending(10, 0, "a0", 2));

    relay.sent(10, 0, "sent");

    assertThat(relay.attempt(10, 0, "r3")).isZero();
    assertThat(relay.unsent()).isEmpty();
    assertThat(relay.backlog()).isZero();
  }

  @Test
  void purge_deletesWhatIsDoneWithAfterTheDelay_neverAReplyStillToSend() {
    relay.receive(List.of(update(10, "c1"), update(11, "c1"), update(12, "c2")));
    relay.handled(10, List.of("a0"));
    relay.sent(10, 0, "sent");
    relay.handled(11, List.of("b0"));
    clock.advance(Duration.ofHours(2));

    int deleted = relay.purge(clock.instant().minus(Duration.ofHours(1)));

    assertThat(deleted).isEqualTo(2); // update 10 and its reply
    assertThat(relay.unsent()).extracting(Relay.Pending::updateId).containsExactly(11L);
    assertThat(relay.unhandled()).extracting(Relay.Received::updateId).containsExactly(12L);
    assertThat(relay.lastReceived()).isEqualTo(12);
  }

  @Test
  void forget_deletesTheChatsRowsDoneWith_andTheRestAsSoonAsItIsDone_notAnHourLater() {
    relay.receive(List.of(update(9, "c2"), update(10, "c1"), update(11, "c1"), update(12, "c1")));
    relay.handled(9, List.of("z0"));
    relay.sent(9, 0, "sent");
    relay.handled(10, List.of("a0"));
    relay.sent(10, 0, "sent");
    // 11 is the /forget being handled; 12 waits behind it
    assertThat(store.export("c1").relay()).isEqualTo(new ChatExport.RelayRows(3, 2, 1, 0));

    store.forget("c1");

    assertThat(store.export("c1").relay()).isEqualTo(ChatExport.RelayRows.NONE);
    relay.handled(11, List.of("b0"));
    relay.handled(12, List.of());
    // the reply to the /forget message itself still goes out
    assertThat(relay.unsent()).extracting(Relay.Pending::updateId).containsExactly(11L);
    relay.sent(11, 0, "sent");
    // no purge: of c1, nothing is left at all; c2's update stays its hour
    assertThat(relay.lastReceived()).isEqualTo(9);
    assertThat(relay.backlog()).isZero();
  }

  @Test
  void export_countsTheChatsRowsUnderWayAndDone() {
    relay.receive(List.of(update(10, "c1"), update(11, "c1"), update(12, "c2")));
    relay.handled(10, List.of("a0", "a1"));
    relay.sent(10, 0, "sent");

    assertThat(store.export("c1").relay()).isEqualTo(new ChatExport.RelayRows(2, 1, 2, 1));
    assertThat(store.export("c1").isEmpty()).isFalse();
    assertThat(store.export("c3").relay()).isEqualTo(ChatExport.RelayRows.NONE);
  }
}
