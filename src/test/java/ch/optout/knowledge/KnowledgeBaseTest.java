package ch.optout.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.TestPipeline;
import org.junit.jupiter.api.Test;

/** Lookups that do not depend on the language a guide is read in. */
class KnowledgeBaseTest {
  private static final KnowledgeBase KNOWLEDGE = TestPipeline.fixture().knowledge;

  @Test
  void isGuide_isTrueForAPlatformGuideOnly() {
    String law =
        KNOWLEDGE.documents().stream()
            .filter(g -> g.kind() != DocumentKind.GUIDE)
            .findFirst()
            .orElseThrow()
            .id();

    assertThat(KNOWLEDGE.isGuide("linkedin")).isTrue();
    assertThat(KNOWLEDGE.isGuide(law)).as(law).isFalse();
    assertThat(KNOWLEDGE.isGuide("no-such-platform")).isFalse();
  }

  @Test
  void findAny_fallsBackToAnotherLanguage() {
    for (Language l : Language.values()) {
      assertThat(KNOWLEDGE.findAny("linkedin", l))
          .get()
          .extracting(Guide::id)
          .isEqualTo("linkedin");
    }
  }
}
