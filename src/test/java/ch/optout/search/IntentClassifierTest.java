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
      merci                                                    | false | SMALL_TALK
      Hello                                                    | false | SMALL_TALK
      """)
  void classify_paraphrasesInBothLanguages(
      String question, boolean platformNamed, Intent expected) {
    assertThat(classifier.classify(question, platformNamed)).isEqualTo(expected);
  }
}
