package ch.optout.chat;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.TestPipeline;
import ch.optout.answer.Answer;
import ch.optout.answer.AnswerKind;
import ch.optout.store.InMemoryChatStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Letters addressed from the contacts, through the commands a user types. */
class LetterContactsTest {
  private static final TestPipeline PIPELINE = TestPipeline.fixture();
  private final Clock clock = Clock.fixed(Instant.parse("2026-07-01T09:00:00Z"), ZoneOffset.UTC);

  private Answer letter(String request) {
    Assistant assistant = PIPELINE.assistant(new InMemoryChatStore(clock), clock);
    assistant.reply("c", "/region eu");
    return assistant.reply("c", request).answer();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/letter Duolingo | Duolingo, Inc. — privacy@duolingo.com",
        "/lettre Strava | Strava, Inc. — dpo@strava.com",
        "/letter Zalando | Zalando SE — datenschutz@zalando.de",
        "/letter booking.com | Booking.com B.V. — dataprotectionoffice@booking.com",
      })
  void letterCommand_forACompanyWithoutGuide_isAddressedToItsRecord(
      String request, String addressee) {
    Answer letter = letter(request);

    assertThat(letter.kind()).isEqualTo(AnswerKind.LETTER);
    assertThat(letter.document()).contains(addressee).contains("[your full name]");
    assertThat(letter.lead()).contains("datarequests.org").contains("Deadline:");
    assertThat(letter.sources())
        .anySatisfy(s -> assertThat(s.url().getHost()).isEqualTo("www.datarequests.org"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "write an objection letter to Zalando | Zalando SE — datenschutz@zalando.de",
        "lettre d'opposition pour Strava | Strava, Inc. — dpo@strava.com",
      })
  void letterRequest_namingACompanyWithoutGuide_isAddressedToItsRecord(
      String request, String addressee) {
    Answer letter = letter(request);

    assertThat(letter.kind()).isEqualTo(AnswerKind.LETTER);
    assertThat(letter.document()).contains(addressee);
  }

  @Test
  void letterCommand_writesTheCompanysNameAsItDoes() {
    assertThat(letter("/letter booking.com").title())
        .startsWith("Objection letter to Booking.com —");
    assertThat(letter("/letter zalando").title()).startsWith("Objection letter to Zalando —");
  }

  @Test
  void letterCommand_forAPlatformWithAGuide_saysItsOwnFormFirst() {
    Answer letter = letter("/letter meta");

    assertThat(letter.lead())
        .startsWith("Fastest: Meta (Facebook, Instagram) has its own objection form");
    assertThat(letter.document()).contains("To: Meta Platforms Ireland Limited — https://");
  }

  @Test
  void about_creditsTheContactsDatabaseInBothLanguages() {
    Assistant assistant = PIPELINE.assistant(new InMemoryChatStore(clock), clock);

    String en = assistant.reply("c", "/about").answer().lead();
    assistant.reply("c", "/lang fr");
    String fr = assistant.reply("c", "/apropos").answer().lead();

    assertThat(en)
        .contains("Company contacts: the datarequests.org open database (CC0), 17 companies");
    assertThat(fr).contains("Contacts des entreprises : la base ouverte datarequests.org (CC0)");
    assertThat(PIPELINE.knowledge.contacts().companies()).hasSize(17);
  }
}
