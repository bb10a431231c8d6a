package ch.optout.search;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.TestPipeline;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The knowledge's words saved at build time serve as computing them at start does. */
class KnowledgeWordsTest {
  private static final TestPipeline FIXTURE = TestPipeline.fixture();

  private static byte[] saved(String digest, Set<String> words) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    KnowledgeWords.write(digest, words, out);
    return out.toByteArray();
  }

  @Test
  void words_areFoldedAndRoundTrip() throws Exception {
    Set<String> words = KnowledgeWords.of(FIXTURE.knowledge);
    String digest = FIXTURE.knowledge.digest();

    assertThat(words).contains("linkedin", "donnees", "training").doesNotContain("données");
    assertThat(KnowledgeWords.read(new ByteArrayInputStream(saved(digest, words)), digest))
        .contains(words);
  }

  @Test
  void wordsOfOtherKnowledge_areNotUsed() throws Exception {
    byte[] other = saved("another-digest", KnowledgeWords.of(FIXTURE.knowledge));

    assertThat(KnowledgeWords.read(new ByteArrayInputStream(other), FIXTURE.knowledge.digest()))
        .isEmpty();
  }

  @Test
  void matcherWithSavedWords_findsWhatTheOneThatComputesThemFinds() throws Exception {
    String digest = FIXTURE.knowledge.digest();
    Set<String> read =
        KnowledgeWords.read(
                new ByteArrayInputStream(saved(digest, KnowledgeWords.of(FIXTURE.knowledge))),
                digest)
            .orElseThrow();
    PlatformMatcher computed = new PlatformMatcher(FIXTURE.knowledge);
    PlatformMatcher fromSaved = new PlatformMatcher(FIXTURE.knowledge, read);

    for (String q :
        List.of(
            "how do I stop linkdin using my CV",
            "instagramm photos IA",
            "chat gpt training",
            "settings privacy training data")) {
      assertThat(fromSaved.find(q)).as(q).isEqualTo(computed.find(q));
    }
  }
}
