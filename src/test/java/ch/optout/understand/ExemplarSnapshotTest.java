package ch.optout.understand;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.TestPipeline;
import ch.optout.knowledge.Language;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The exemplars masked and stemmed at build time must read every message as working them out at
 * start does.
 */
class ExemplarSnapshotTest {
  private static final TestPipeline FIXTURE = TestPipeline.fixture();

  private static Understander understander(ExemplarSnapshot known) {
    return FIXTURE.freshUnderstander(known);
  }

  private static byte[] bytes(String digest, ExemplarSnapshot snapshot) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    snapshot.write(digest, out);
    return out.toByteArray();
  }

  @Test
  void snapshot_roundTrip_givesTheSameMasksAndStems() throws Exception {
    ExemplarSnapshot snapshot = FIXTURE.understander.exemplarSnapshot();
    String digest = FIXTURE.knowledge.digest();

    assertThat(snapshot.masks())
        .isNotEmpty()
        .containsValue("how do i stop xplatform using my data for ai");
    assertThat(snapshot.stems(Language.EN))
        .containsKey("how do i stop xplatform using my data for ai");
    ExemplarSnapshot read =
        ExemplarSnapshot.read(new ByteArrayInputStream(bytes(digest, snapshot)), digest)
            .orElseThrow();
    assertThat(read.masks()).isEqualTo(snapshot.masks());
    for (Language l : Language.values()) {
      assertThat(read.stems(l)).as(l.code()).isNotEmpty().isEqualTo(snapshot.stems(l));
      // in the analysis's order: the typo mending reads words in that order
      snapshot
          .stems(l)
          .forEach(
              (form, stems) ->
                  assertThat(read.stems(l).get(form)).containsExactlyElementsOf(stems));
    }
  }

  @Test
  void snapshot_ofOtherKnowledge_isNotUsed() throws Exception {
    byte[] other = bytes("another-digest", FIXTURE.understander.exemplarSnapshot());

    assertThat(ExemplarSnapshot.read(new ByteArrayInputStream(other), FIXTURE.knowledge.digest()))
        .isEmpty();
  }

  @Test
  void understanderFromTheSnapshot_readsEveryMessageAsOneThatMasksAtStart() {
    Understander fromSnapshot = understander(FIXTURE.understander.exemplarSnapshot());

    for (String message :
        List.of(
            "How do I stop LinkedIn using my CV?",
            "et sur Instagram ?",
            "is it retroactive?",
            "I live in Geneva, who do I complain to?",
            "write me a poem about TikTok")) {
      assertThat(fromSnapshot.read(message, Language.EN))
          .as(message)
          .isEqualTo(FIXTURE.understander.read(message, Language.EN));
    }
  }
}
