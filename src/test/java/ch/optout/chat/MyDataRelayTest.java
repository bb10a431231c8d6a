package ch.optout.chat;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.MutableClock;
import ch.optout.TestPipeline;
import ch.optout.store.Relay;
import ch.optout.store.SqliteChatStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /mydata and /forget on a real SQLite file, with rows in the Telegram relay tables. */
class MyDataRelayTest {
  private static final TestPipeline PIPELINE = TestPipeline.fixture();

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T10:00:00Z"));
  private SqliteChatStore store;
  private Relay relay;
  private Assistant assistant;

  @BeforeEach
  void open() {
    store = new SqliteChatStore(dir, clock);
    relay = store.relay();
    assistant = PIPELINE.assistant(store, clock);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private void received(long updateId, String chat) {
    relay.receive(
        List.of(
            new Relay.Received(updateId, Optional.of(chat), "{\"update_id\":" + updateId + "}")));
  }

  @Test
  void mydata_showsWhatTheRelayHoldsForTheChat_inBothLanguages() {
    received(1, "c1");
    relay.handled(1, List.of("reply"));
    received(2, "c1"); // the /mydata being handled

    String en = assistant.reply("c1", "/mydata").answer().lead();
    assistant.reply("c1", "/lang fr");
    String fr = assistant.reply("c1", "/mydata").answer().lead();

    assertThat(en)
        .contains(
            "Between my replicas: 2 of your messages or taps (1 not handled yet, whose content I"
                + " keep until then) and 1 of my replies (1 not sent yet");
    assertThat(fr)
        .contains(
            "Entre mes répliques : 2 de vos messages ou touches (1 pas encore traités, dont je garde"
                + " le contenu jusque-là) et 1 de mes réponses (1 pas encore envoyées");
  }

  @Test
  void forget_leavesNoneOfTheChatsRelayRows_onceItsReplyIsSent() {
    received(1, "c1");
    relay.handled(1, List.of("reply"));
    relay.sent(1, 0, "sent");
    received(2, "c1"); // the /forget being handled

    assistant.reply("c1", "/forget");
    relay.handled(2, List.of("forgotten"));
    relay.sent(2, 0, "sent");

    assertThat(store.export("c1").isEmpty()).isTrue();
    assertThat(relay.lastReceived()).as("no row of the chat is left").isZero();
    assertThat(assistant.reply("c1", "/mydata").answer().lead())
        .startsWith("Nothing: I keep no data about this chat.");
  }
}
