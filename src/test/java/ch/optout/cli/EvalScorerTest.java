package ch.optout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.answer.Answer;
import ch.optout.answer.AnswerKind;
import ch.optout.chat.Reply;
import ch.optout.knowledge.Language;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EvalScorerTest {
  private final EvalScorer scorer = new EvalScorer();

  private static EvalCase facts(List<String> leadAny, List<String> forbidAny) {
    return new EvalCase(
        1,
        "is it retroactive?",
        Optional.of("en"),
        "facts",
        List.of(),
        List.of(),
        List.of(),
        leadAny,
        forbidAny);
  }

  private static Reply answered(String lead) {
    return new Reply(
        Answer.builder(Language.EN, AnswerKind.GUIDE).title("LinkedIn").lead(lead).build(),
        Optional.empty());
  }

  @Test
  void lead_mustHoldTheAnswerInTheFirstCharactersAfterTheTitle() {
    EvalCase c = facts(List.of("not retroactive"), List.of());
    String early = "LinkedIn\n\nIt is not retroactive.";
    String late = "LinkedIn\n\n" + "x".repeat(EvalScorer.LEAD_CHARS) + " not retroactive";

    assertThat(scorer.score(c, answered("It is not retroactive."), early).right()).isTrue();
    EvalScorer.Verdict v = scorer.score(c, answered("…"), late);
    assertThat(v.right()).isFalse();
    assertThat(v.leadRight()).contains(false);
  }

  @Test
  void forbidAny_failsAnAnswerQuotingAnotherPlatformsSetting() {
    EvalCase c = facts(List.of(), List.of("Improve the model for everyone"));

    EvalScorer.Verdict v =
        scorer.score(c, answered("x"), "Vinted\n\nSwitch off Improve the model for everyone");

    assertThat(v.problems()).anySatisfy(p -> assertThat(p).startsWith("contains forbidden"));
  }

  @Test
  void coverage_anHonestDeclineNamingTheService_isRight_butNotOneThatDoesNotNameIt() {
    EvalCase c =
        new EvalCase(
            1,
            "Does Vinted train AI on my photos?",
            Optional.of("en"),
            "coverage",
            List.of("Vinted"),
            List.of(),
            List.of("vinted.com"),
            List.of(),
            List.of());
    Reply declined =
        new Reply(
            Answer.message(Language.EN, "I don't have a guide for Vinted yet", "…").asDecline(),
            Optional.empty());

    assertThat(scorer.score(c, declined, "I don't have a guide for Vinted yet").right()).isTrue();
    assertThat(scorer.score(c, declined, "I can't answer that.").right()).isFalse();
  }
}
