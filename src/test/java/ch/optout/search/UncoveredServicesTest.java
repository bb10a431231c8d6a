package ch.optout.search;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.TestPipeline;
import ch.optout.knowledge.Language;
import java.util.List;
import org.junit.jupiter.api.Test;

class UncoveredServicesTest {
  private static final TestPipeline PIPELINE = TestPipeline.fixture();

  @Test
  void find_takesTheLongestNameOfTheList() {
    UncoveredServices list =
        new UncoveredServices(
            List.of("# comment", "Meta Quest | meta quest", "Duolingo | duolingo"));

    assertThat(list.find("Does my Meta Quest record me?").map(UncoveredServices.Match::name))
        .contains("Meta Quest");
    assertThat(list.find("Duolingo AI training opt out").map(UncoveredServices.Match::name))
        .contains("Duolingo");
    assertThat(list.find("How do I stop LinkedIn?")).isEmpty();
  }

  @Test
  void understand_anUncoveredNameContainingAPlatformsName_isNotThatPlatform() {
    Understanding u =
        PIPELINE.search.understand(
            "Do my Ray-Ban Meta glasses send photos to train Meta's AI?", Language.EN);

    assertThat(u.uncovered()).contains("Ray-Ban Meta glasses");
    assertThat(u.platforms()).containsExactly("meta");
  }

  @Test
  void understand_anUncoveredServiceAlone_namesIt() {
    Understanding u = PIPELINE.search.understand("Duolingo AI training opt out", Language.EN);

    assertThat(u.uncovered()).contains("Duolingo");
    assertThat(u.platforms()).isEmpty();
  }
}
