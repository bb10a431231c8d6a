package ch.optout.search;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.TestPipeline;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformMatcherTest {
  private final PlatformMatcher matcher = new PlatformMatcher(TestPipeline.fixture().knowledge);

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      How do I stop LinkedIn using my CV?          | linkedin
      linkdin ai setting                           | linkedin
      Linked In wants my data                      | linkedin
      le réseau social professionnel et mon CV     | linkedin
      the professional network wants my CV         | linkedin
      comment desactiver l ia de instagramm        | meta
      instagarm photos                             | meta
      my fb posts                                  | meta
      Llama trained on my photos?                  | meta
      tik tok videos                               | tiktok
      tiktk videos                                 | tiktok
      """)
  void platforms_namesAliasesAndTypos_findThePlatform(String question, String platform) {
    assertThat(matcher.platforms(question)).containsExactly(platform);
  }

  @Test
  void platforms_severalNamed_areAllFoundInOrder() {
    assertThat(matcher.platforms("Should I object on TikTok, Instagram and LinkedIn?"))
        .containsExactly("tiktok", "meta", "linkedin");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "What's the weather in Geneva?",
        "metadata of black holes",
        "a linked list in Java",
        "LinkedInLinkedIn",
        "",
        "How do I stop Bumble using my photos for AI?"
      })
  void platforms_unrelatedText_findsNothing(String text) {
    assertThat(matcher.platforms(text)).isEqualTo(List.of());
  }

  @Test
  void isTypo_toleratesOneEditOnShortNamesAndTwoOnLongOnes() {
    assertThat(AliasTypos.isTypo("linkdin", "linkedin")).isTrue();
    assertThat(AliasTypos.isTypo("instagarm", "instagram")).isTrue();
    assertThat(AliasTypos.isTypo("instgarm", "instagram")).isTrue();
    assertThat(AliasTypos.isTypo("snap", "snac")).isFalse();
    assertThat(AliasTypos.isTypo("black", "slack")).isFalse();
    assertThat(AliasTypos.isTypo("tweeter", "twitter")).isFalse();
  }

  private static final TestPipeline BUNDLED = TestPipeline.bundled();

  @org.junit.jupiter.params.ParameterizedTest(name = "{0} → {1}")
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      textBlock =
          """
      Does Notion AI train on my pages?                                   | notion
      Qu'est-ce que la notion d'intérêt légitime pour LinkedIn ?          | linkedin
      Can Meta AI use posts about me even if I'm not on Facebook?         | meta
      Does Zoom use my meetings to train AI?                              | zoom
      Google Photos utilise-t-il mes photos de famille ?                  | google-photos
      I'm on Copilot Pro in VS Code: is GitHub training on my code?       | github-copilot
      """)
  void platforms_commonNounsAndCompanyNames_goToTheRightGuideOnly(String question, String id) {
    assertThat(BUNDLED.read(question).platformIds()).containsExactly(id);
  }
}
