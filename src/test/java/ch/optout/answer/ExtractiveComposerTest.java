package ch.optout.answer;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.TestPipeline;
import ch.optout.knowledge.Language;
import ch.optout.knowledge.Source;
import ch.optout.search.SearchResult;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ExtractiveComposerTest {
  private static final TestPipeline PIPELINE = TestPipeline.fixture();

  private Answer answer(String question) {
    SearchResult result = PIPELINE.search.search(PIPELINE.search.understand(question, Language.EN));
    return PIPELINE.composer.compose(result);
  }

  @Test
  void compose_howToQuestion_givesTheGuidesStepsPerDeviceCaveatsAndSources() {
    Answer a = answer("How do I stop LinkedIn using my CV?");

    assertThat(a.answered()).isTrue();
    assertThat(a.kind()).isEqualTo(AnswerKind.GUIDE);
    assertThat(a.platformId()).contains("linkedin");
    assertThat(a.language()).isEqualTo(Language.EN);
    assertThat(a.steps()).extracting(StepGroup::label).containsExactly("Web", "Mobile app");
    assertThat(a.steps().get(0).steps())
        .hasSize(3)
        .last()
        .asString()
        .contains("Data for Generative AI Improvement");
    assertThat(a.caveats()).containsExactly("Models already trained on your CV are not retrained.");
    assertThat(a.sources()).extracting(Source::domain).containsExactly("linkedin.com");
    assertThat(a.verified()).contains(LocalDate.of(2025, 11, 20));
  }

  @Test
  void compose_questionAboutAPhone_putsTheMobileStepsFirst() {
    Answer a = answer("How do I stop LinkedIn on my phone?");

    assertThat(a.steps()).extracting(StepGroup::label).containsExactly("Mobile app", "Web");
  }

  @Test
  void compose_frenchQuestion_answersFromTheFrenchGuide() {
    Answer a = answer("Comment empêcher LinkedIn d'utiliser mes données ?");

    assertThat(a.language()).isEqualTo(Language.FR);
    assertThat(a.title()).isEqualTo("Empêcher LinkedIn d'entraîner l'IA avec votre profil");
    assertThat(a.steps()).extracting(StepGroup::label).containsExactly("Web");
    assertThat(PIPELINE.plainText.render(a))
        .contains("Ce que cela ne couvre pas :")
        .contains("Sources (guide vérifié le 2025-11-20) :");
  }

  @Test
  void compose_severalPlatforms_givesStepsForEachWithTheirNames() {
    Answer a = answer("How do I stop LinkedIn and Facebook training AI on me?");

    assertThat(a.steps())
        .extracting(StepGroup::label)
        .containsExactly(
            "LinkedIn — Web",
            "LinkedIn — Mobile app",
            "Meta (Facebook, Instagram) — Facebook",
            "Meta (Facebook, Instagram) — Instagram");
    assertThat(a.sources())
        .extracting(Source::domain)
        .containsExactly("linkedin.com", "facebook.com");
  }

  @Test
  void compose_factQuestion_leadsWithTheMatchingPointThenTheSteps() {
    Answer a = answer("Does LinkedIn use my private messages for AI?");

    assertThat(a.lead()).contains("Private messages are not used");
    assertThat(a.steps()).isNotEmpty();
  }

  @Test
  void compose_legalQuestion_answersFromTheLawWithItsSource() {
    Answer a = answer("What does the GDPR right to object say?");

    assertThat(a.kind()).isEqualTo(AnswerKind.INFORMATION);
    assertThat(a.lead()).contains("Article 21");
    assertThat(a.sources()).extracting(Source::domain).contains("eur-lex.europa.eu");
  }

  @Test
  void compose_everywhere_listsEveryPlatformWithItsActionAndLink() {
    Answer a = answer("help me opt out everywhere");

    assertThat(a.kind()).isEqualTo(AnswerKind.CHECKLIST);
    assertThat(a.allSteps()).hasSize(3);
    assertThat(a.allSteps().get(0)).startsWith("**LinkedIn** — Settings & Privacy");
    assertThat(a.allSteps())
        .anySatisfy(s -> assertThat(s).contains("TikTok").contains("no opt-out"));
    assertThat(a.sources()).hasSize(3);
  }

  @Test
  void compose_outOfScope_declinesPolitelyListingWhatItCovers() {
    Answer a = answer("What's the weather in Geneva tomorrow?");

    assertThat(a.answered()).isFalse();
    assertThat(a.kind()).isEqualTo(AnswerKind.DECLINE);
    assertThat(a.lead()).contains("LinkedIn, Meta (Facebook, Instagram), TikTok");
    assertThat(a.sources()).isEmpty();
  }

  @Test
  void compose_unknownPlatform_saysItHasNoGuideRatherThanGuessing() {
    Answer a = answer("How do I stop Bumble using my photos to train AI?");

    assertThat(a.answered()).isFalse();
    assertThat(a.lead()).contains("don't have a verified guide");
  }

  @Test
  void compose_topicalQuestionWithoutPlatform_asksWhichPlatform() {
    Answer a = answer("how do I stop ai training");

    assertThat(a.answered()).isFalse();
    assertThat(a.lead()).startsWith("Which platform do you mean?").contains("LinkedIn");
  }

  @Test
  void compose_frenchDecline_isInFrench() {
    Answer a = answer("Écris-moi un poème sur les chats.");

    assertThat(a.answered()).isFalse();
    assertThat(a.language()).isEqualTo(Language.FR);
    assertThat(a.title()).isEqualTo("Désolé, je ne peux pas répondre à cela.");
  }
}
