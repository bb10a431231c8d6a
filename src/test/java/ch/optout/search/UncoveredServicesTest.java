package ch.optout.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UncoveredServicesTest {
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
}
