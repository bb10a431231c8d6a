package ch.optout.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.optout.MutableClock;
import ch.optout.TestPipeline;
import ch.optout.answer.AnswerKind;
import ch.optout.knowledge.Language;
import ch.optout.search.Intent;
import ch.optout.store.ChatState;
import ch.optout.store.Region;
import ch.optout.store.SqliteChatStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FlowTest {
  private static final Optional<Language> FR = Optional.of(Language.FR);
  private static final Optional<Language> EN = Optional.of(Language.EN);

  /** Every form a version of OptOut wrote into the context's intent column, and its flow. */
  static Stream<Arguments> stored() {
    return Stream.of(
        // what this version writes
        Arguments.of("HOW_TO.fr", new Flow.Answered(Intent.HOW_TO, FR)),
        Arguments.of("HOW_TO.en", new Flow.Answered(Intent.HOW_TO, EN)),
        Arguments.of("CHECKLIST.fr", new Flow.InChecklist(Language.FR)),
        Arguments.of("CHECKLIST.en", new Flow.InChecklist(Language.EN)),
        Arguments.of("LETTER.fr", new Flow.LetterWritten(Language.FR)),
        Arguments.of("LETTER_REGION.en", new Flow.LetterAskedRegion(Language.EN)),
        Arguments.of("LETTER_PLATFORM.fr", new Flow.LetterAskedPlatform(Language.FR)),
        Arguments.of("CLARIFY.en", new Flow.AskedPlatform(Language.EN)),
        // versions that kept the intent of the question answered, with its language
        Arguments.of("FACTS.fr", new Flow.Answered(Intent.FACTS, FR)),
        Arguments.of("LEGAL.en", new Flow.Answered(Intent.LEGAL, EN)),
        Arguments.of("EVERYWHERE.fr", new Flow.Answered(Intent.EVERYWHERE, FR)),
        Arguments.of("SMALL_TALK.en", new Flow.Answered(Intent.SMALL_TALK, EN)),
        Arguments.of("COMPARE.fr", new Flow.Answered(Intent.COMPARE, FR)),
        Arguments.of("OFF_TOPIC.en", new Flow.Answered(Intent.OFF_TOPIC, EN)),
        // the first versions: the intent alone
        Arguments.of("HOW_TO", new Flow.Answered(Intent.HOW_TO, Optional.empty())),
        Arguments.of("FACTS", new Flow.Answered(Intent.FACTS, Optional.empty())),
        Arguments.of("LEGAL", new Flow.Answered(Intent.LEGAL, Optional.empty())),
        Arguments.of("EVERYWHERE", new Flow.Answered(Intent.EVERYWHERE, Optional.empty())),
        Arguments.of("LETTER", new Flow.Answered(Intent.LETTER, Optional.empty())),
        Arguments.of("SMALL_TALK", new Flow.Answered(Intent.SMALL_TALK, Optional.empty())),
        Arguments.of("COMPARE", new Flow.Answered(Intent.COMPARE, Optional.empty())),
        Arguments.of("OFF_TOPIC", new Flow.Answered(Intent.OFF_TOPIC, Optional.empty())),
        // what this version cannot read: a newer flow, a language it does not speak, not a code
        Arguments.of("SOMETHING_NEW.fr", new Flow.Unknown("SOMETHING_NEW.fr")),
        Arguments.of("CHECKLIST.de", new Flow.Unknown("CHECKLIST.de")),
        Arguments.of("CHECKLIST.FR", new Flow.Unknown("CHECKLIST.FR")),
        Arguments.of("CHECKLIST", new Flow.Unknown("CHECKLIST")),
        Arguments.of("whatever", new Flow.Unknown("whatever")));
  }

  @ParameterizedTest
  @MethodSource("stored")
  void decode_everyFormEverStored_givesItsFlow(String stored, Flow expected) {
    assertThat(Flow.decode(stored)).isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("stored")
  void encode_ofADecodedRow_isByteForByteTheStoredString(String stored, Flow flow) {
    assertThat(Flow.decode(stored).encode()).isEqualTo(stored);
    assertThat(Flow.decode(flow.encode())).isEqualTo(flow);
  }

  @Test
  void language_isTheSuffixAsTheConversationReadsIt_andNoneForTheFirstVersions() {
    assertThat(Flow.decode("CHECKLIST.fr").language()).contains(Language.FR);
    assertThat(Flow.decode("FACTS").language()).isEmpty();
    // a flow this version does not know still tells the language it was held in
    assertThat(Flow.decode("SOMETHING_NEW.fr").language()).contains(Language.FR);
    assertThat(Flow.decode("SOMETHING_NEW.fr-CH").language()).contains(Language.FR);
  }

  @Test
  void in_anotherLanguage_keepsTheFlowAndChangesOnlyTheLanguage() {
    assertThat(Flow.decode("HOW_TO.fr").in(Language.EN).encode()).isEqualTo("HOW_TO.en");
    assertThat(Flow.decode("LETTER.en").in(Language.FR))
        .isEqualTo(new Flow.LetterWritten(Language.FR));
    assertThat(Flow.decode("FACTS").in(Language.FR).encode()).isEqualTo("FACTS.fr");
    assertThat(Flow.decode("LETTER").in(Language.EN))
        .isEqualTo(new Flow.LetterWritten(Language.EN));
    assertThat(Flow.decode("SOMETHING_NEW.fr").in(Language.EN).encode())
        .isEqualTo("SOMETHING_NEW.en");
  }

  @Test
  void answered_aLetterWithALanguage_isRefused_forItIsALetterWritten() {
    assertThatThrownBy(() -> new Flow.Answered(Intent.LETTER, EN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aLetterWaitingForItsLaw_storedInSqlite_isWrittenWhenTheUserAnswers(@TempDir Path dir) {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    try (SqliteChatStore store = new SqliteChatStore(dir, clock)) {
      // the row as any version since letters ask the law leaves it
      store.save(
          "c1",
          ChatState.EMPTY.withContext(
              "tiktok", "LETTER_REGION.fr", clock.instant().minusSeconds(60)));
      Assistant assistant = TestPipeline.fixture().assistant(store, clock);

      Reply letter = assistant.reply("c1", "suisse");

      assertThat(letter.answer().kind()).isEqualTo(AnswerKind.LETTER);
      assertThat(letter.answer().language()).isEqualTo(Language.FR);
      assertThat(store.load("c1").region()).contains(Region.CH);
      assertThat(store.load("c1").lastIntent()).contains("LETTER.fr");
    }
  }

  @Test
  void aQuestionOfAnOlderVersion_keepsItsLanguageForTheNextMessage(@TempDir Path dir) {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    try (SqliteChatStore store = new SqliteChatStore(dir, clock)) {
      store.save(
          "c1",
          ChatState.EMPTY.withContext("linkedin", "FACTS.fr", clock.instant().minusSeconds(60)));
      Assistant assistant = TestPipeline.fixture().assistant(store, clock);

      assertThat(assistant.chatLanguage("c1")).contains(Language.FR);
    }
  }
}
