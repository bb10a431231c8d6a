package ch.optout.search;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.knowledge.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageDetectorTest {
  private final LanguageDetector detector = new LanguageDetector();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      comment desactiver l ia de instagramm                 | FR
      Comment empêcher Facebook de prendre mes photos ?      | FR
      je veux tout bloquer                                   | FR
      est ce que tiktok entraine son ia avec mes videos      | FR
      Quelle est la base légale ?                            | FR
      lettre d'opposition pour reddit                        | FR
      et sur mon telephone ?                                 | FR
      how do i stop elon's ai learning from my tweets        | EN
      the professional network owned by Microsoft wants my CV for AI | EN
      linkedin generative ai setting turn off                | EN
      Does WhatsApp read my chats to train Meta AI?          | EN
      and on my phone?                                       | EN
      what about past data                                   | EN
      help me opt out everywhere                             | EN
      """)
  void detect_shortTypedQuestions_findTheirLanguage(String question, Language expected) {
    assertThat(detector.detect(question).language()).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "LinkedIn", "ChatGPT ?", "🙂🙂", "12345", "Grok"})
  void detect_textWithoutLanguageClues_isAmbiguous(String text) {
    assertThat(detector.detect(text).ambiguous()).isTrue();
  }

  @Test
  void detectOr_ambiguousText_usesTheFallback() {
    assertThat(detector.detectOr("Instagram", Language.FR)).isEqualTo(Language.FR);
    assertThat(detector.detectOr("Instagram", Language.EN)).isEqualTo(Language.EN);
  }
}
