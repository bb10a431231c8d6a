package ch.optout.chat;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.MutableClock;
import ch.optout.TestPipeline;
import ch.optout.answer.Answer;
import ch.optout.answer.AnswerKind;
import ch.optout.knowledge.Language;
import ch.optout.store.InMemoryChatStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Whole conversations: what a person types, one message after another. */
class ConversationTest {
  private static final TestPipeline PIPELINE = TestPipeline.fixture();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T10:00:00Z"));
  private final InMemoryChatStore store = new InMemoryChatStore(clock);
  private final Assistant assistant = PIPELINE.assistant(store, clock);

  private Answer say(String text) {
    return assistant.reply("c1", text).answer();
  }

  @Test
  void frenchConversation_staysFrenchAndAnswersFactsAboutThePlatformInContext() {
    Answer first = say("comment empêcher LinkedIn d'utiliser mon profil ?");
    Answer retroactive = say("c'est rétroactif ?");
    Answer thanks = say("merci");

    assertThat(first.language()).isEqualTo(Language.FR);
    assertThat(retroactive.answered()).isTrue();
    assertThat(retroactive.language()).isEqualTo(Language.FR);
    assertThat(retroactive.platformId()).contains("linkedin");
    assertThat(retroactive.lead()).startsWith("Non. Elle n'arrête que l'entraînement futur");
    assertThat(thanks.lead()).startsWith("Avec plaisir");
    assertThat(thanks.lead()).doesNotContain("Je couvre");
  }

  @Test
  void shortFollowUpNamingAnotherPlatform_keepsTheConversationsLanguage() {
    say("comment empêcher LinkedIn d'utiliser mes données ?");

    Answer tiktok = say("et tiktok ?");

    assertThat(tiktok.platformId()).contains("tiktok");
    assertThat(tiktok.language()).isEqualTo(Language.FR);
  }

  @Test
  void clearMessageInAnotherLanguage_movesTheConversationToIt() {
    say("comment empêcher LinkedIn d'utiliser mes données ?");
    say("How do I stop TikTok using my videos for AI?");

    Answer followUp = say("et Meta ?");

    assertThat(followUp.language()).isEqualTo(Language.EN);
  }

  @Test
  void langCommand_decidesTheLanguageEvenOfAnEnglishQuestion() {
    say("/lang fr");

    Answer a = say("How do I stop LinkedIn using my CV?");

    assertThat(a.language()).isEqualTo(Language.FR);
  }

  @Test
  void more_givesTheRestOfTheGuideInContext_andNothingWithoutOne() {
    Answer nothing = say("more");
    Answer shortAnswer = say("How do I stop LinkedIn using my CV?");
    Answer more = say("more");

    assertThat(nothing.lead()).startsWith("More about what?");
    assertThat(shortAnswer.more()).isTrue();
    assertThat(shortAnswer.notes()).isEmpty();
    assertThat(more.title()).isEqualTo("More about LinkedIn");
    assertThat(more.notes()).contains("Private messages are not used for training.");
  }

  @Test
  void factFollowUp_afterTheContextExpired_isNotAboutTheOldPlatform() {
    say("How do I stop LinkedIn using my CV?");
    clock.advance(Duration.ofMinutes(61));

    Answer a = say("is it retroactive?");

    assertThat(a.platformId()).isNotEqualTo(Optional.of("linkedin"));
  }

  @Test
  void offTopicQuestionAboutAPlatform_isDeclinedShortly_andKeepsTheContext() {
    say("How do I stop LinkedIn using my CV?");

    Answer password = say("how do I reset my LinkedIn password?");
    Answer retroactive = say("is it retroactive?");

    assertThat(password.kind()).isEqualTo(AnswerKind.DECLINE);
    assertThat(password.steps()).isEmpty();
    assertThat(retroactive.platformId()).contains("linkedin");
  }

  @Test
  void uncoveredService_isNamedWithTheLetterHint() {
    Answer a = say("Bumble AI training opt out");

    assertThat(a.answered()).isFalse();
    assertThat(a.title()).contains("Bumble");
    assertThat(a.lead()).contains("/letter Bumble");
  }

  @Test
  void longFollowUpOpeningWithEt_staysOnThePlatformInContext() {
    say("comment empêcher LinkedIn d'utiliser mon profil ?");

    Answer a = say("et si j'ai déjà publié des posts l'an dernier, ils sont utilisés ?");

    assertThat(a.platformId()).contains("linkedin");
    assertThat(a.lead()).startsWith("Non. Elle n'arrête que l'entraînement futur");
  }

  @Test
  void afterALetter_theConversationKeepsItsLanguage() {
    say("lettre d'opposition pour LinkedIn");
    say("3");

    Answer ok = say("ok");

    assertThat(ok.language()).isEqualTo(Language.FR);
  }

  @Test
  void factTheGuideDoesNotCover_isSaidHonestlyBeforeTheSteps() {
    say("How do I stop TikTok using my videos?");

    Answer a = say("what about my kids account?");

    assertThat(a.platformId()).contains("tiktok");
    assertThat(a.lead())
        .startsWith("My sources for TikTok say nothing specific about children and teenagers");
  }

  @Test
  void aLongQuestionWhileALetterWaitsForItsPlatform_isAnsweredAsAQuestion() {
    say("/letter");

    Answer a = say("Actually, is it true that Meta uses my Instagram posts for its AI training?");

    assertThat(a.answered()).isTrue();
    assertThat(a.platformId()).contains("meta");
  }

  @Test
  void aFollowUpWhileALetterWaitsForItsPlatform_neverUsesThePlaceholder() {
    say("/letter");

    Answer a = say("and is it retroactive, I wonder, for all the things I posted over the years?");

    assertThat(a.platformId()).isNotEqualTo(Optional.of("letter-asked"));
  }

  @Test
  void plus_afterAnEnglishAnswer_givesTheRestInEnglish() {
    say("/start tiktok");

    Answer more = say("plus");

    assertThat(more.language()).isEqualTo(Language.EN);
    assertThat(more.title()).isEqualTo("More about TikTok");
  }

  @Test
  void aCapitalisedNameOutsideTheTopic_isOutOfScopeNotAnUnknownPlatform() {
    Answer a = say("What is the best pizza in Rome?");

    assertThat(a.answered()).isFalse();
    assertThat(a.lead()).startsWith("I only help you stop platforms");
  }
}
