package ch.optout.answer;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.TestPipeline;
import ch.optout.knowledge.Language;
import ch.optout.knowledge.Source;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class LetterWriterTest {
  private static final TestPipeline PIPELINE = TestPipeline.fixture();
  private final LetterWriter writer =
      new LetterWriter(
          PIPELINE.knowledge,
          PIPELINE.messages,
          Clock.fixed(Instant.parse("2026-03-05T10:00:00Z"), ZoneOffset.UTC));

  static Stream<Arguments> everyRegimeAndLanguage() {
    return Stream.of(LegalRegime.values())
        .flatMap(r -> Stream.of(Language.values()).map(l -> Arguments.of(r, l)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyRegimeAndLanguage")
  void write_eachRegimeAndLanguage_usesItsTemplateAndLeavesPersonalPlaceholders(
      LegalRegime regime, Language language) {
    LetterWriter.Letter letter = writer.write("linkedin", regime, language).orElseThrow();

    String id = regime.letterId().substring("letter-".length());
    assertThat(letter.text())
        .contains("Regime " + id + " in " + language.code())
        .contains(
            "To: LinkedIn Ireland Unlimited Company — https://www.linkedin.com/help/linkedin/ask/ppq")
        .contains("[your full name]")
        .contains("[your e-mail address]")
        .doesNotContain("{platform}")
        .doesNotContain("{contact}")
        .doesNotContain("{date}");
    assertThat(letter.sources())
        .extracting(s -> s.url().toString())
        .contains("https://law.example/" + id + "/" + language.code());
  }

  @Test
  void write_platformWithItsOwnForm_saysTheFormFirstThenAddressesTheLegalEntity() {
    LetterWriter.Letter letter =
        writer.write("linkedin", LegalRegime.EU, Language.EN).orElseThrow();

    assertThat(letter.intro())
        .startsWith(
            "Fastest: LinkedIn has its own objection form — https://www.linkedin.com/help/linkedin/ask/TS-DPRO."
                + " The form is faster than a letter")
        .contains(
            "Otherwise, send this letter to LinkedIn Ireland Unlimited Company, the company responsible"
                + " for LinkedIn, through its privacy web form: https://www.linkedin.com/help/linkedin/ask/ppq")
        .contains("also has a setting");
    assertThat(letter.intro().indexOf("Fastest")).isLessThan(letter.intro().indexOf("Otherwise"));
    assertThat(letter.sources().get(0).url().toString())
        .isEqualTo("https://www.linkedin.com/help/linkedin/ask/TS-DPRO");
    assertThat(letter.sources())
        .extracting(s -> s.url().toString())
        .contains(
            "https://www.linkedin.com/legal/privacy-policy",
            "https://www.datarequests.org/company/linkedin/");
    assertThat(letter.company().map(c -> c.slug())).contains("linkedin");
    assertThat(letter.text()).contains("Date: March 5, 2026");
  }

  @Test
  void write_platformWithOnlyAnEmail_sendsItByEmail() {
    LetterWriter.Letter letter = writer.write("tiktok", LegalRegime.CH, Language.FR).orElseThrow();

    assertThat(letter.text())
        .contains("To: TikTok — privacy@tiktok.example")
        .contains("Date: 5 mars 2026");
    assertThat(letter.intro())
        .contains("Envoyez-la par e-mail à privacy@tiktok.example")
        .doesNotContain("réglage");
    assertThat(letter.sources().get(0).url().toString()).isEqualTo("mailto:privacy@tiktok.example");
  }

  @Test
  void write_platformWhoseFormIsAPath_givesThePathFirstThenTheRecordsWebForm() {
    LetterWriter.Letter letter = writer.write("meta", LegalRegime.UK, Language.EN).orElseThrow();

    assertThat(letter.text())
        .contains(
            "To: Meta Platforms Ireland Limited — https://www.facebook.com/help/contact/540977946302970");
    assertThat(letter.intro())
        .startsWith(
            "Fastest: Meta (Facebook, Instagram) has its own objection form — Privacy Centre → AI at Meta")
        .contains("Otherwise, send this letter to Meta Platforms Ireland Limited")
        .doesNotContain("no verified privacy contact");
    assertThat(letter.sources())
        .extracting(Source::domain)
        .contains("facebook.com", "datarequests.org", "law.example");
  }

  @Test
  void write_platformWithoutRecordOrContact_saysSoAndPointsToItsSources() throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("letters");
    copy(ch.optout.TestPipeline.fixtureDir(), dir);
    java.nio.file.Path meta = dir.resolve("guides/meta.en.md");
    for (String lang : new String[] {"en", "fr"}) {
      java.nio.file.Path guide = dir.resolve("guides/meta." + lang + ".md");
      java.nio.file.Files.writeString(
          guide,
          java.nio.file.Files.readString(guide)
              .replace("company: facebook\n", "")
              .replace("opt_out: form", "opt_out: none"));
    }
    TestPipeline pipeline = new TestPipeline(dir);
    LetterWriter plain = new LetterWriter(pipeline.knowledge, pipeline.messages, Clock.systemUTC());

    LetterWriter.Letter letter = plain.write("meta", LegalRegime.UK, Language.EN).orElseThrow();

    assertThat(meta).exists();
    assertThat(letter.text())
        .contains("To: Meta (Facebook, Instagram) — [the platform's privacy contact]");
    assertThat(letter.intro()).contains("I have no verified privacy contact for Meta");
    assertThat(letter.sources()).extracting(Source::domain).contains("facebook.com", "law.example");
    assertThat(letter.company()).isEmpty();
  }

  private static void copy(java.nio.file.Path from, java.nio.file.Path to)
      throws java.io.IOException {
    try (var walk = java.nio.file.Files.walk(from)) {
      for (java.nio.file.Path p : walk.toList()) {
        java.nio.file.Path target = to.resolve(from.relativize(p).toString());
        if (java.nio.file.Files.isDirectory(p)) {
          java.nio.file.Files.createDirectories(target);
        } else {
          java.nio.file.Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  @Test
  void writeUncovered_aServiceInTheContacts_isAddressedToItsRecord() {
    LetterWriter.Letter letter =
        writer.writeUncovered("Duolingo", LegalRegime.EU, Language.EN).orElseThrow();

    assertThat(letter.text()).contains("To: Duolingo, Inc. — privacy@duolingo.com");
    assertThat(letter.intro())
        .startsWith(
            "I have no guide for Duolingo, but its privacy contact is in the datarequests.org")
        .contains("Send it to Duolingo, Inc., the company responsible for Duolingo, by e-mail:");
    assertThat(letter.sources())
        .extracting(s -> s.url().toString())
        .startsWith(
            "https://www.duolingo.com/privacy", "https://www.datarequests.org/company/duolingo/");
    assertThat(letter.sources().get(1).title())
        .isEqualTo("Company contacts: the datarequests.org open database (CC0)");
  }

  @Test
  void writeUncovered_inFrench_findsStrava() {
    LetterWriter.Letter letter =
        writer.writeUncovered("Strava", LegalRegime.CH, Language.FR).orElseThrow();

    assertThat(letter.text()).contains("Strava, Inc. — dpo@strava.com").contains("5 mars 2026");
    assertThat(letter.intro())
        .contains(
            "Envoyez-la à Strava, Inc., la société responsable de Strava, par e-mail : dpo@strava.com")
        .contains("ne fixe aucun délai de réponse à une opposition");
    assertThat(letter.answerDue()).isEmpty();
  }

  @Test
  void writeUncovered_aCompanyReachedByPost_givesItsPostalAddress() {
    LetterWriter.Letter letter =
        writer.writeUncovered("Orange", LegalRegime.EU, Language.EN).orElseThrow();

    assertThat(letter.text())
        .contains(
            "To: Orange SA — 111, quai du Président Roosevelt, CS 70222, 92449 Issy-les-Moulineaux");
    assertThat(letter.intro()).contains("by post (registered if you can)");
  }

  @Test
  void writeUncovered_aScrapedRecord_carriesTheUncheckedCaveat() {
    LetterWriter.Letter letter =
        writer
            .writeUncovered("Apostelgemeinde in Salzgitter-Lebenstedt", LegalRegime.EU, Language.EN)
            .orElseThrow();

    assertThat(letter.intro()).contains("Unchecked contact:");
  }

  @Test
  void writeUncovered_forTheUk_prefersTheBritishRecord() {
    LetterWriter.Letter letter =
        writer.writeUncovered("Amazon", LegalRegime.UK, Language.EN).orElseThrow();

    assertThat(letter.text()).contains("eu-privacy@amazon.co.uk");
  }

  @Test
  void writeUncovered_unknownService_leavesTheContactToFind() {
    LetterWriter.Letter letter =
        writer.writeUncovered("Myspace", LegalRegime.EU, Language.EN).orElseThrow();

    assertThat(letter.text()).contains("To: Myspace — [the platform's privacy contact]");
    assertThat(letter.intro()).startsWith("I have no guide for Myspace, so no checked contact");
    assertThat(letter.company()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "EU | EN | within one month of receiving your letter (Art. 12(3) GDPR), by April 5, 2026",
        "UK | EN | (Art. 12(3) UK GDPR), by April 5, 2026",
        "EU | FR | dans le mois qui suit la réception de votre lettre (art. 12, par. 3, RGPD), soit d'ici au 5 avril 2026",
        "CH | EN | sets no fixed deadline for answering an objection",
      })
  void write_saysTheDeadlineTheLawGives(LegalRegime regime, Language language, String expected) {
    LetterWriter.Letter letter = writer.write("tiktok", regime, language).orElseThrow();

    assertThat(letter.intro()).contains(expected);
    assertThat(letter.answerDue().isPresent()).isEqualTo(regime != LegalRegime.CH);
  }

  @Test
  void write_unknownPlatform_isEmpty() {
    assertThat(writer.write("myspace", LegalRegime.EU, Language.EN)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "EU,EU",
    "europe,EU",
    "Suisse,CH",
    "royaume-uni,UK",
    "1,EU",
    "2,UK",
    "3,CH",
    "Genève,CH"
  })
  void parse_regimeNamesInBothLanguages(String text, LegalRegime expected) {
    assertThat(LegalRegime.parse(text)).contains(expected);
  }

  @Test
  void mentionedIn_findsTheRegionNamedInARequest_butNotFrenchHad() {
    assertThat(LegalRegime.mentionedIn("write a letter to TikTok, I live in the United Kingdom"))
        .contains(LegalRegime.UK);
    assertThat(LegalRegime.mentionedIn("lettre pour Reddit, j'habite à Genève"))
        .contains(LegalRegime.CH);
    assertThat(LegalRegime.mentionedIn("an objection under the GDPR please"))
        .contains(LegalRegime.EU);
    assertThat(LegalRegime.mentionedIn("j'ai eu un souci avec TikTok, lettre d'opposition"))
        .isEmpty();
    assertThat(LegalRegime.mentionedIn("letter 1 for tiktok")).isEmpty();
  }
}
