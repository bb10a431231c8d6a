package ch.optout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.TestPipeline;
import ch.optout.chat.Assistant;
import ch.optout.chat.Reply;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Our own harder questions (typos, paraphrases, both languages, out of scope) against the knowledge
 * OptOut ships. Not the eval set: this guards understanding in general.
 */
class OwnQuestionsTest {
  @Test
  void ownQuestions_onTheBundledKnowledge_areAnsweredRightAtLeast95PerCent() throws Exception {
    TestPipeline pipeline = TestPipeline.bundled();
    Assistant assistant = pipeline.assistant();
    List<EvalCase> cases =
        EvalCommand.read(
            Path.of(OwnQuestionsTest.class.getResource("/eval/questions.jsonl").toURI()));
    EvalScorer scorer = new EvalScorer();
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      EvalCase c = cases.get(i);
      Reply reply = assistant.reply("own-" + i, c.question());
      EvalScorer.Verdict v = scorer.score(c, reply, pipeline.plainText.render(reply.answer()));
      if (!v.right()) {
        failures.add(c.question() + " — " + v.problems());
      }
    }
    assertThat(1.0 - (double) failures.size() / cases.size())
        .as(String.join("\n", failures))
        .isGreaterThanOrEqualTo(0.95);
  }
}
