package ch.optout.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntentClassifierTest {
  private final IntentClassifier classifier = new IntentClassifier();

  @ParameterizedTest(name = "{0} -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      How do I stop LinkedIn using my CV?                      | true  | HOW_TO
      Comment m'opposer à ce qu'Instagram utilise mes photos ? | true  | HOW_TO
      help me opt out everywhere                               | false | EVERYWHERE
      je veux tout bloquer                                     | false | EVERYWHERE
      How do I stop every social network using my data?        | false | EVERYWHERE
      Comment agir sur tous les réseaux sociaux ?              | false | EVERYWHERE
      On what legal basis can LinkedIn use my data?            | true  | LEGAL
      Quelle est la différence entre opt-in et opt-out ?       | false | LEGAL
      Can I use the GDPR to object?                            | false | LEGAL
      When does LinkedIn start using European data?            | true  | FACTS
      Depuis quand Meta utilise mes photos ?                   | true  | FACTS
      Does LinkedIn use my private messages?                   | true  | FACTS
      Write me an objection letter for TikTok                  | true  | LETTER
      Je veux leur envoyer une lettre d'opposition             | false | LETTER
      merci                                                    | false | SMALL_TALK
      Hello                                                    | false | SMALL_TALK
      """)
  void classify_paraphrasesInBothLanguages(
      String question, boolean platformNamed, Intent expected) {
    assertThat(classifier.classify(question, platformNamed)).isEqualTo(expected);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "I use Claude to draft emails: does it train on them?",
        "I send emails with Gmail every day, is it used for AI?"
      })
  void emailsMentionedInPassing_areNoLetterRequest(String question) {
    assertThat(classifier.classify(question, true)).isNotEqualTo(Intent.LETTER);
  }
}
