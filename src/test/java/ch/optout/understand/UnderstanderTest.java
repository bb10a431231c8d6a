package ch.optout.understand;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.TestPipeline;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The understanding stage on the knowledge OptOut ships, words only (no embedding model): what a
 * message does, whether it is in scope, which card it asks for, where the user is.
 */
class UnderstanderTest {
  private static final TestPipeline BUNDLED = TestPipeline.bundled();

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      thanks a lot!                                           | THANKS
      merci beaucoup                                          | THANKS
      bye                                                     | GOODBYE
      write me an objection letter for Instagram              | LETTER
      écris-moi une lettre d'opposition pour TikTok           | LETTER
      écrivez-moi une lettre pour Instagram, j'habite à Lyon  | LETTER
      I live in Bristol, could you draft my letter to Reddit? | LETTER
      where do I send it?                                     | WHERE_TO_SEND
      je l'envoie à qui ?                                     | WHERE_TO_SEND
      they didn't answer after a month                        | NO_REPLY
      ils m'ont toujours pas répondu                          | NO_REPLY
      no, I meant Facebook                                    | CORRECTION
      I want to stop AI training on all my accounts, where do I start? | CHECKLIST
      more                                                    | MORE
      How do I stop LinkedIn using my CV?                     | QUESTION
      I live in Leeds                                         | REGION
      Lisbon, where do I complain?                            | COMPLAINT
      Namur, je me plains où ?                                | COMPLAINT
      """)
  void read_act(String message, Act act) {
    assertThat(BUNDLED.read(message).act()).isEqualTo(act);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      How do I stop LinkedIn using my CV to train AI?                   | IN
      Comment empêcher Instagram d'utiliser mes photos pour l'IA ?      | IN
      linkedin                                                          | IN
      someone hacked my instagram, how do I get my account back?        | OUT
      write a catchy headline for my LinkedIn profile                   | OUT
      what's the weather in Geneva tomorrow?                            | OUT
      comment avoir plus d'abonnés sur TikTok ?                         | OUT
      écris une lettre à mon propriétaire pour le chauffage             | OUT
      """)
  void read_scope(String message, Scope scope) {
    assertThat(BUNDLED.read(message).scope()).isEqualTo(scope);
  }

  @ParameterizedTest(name = "{0} → {1} on {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      if I turn it off now, will LinkedIn take my old posts out of its models?   | retroactive | linkedin
      my daughter is 15 and posts on Instagram: is she protected?                 | minors      | meta
      est-ce que ChatGPT lit mes conversations privées pour s'entraîner ?         | private-messages | chatgpt
      how long does Claude keep my chats?                                         | retention   | claude
      """)
  void read_cardOfTheNamedPlatform(String message, String card, String platform) {
    Reading r = BUNDLED.read(message);

    assertThat(r.platformIds()).contains(platform);
    assertThat(r.cardsFor(platform)).extracting(Reading.Asked::id).first().isEqualTo(card);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      I live in Geneva, who do I complain to?     | CH
      j'habite à Lyon                             | FR
      we're in Leeds                              | GB
      je suis à Montréal                          | CA-QC
      I moved to Lisbon last year                 | PT
      """)
  void read_placeSaid_isACountryCode(String message, String country) {
    assertThat(BUNDLED.read(message).country()).contains(country);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      Do my Ray-Ban Meta glasses send photos to train Meta's AI? | Ray-Ban Meta glasses | meta
      Bumble AI training opt out                                 | Bumble               |
      """)
  void read_aServiceWithoutAGuide_isNamedAndNeverItsNamesake(
      String message, String service, String platform) {
    Reading r = BUNDLED.read(message);

    assertThat(r.uncovered()).contains(service);
    if (platform == null) {
      assertThat(r.platforms()).isEmpty();
    } else {
      assertThat(r.platformIds()).containsExactly(platform);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      if I switch off "Improve the model for everyone", do I lose my old chats? | chatgpt | character-ai
      """)
  void read_aLabelTwoServicesShare_isALookalikeNotAGuess(String message, String a, String b) {
    Reading r = BUNDLED.read(message);

    assertThat(r.platforms()).isEmpty();
    assertThat(r.lookalikes()).contains(a, b);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      and on my iPhone?          | MOBILE
      sur mon ordi               | DESKTOP
      """)
  void read_deviceSaid(String message, Device device) {
    assertThat(BUNDLED.read(message).device()).contains(device);
  }
}
