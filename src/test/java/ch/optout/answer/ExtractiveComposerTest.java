package ch.optout.answer;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.TestPipeline;
import ch.optout.knowledge.Language;
import ch.optout.knowledge.Source;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExtractiveComposerTest {
  private static final TestPipeline PIPELINE = TestPipeline.fixture();

  private Answer answer(String question) {
    return PIPELINE.composer.compose(PIPELINE.question(question));
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
  void compose_questionAboutAPhone_givesOnlyThePhoneSteps() {
    Answer a = answer("How do I stop LinkedIn on my phone?");

    assertThat(a.steps()).extracting(StepGroup::label).containsExactly("Mobile app");
    assertThat(a.more()).isTrue();
  }

  @Test
  void compose_howTo_leadsWithTheOneLineAction() {
    Answer a = answer("How do I stop LinkedIn using my CV?");

    assertThat(a.lead())
        .startsWith("What to do on LinkedIn:")
        .contains("Data for Generative AI Improvement → off");
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
  void compose_severalPlatforms_givesOneLinePerPlatformWithItsKindOfOptOut() {
    Answer a = answer("How do I stop LinkedIn and Facebook training AI on me?");

    assertThat(a.lead().split("\n\n"))
        .containsExactly(
            "**LinkedIn** — a setting: Settings & Privacy → Data privacy → Data for Generative AI"
                + " Improvement → off",
            "**Meta (Facebook, Instagram)** — "
                + new LeadAnswers(PIPELINE.messages, java.time.Clock.systemUTC())
                    .kindLine(
                        PIPELINE.knowledge.find("meta", Language.EN).orElseThrow(), Language.EN));
    assertThat(a.steps()).isEmpty();
    assertThat(a.sources())
        .extracting(Source::domain)
        .containsExactly("linkedin.com", "facebook.com");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "how do I opt out of instagram ai training",
        "How do I stop LinkedIn using my CV to train AI?",
        "comment empêcher LinkedIn d'utiliser mon CV ?"
      })
  void compose_plainHowTo_leadsWithTheActionNotWithACard(String question) {
    Answer a = answer(question);

    assertThat(a.lead()).matches("(?s)(What to do on|Pour l'arrêter sur|Que faire sur).*");
    assertThat(a.steps()).isNotEmpty();
  }

  @Test
  void compose_fourPlatforms_namesEveryOneOfThem() {
    Answer a = answer("Which of LinkedIn, Facebook, Instagram and TikTok have a setting?");

    assertThat(a.lead()).contains("**LinkedIn**", "**Meta", "**TikTok**");
  }

  @Test
  void compose_factQuestionWithoutCard_leadsWithTheMatchingPointThenWhatToDo() {
    Answer a = answer("Does LinkedIn use my private messages for AI?");

    assertThat(a.lead())
        .startsWith("Private messages are not used")
        .contains("To stop it on LinkedIn:");
    assertThat(a.steps()).isEmpty();
  }

  @Test
  void compose_factQuestionWithACard_leadsWithTheCardsAnswer() {
    Answer a = answer("Can I delete what LinkedIn already learned from my old posts?");

    assertThat(a.lead())
        .startsWith("No. It only stops future training")
        .contains("To stop it on LinkedIn:");
    assertThat(a.lead()).doesNotContain("[1]");
    assertThat(a.sources()).extracting(Source::domain).containsExactly("linkedin.com");
  }

  @Test
  void compose_frenchFactAboutATeenager_leadsWithTheMinorsCard() {
    Answer a = answer("ma fille a 16 ans, LinkedIn va utiliser ses infos pour son IA ?");

    assertThat(a.language()).isEqualTo(Language.FR);
    assertThat(a.lead()).startsWith("LinkedIn dit exclure les membres");
  }

  @Test
  void compose_complaintFromACity_leadsWithTheRegulatorOfItsCountry() {
    Answer a = answer("I live in Geneva and LinkedIn ignores my objection: who do I complain to?");

    assertThat(a.lead()).startsWith("To the Federal Data Protection and Information Commissioner");
    assertThat(a.sources()).extracting(Source::domain).contains("edoeb.admin.ch");
  }

  @Test
  void compose_offTopicAboutAPlatform_declinesShortlyWithoutAGuide() {
    Answer a = answer("How do I change my LinkedIn password?");

    assertThat(a.answered()).isFalse();
    assertThat(a.steps()).isEmpty();
    assertThat(a.lead()).contains("I only help you stop platforms").contains("LinkedIn");
    assertThat(PIPELINE.plainText.render(a).length()).isLessThan(400);
  }

  @Test
  void compose_letterToALandlord_isOffTopicNotAnObjectionLetter() {
    Answer a = answer("Can you help me write a letter to my landlord about the heating?");

    assertThat(a.answered()).isFalse();
    assertThat(a.title()).isEqualTo("That is not something I can help with");
  }

  @Test
  void compose_smallTalk_isOneShortLine() {
    Answer thanks = answer("thanks, that worked");
    Answer merci = answer("merci beaucoup");

    assertThat(thanks.lead()).startsWith("You're welcome");
    assertThat(merci.lead()).startsWith("Avec plaisir");
    assertThat(thanks.lead().length()).isLessThan(150);
  }

  @Test
  void compose_staleGuide_warnsInOneLineWithTheOfficialPage() {
    ExtractiveComposer composer =
        new ExtractiveComposer(
            PIPELINE.knowledge,
            PIPELINE.messages,
            java.time.Clock.fixed(
                java.time.Instant.parse("2026-12-03T10:00:00Z"), java.time.ZoneOffset.UTC));
    ExtractiveComposer fresh =
        new ExtractiveComposer(
            PIPELINE.knowledge,
            PIPELINE.messages,
            java.time.Clock.fixed(
                java.time.Instant.parse("2026-01-10T10:00:00Z"), java.time.ZoneOffset.UTC));
    Question result = PIPELINE.question("How do I stop LinkedIn using my CV?");

    assertThat(composer.compose(result).warning())
        .startsWith("Checked on 20 November 2025, over six months ago")
        .endsWith("https://www.linkedin.com/help/linkedin/answer/a6278444");
    assertThat(fresh.compose(result).warning()).isEmpty();
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
    Answer a = answer("Who won the football match in Geneva yesterday?");

    assertThat(a.answered()).isFalse();
    assertThat(a.kind()).isEqualTo(AnswerKind.DECLINE);
    assertThat(a.lead()).contains("LinkedIn, Meta (Facebook, Instagram), TikTok");
    assertThat(a.sources()).isEmpty();
  }

  @Test
  void compose_unknownPlatform_saysItHasNoGuideRatherThanGuessing() {
    Answer a = answer("How do I stop Bumble using my photos to train AI?");

    assertThat(a.answered()).isFalse();
    assertThat(a.title()).isEqualTo("I don't have a guide for Bumble yet");
    assertThat(a.lead()).contains("/letter Bumble").doesNotContain("LinkedIn");
  }

  @Test
  void compose_unlistedCapitalisedName_saysItHasNoGuideRatherThanGuessing() {
    Answer a = answer("How do I stop Zorblax using my photos to train AI?");

    assertThat(a.answered()).isFalse();
    assertThat(a.lead()).contains("no checked guide for Zorblax");
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
    Answer b = answer("Quel temps fera-t-il à Genève demain ?");

    assertThat(a.answered()).isFalse();
    assertThat(a.language()).isEqualTo(Language.FR);
    assertThat(a.title()).isEqualTo("Je ne peux pas vous aider pour cela");
    assertThat(b.answered()).isFalse();
    assertThat(b.language()).isEqualTo(Language.FR);
  }

  @Test
  void compose_deletingAnAccountWithoutAnyWordOfAi_isOffTopic() {
    Answer a = answer("How do I delete my LinkedIn account?");

    assertThat(a.answered()).isFalse();
    assertThat(a.title()).isEqualTo("That is not something I can help with");
  }

  @Test
  void compose_legalQuestionWhoseBestPassageIsACard_givesTheCardsAnswerNotItsPhrasings() {
    Answer a = answer("I live in Geneva, who do I complain to?");

    assertThat(a.lead()).startsWith("To the Federal Data Protection").doesNotContain("I live in");
    assertThat(a.sources()).extracting(Source::domain).containsOnly("edoeb.admin.ch");
  }

  @Test
  void compose_whichPlatformsHaveNoSetting_listsThoseWithAFormOrNothing() {
    Answer a = answer("Which platforms have no setting to opt out?");

    assertThat(a.answered()).isTrue();
    assertThat(a.lead()).contains("**TikTok**").doesNotContain("**LinkedIn**");
  }
}
