package ch.optout.understand;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.knowledge.Language;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whether a message is in scope: by its words, and by its meaning once the model has loaded. */
class ScopeDecisionTest {
  private static final LanguagePack EN = LanguagePack.bundled(Language.EN);

  /** "ai" is a topic word: by words alone, the message is in scope. */
  private static final String ESSAY = "help me write my philosophy essay can an ai think";

  private static ExemplarClassifier.Result scores(
      Map<String, Double> words, Map<String, Double> meaning) {
    return new ExemplarClassifier.Result(List.of(), meaning, words, Map.of());
  }

  @Test
  void topicWords_withoutTheModel_keepAMessageInScope() {
    ScopeDecision d =
        ScopeDecision.of(
            EN,
            ESSAY,
            Act.QUESTION,
            scores(Map.of("in", 0.3, "writing", 0.45), Map.of()),
            1,
            false);

    assertThat(d.scope()).isEqualTo(Scope.IN);
  }

  @Test
  void aMessageNearerInMeaningToAnOffTopicKind_isDeclinedWhateverItsWords() {
    ScopeDecision d =
        ScopeDecision.of(
            EN,
            ESSAY,
            Act.QUESTION,
            scores(Map.of("in", 0.3, "writing", 0.45), Map.of("in", 0.55, "writing", 0.62)),
            1,
            false);

    assertThat(d).isEqualTo(new ScopeDecision(Scope.OUT, "writing"));
  }

  @Test
  void aMessageAsNearInMeaningToTheTopic_staysInScope() {
    ScopeDecision d =
        ScopeDecision.of(
            EN,
            ESSAY,
            Act.QUESTION,
            scores(Map.of("in", 0.3, "writing", 0.45), Map.of("in", 0.60, "writing", 0.62)),
            1,
            false);

    assertThat(d.scope()).isEqualTo(Scope.IN);
  }

  @Test
  void aFollowUpWithoutAName_inAConversation_isReadByTheConversation() {
    ScopeDecision d =
        ScopeDecision.of(
            EN,
            "which one is easier",
            Act.QUESTION,
            scores(Map.of("in", 0.3), Map.of("in", 0.40, "shopping", 0.52)),
            0,
            true);

    assertThat(d.scope()).isNotEqualTo(Scope.OUT);
  }

  @Test
  void aNameAlone_isNotDeclinedByMeaning() {
    ScopeDecision d =
        ScopeDecision.of(
            EN,
            "tiktok",
            Act.QUESTION,
            scores(Map.of(), Map.of("in", 0.30, "media", 0.45)),
            1,
            false);

    assertThat(d.scope()).isNotEqualTo(Scope.OUT);
  }

  @Test
  void aLetter_isOursUnlessItsWordsSayAnotherWriting() {
    ScopeDecision d =
        ScopeDecision.of(
            EN,
            "write an objection letter",
            Act.LETTER,
            scores(Map.of("in", 0.4, "other-letter", 0.3), Map.of("in", 0.5, "other-letter", 0.6)),
            0,
            false);

    assertThat(d).isEqualTo(new ScopeDecision(Scope.IN, "letter"));
  }
}
