package ch.optout.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyLayoutTest {
  @Test
  void of_leadThenSteps_splitsThem() {
    ReplyLayout layout =
        ReplyLayout.of("Here is how:\n\n1. Open Settings [1].\n2) Switch it off [1].\n");

    assertThat(layout.lead()).isEqualTo("Here is how:");
    assertThat(layout.steps())
        .containsExactly(new StepGroup("", List.of("Open Settings [1].", "Switch it off [1].")));
    assertThat(layout.tail()).isEmpty();
  }

  @Test
  void of_labelledGroups_keepTheirLabels() {
    ReplyLayout layout =
        ReplyLayout.of(
            """
        **Web:**
        1. Click Me [1].
        2. Open Data privacy [1].

        Mobile app:
        1. Tap your photo [2].
        """);

    assertThat(layout.lead()).isEmpty();
    assertThat(layout.steps())
        .containsExactly(
            new StepGroup("Web", List.of("Click Me [1].", "Open Data privacy [1].")),
            new StepGroup("Mobile app", List.of("Tap your photo [2].")));
  }

  @Test
  void of_numberingRestartsWithoutLabel_startsANewGroup() {
    ReplyLayout layout = ReplyLayout.of("1. a [1]\n2. b [1]\n1. c [2]");

    assertThat(layout.steps())
        .extracting(StepGroup::steps)
        .containsExactly(List.of("a [1]", "b [1]"), List.of("c [2]"));
  }

  @Test
  void of_indentedContinuation_joinsItsStep_andProseAfterTheSteps_isTheTail() {
    ReplyLayout layout =
        ReplyLayout.of(
            "1. Open Settings,\n   then Privacy [1].\n\nModels already trained are not retrained [1].\nIt is not retroactive [1].\n\nCheck again later [2].");

    assertThat(layout.steps())
        .containsExactly(new StepGroup("", List.of("Open Settings, then Privacy [1].")));
    assertThat(layout.tail())
        .containsExactly(
            "Models already trained are not retrained [1]. It is not retroactive [1].",
            "Check again later [2].");
  }

  @Test
  void of_noNumberedLine_isAllLead() {
    ReplyLayout layout =
        ReplyLayout.of(
            "Article 21 gives you the right to object [1].\n\nThe company must then stop [1].");

    assertThat(layout.lead())
        .isEqualTo(
            "Article 21 gives you the right to object [1].\n\nThe company must then stop [1].");
    assertThat(layout.steps()).isEmpty();
    assertThat(layout.tail()).isEmpty();
  }
}
