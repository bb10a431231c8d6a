package ch.optout.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.optout.MutableClock;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite specifics: reopening, what is really in the file, and what is not. */
class SqliteChatStoreTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(T0);

  private SqliteChatStore open() {
    return new SqliteChatStore(dir, clock);
  }

  private String keyOf(String chatId) {
    return ChatKeys.open(dir, new SecureRandom()).of(chatId);
  }

  @Test
  void save_thenLoadAfterReopen_returnsTheSamePreferencesAndContext() {
    ChatState state =
        ChatState.EMPTY
            .withLanguage("fr")
            .withDevice("mobile")
            .withRegion(Region.CH)
            .withContext("linkedin", "HOW_TO", T0.minusSeconds(60));
    try (SqliteChatStore store = open()) {
      store.save("c1", state);
    }

    try (SqliteChatStore store = open()) {
      assertThat(store.load("c1")).isEqualTo(state);
      assertThat(store.load("c2")).isEqualTo(ChatState.EMPTY);
    }
  }

  @Test
  void open_newDataDirectory_makesItAndEveryFileInItOwnerOnly() throws Exception {
    assumeTrue(
        Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class),
        "POSIX file system");
    Path data = dir.resolve("new/data");

    try (SqliteChatStore store = new SqliteChatStore(data, clock)) {
      store.save("c1", ChatState.EMPTY.withLanguage("fr"));

      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
          .isEqualTo("rwx------");
      try (Stream<Path> files = Files.list(data)) {
        assertThat(files.toList())
            .extracting(
                f ->
                    f.getFileName()
                        + " "
                        + PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
            .contains("optout.db rw-------", "optout.db-wal rw-------", "secret.key rw-------")
            .allMatch(line -> line.endsWith(" rw-------"));
      }
    }
  }

  @Test
  void save_withoutContext_removesThePreviousContext() {
    try (SqliteChatStore store = open()) {
      store.save("c1", ChatState.EMPTY.withLanguage("en").withContext("meta", "FACTS", T0));
      store.save("c1", store.load("c1").withoutContext());

      assertThat(store.load("c1")).isEqualTo(ChatState.EMPTY.withLanguage("en"));
    }
  }

  @Test
  void save_emptyState_leavesNoRowBehind() throws Exception {
    try (SqliteChatStore store = open()) {
      store.save("c1", ChatState.EMPTY.withLanguage("en"));
      store.save("c1", ChatState.EMPTY);
    }
    try (RawDb raw = new RawDb(dir)) {
      assertThat(raw.count("SELECT COUNT(*) FROM chat")).isZero();
    }
  }

  @Test
  void resetChecklist_ofAChatWithNothingElse_leavesNoRowBehind() throws Exception {
    try (SqliteChatStore store = open()) {
      store.markChecklist("c1", "meta", ChecklistStatus.DONE);
      store.resetChecklist("c1");
      assertThat(store.export("c1").isEmpty()).isTrue();
    }
    try (RawDb raw = new RawDb(dir)) {
      assertThat(raw.count("SELECT COUNT(*) FROM chat")).isZero();
    }
  }

  @Test
  void export_afterTheContextExpired_erasesItFromTheFile() throws Exception {
    try (SqliteChatStore store = open()) {
      store.save("c1", ChatState.EMPTY.withContext("tiktok", "LEGAL", T0));
      clock.advance(Duration.ofMinutes(61));

      assertThat(store.export("c1")).isEqualTo(ChatExport.EMPTY);
    }
    try (RawDb raw = new RawDb(dir)) {
      assertThat(raw.count("SELECT COUNT(*) FROM context")).isZero();
      assertThat(raw.count("SELECT COUNT(*) FROM chat")).isZero();
    }
  }

  @Test
  void forget_leavesNoRowForTheChatInAnyTable_andOtherChatsIntact() throws Exception {
    try (SqliteChatStore store = open()) {
      for (String chat : List.of("a", "b")) {
        store.save(
            chat,
            ChatState.EMPTY
                .withLanguage("fr")
                .withDevice("web")
                .withRegion(Region.UK)
                .withContext("meta", "HOW_TO", T0));
        store.markChecklist(chat, "meta", ChecklistStatus.DONE);
        store.markChecklist(chat, "linkedin", ChecklistStatus.LATER);
        // a reminder after a letter, and a platform followed with a change it has seen
        store.remind(
            chat,
            "telegram",
            new Reminder(
                "linkedin",
                Reminder.Kind.LETTER,
                "fr",
                LocalDate.parse("2026-03-01"),
                LocalDate.parse("2026-04-01"),
                Reminder.State.WAITING));
        store.watch(chat, "telegram", new Watch("meta", "fr", T0), List.of("2025-04-14"));
      }
      // a handled update and its sent reply, as replicas leave them in the shared tables
      Relay relay = store.relay();
      long id = 1;
      for (String chat : List.of("a", "b")) {
        relay.receive(List.of(new Relay.Received(id, Optional.of(chat), "{}")));
        relay.handled(id, List.of("{\"reply\":1}"));
        relay.attempt(id, 0, "r1");
        relay.sent(id, 0, "sent");
        id++;
      }

      store.forget("a");

      assertThat(store.export("a")).isEqualTo(ChatExport.EMPTY);
      assertThat(store.load("b").language()).contains("fr");
      assertThat(store.checklist("b")).hasSize(2);
    }
    String a = keyOf("a");
    String b = keyOf("b");
    try (RawDb raw = new RawDb(dir)) {
      // every table holding chats, found in the file itself, so a table added later cannot be
      // missed
      assertThat(raw.chatTables())
          .containsExactlyInAnyOrderElementsOf(
              java.util.stream.Stream.concat(
                      Schema.CHAT_TABLES.stream(), Schema.RELAY_TABLES.stream())
                  .toList());
      for (String table : raw.chatTables()) {
        assertThat(raw.count("SELECT COUNT(*) FROM " + table + " WHERE chat_key = ?", a))
            .as(table)
            .isZero();
        assertThat(raw.count("SELECT COUNT(*) FROM " + table + " WHERE chat_key = ?", b))
            .as(table)
            .isPositive();
      }
    }
  }

  @Test
  void rawChatId_isWrittenNowhere_andItsKeyIsGoneAfterForget() throws Exception {
    long telegramId = 7_319_004_455_661_122L;
    String chatId = Long.toString(telegramId);
    byte[][] rawForms = {
      chatId.getBytes(StandardCharsets.UTF_8),
      chatId.getBytes(StandardCharsets.UTF_16LE),
      ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putLong(telegramId).array(),
      ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(telegramId).array()
    };
    String key = keyOf(chatId);
    try (SqliteChatStore store = open()) {
      store.save(chatId, ChatState.EMPTY.withLanguage("fr").withContext("linkedin", "HOW_TO", T0));
      store.markChecklist(chatId, "linkedin", ChecklistStatus.DONE);
      store.save("someone-else", ChatState.EMPTY.withLanguage("en"));

      assertThat(RawDb.anyFileContains(dir, key.getBytes(StandardCharsets.US_ASCII)))
          .as("stored under its key")
          .isTrue();
      for (byte[] form : rawForms) {
        assertThat(RawDb.anyFileContains(dir, form)).as("raw id while open").isFalse();
      }

      store.forget(chatId);

      assertThat(RawDb.anyFileContains(dir, key.getBytes(StandardCharsets.US_ASCII)))
          .as("key right after forget")
          .isFalse();
    }
    for (byte[] form : rawForms) {
      assertThat(RawDb.anyFileContains(dir, form)).as("raw id after close").isFalse();
    }
    assertThat(RawDb.anyFileContains(dir, key.getBytes(StandardCharsets.US_ASCII)))
        .as("key after close")
        .isFalse();
  }

  @Test
  void guideDay_hasNoChatColumn() throws Exception {
    try (SqliteChatStore store = open()) {
      store.countAnswer("linkedin");
      store.countAnswer("linkedin");
      store.recordFeedback("linkedin", true);
      store.recordFeedback("linkedin", false);
      store.recordFeedback("linkedin", true);
      clock.advance(Duration.ofDays(1));
      store.countAnswer("meta");

      assertThat(store.guideDays(LocalDate.parse("2026-03-01")))
          .containsExactly(
              new GuideDay("linkedin", LocalDate.parse("2026-03-01"), 2, 2, 1),
              new GuideDay("meta", LocalDate.parse("2026-03-02"), 1, 0, 0));
      assertThat(store.guideDays(LocalDate.parse("2026-03-02")))
          .extracting(GuideDay::guideId)
          .containsExactly("meta");
    }
    try (RawDb raw = new RawDb(dir)) {
      assertThat(raw.columns("guide_day"))
          .containsExactly("guide_id", "day", "answers", "helpful", "unhelpful");
    }
  }

  @Test
  void purge_deletesEveryOldRowAndExpiredContextsFromTheFile() throws Exception {
    Duration retention = Duration.ofDays(90);
    try (SqliteChatStore store = open()) {
      store.save("old", ChatState.EMPTY.withLanguage("fr").withContext("meta", "HOW_TO", T0));
      store.markChecklist("old", "meta", ChecklistStatus.DONE);
      store.countAnswer("meta");
      clock.advance(Duration.ofDays(80));
      store.save(
          "recent",
          ChatState.EMPTY.withLanguage("en").withContext("linkedin", "HOW_TO", clock.instant()));
      store.markChecklist("recent", "linkedin", ChecklistStatus.LATER);
      store.countAnswer("linkedin");
      clock.advance(Duration.ofDays(11));

      int deleted = store.purge(clock.instant(), retention);

      // old: chat, context, checklist; recent: its expired context; the old day's figures
      assertThat(deleted).isEqualTo(5);
      assertThat(store.export("old")).isEqualTo(ChatExport.EMPTY);
      assertThat(store.load("recent").language()).contains("en");
      assertThat(store.checklist("recent")).hasSize(1);
      assertThat(store.guideDays(LocalDate.MIN))
          .extracting(GuideDay::guideId)
          .containsExactly("linkedin");
      assertThat(store.purge(clock.instant(), retention)).isZero();
    }
    try (RawDb raw = new RawDb(dir)) {
      assertThat(raw.count("SELECT COUNT(*) FROM chat")).isEqualTo(1);
      assertThat(raw.count("SELECT COUNT(*) FROM context")).isZero();
      assertThat(raw.count("SELECT COUNT(*) FROM checklist")).isEqualTo(1);
    }
  }

  @Test
  void save_freeTextInsteadOfAnIdentifier_isRefusedBeforeReachingTheFile() {
    assertThatThrownBy(() -> ChatState.EMPTY.withLanguage("please remember my password hunter2"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChatState.EMPTY.withContext("linkedin", "I live at 4 rue du Lac", T0))
        .isInstanceOf(IllegalArgumentException.class);
    try (SqliteChatStore store = open()) {
      assertThatThrownBy(() -> store.markChecklist("c1", "my secret diary", ChecklistStatus.DONE))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.recordFeedback("not a guide id", true))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(store.export("c1")).isEqualTo(ChatExport.EMPTY);
    }
  }

  @Test
  void region_parsesItsCodesOnly() {
    assertThat(Region.fromCode(" ch ")).contains(Region.CH);
    assertThat(Region.fromCode("uk")).contains(Region.UK);
    assertThat(Region.fromCode("US")).isEqualTo(Optional.empty());
  }
}
