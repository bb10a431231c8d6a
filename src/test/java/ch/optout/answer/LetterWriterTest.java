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
        .contains("To: LinkedIn — https://www.linkedin.com/help/linkedin/ask/TS-DPRO")
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
  void write_platformWithAForm_namesTheFormAndOffersTheLetterAsAComplementToTheSetting() {
    LetterWriter.Letter letter =
        writer.write("linkedin", LegalRegime.EU, Language.EN).orElseThrow();

    assertThat(letter.intro())
        .contains("privacy form: https://www.linkedin.com/help/linkedin/ask/TS-DPRO")
        .contains("also has a setting");
    assertThat(letter.sources().get(0).url().toString())
        .isEqualTo("https://www.linkedin.com/help/linkedin/ask/TS-DPRO");
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
  void write_platformWithoutContact_saysSoAndPointsToItsSources() {
    LetterWriter.Letter letter = writer.write("meta", LegalRegime.UK, Language.EN).orElseThrow();

    assertThat(letter.text())
        .contains("To: Meta (Facebook, Instagram) — [the platform's privacy contact]");
    assertThat(letter.intro()).contains("I have no verified privacy contact for Meta");
    assertThat(letter.sources()).extracting(Source::domain).contains("facebook.com", "law.example");
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
