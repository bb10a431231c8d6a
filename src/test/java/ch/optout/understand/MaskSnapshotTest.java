package ch.optout.understand;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.TestPipeline;
import ch.optout.knowledge.Language;
import ch.optout.search.LanguageDetector;
import ch.optout.search.PlatformMatcher;
import ch.optout.search.UncoveredServices;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exemplars masked at build time must read every message as masking them at start does. */
class MaskSnapshotTest {
  private static final TestPipeline FIXTURE = TestPipeline.fixture();

  private static Understander understander(Map<String, String> known) {
    return new Understander(
        FIXTURE.knowledge,
        new LanguageDetector(),
        new PlatformMatcher(FIXTURE.knowledge),
        UncoveredServices.bundled(),
        Regions.bundled(),
        Arrays.stream(Language.values()).map(LanguagePack::bundled).toList(),
        Runnable::run,
        known);
  }

  private static byte[] bytes(String digest, Map<String, String> masks) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MaskSnapshot.write(digest, masks, out);
    return out.toByteArray();
  }

  @Test
  void snapshot_roundTrip_givesTheSameMasks() throws Exception {
    Map<String, String> masks = FIXTURE.understander.masks();
    String digest = FIXTURE.knowledge.digest();

    assertThat(masks).isNotEmpty().containsValue("how do i stop xplatform using my data for ai");
    assertThat(MaskSnapshot.read(new ByteArrayInputStream(bytes(digest, masks)), digest))
        .contains(masks);
  }

  @Test
  void snapshot_ofOtherKnowledge_isNotUsed() throws Exception {
    byte[] other = bytes("another-digest", FIXTURE.understander.masks());

    assertThat(MaskSnapshot.read(new ByteArrayInputStream(other), FIXTURE.knowledge.digest()))
        .isEmpty();
  }

  @Test
  void understanderFromTheSnapshot_readsEveryMessageAsOneThatMasksAtStart() {
    Understander fromSnapshot = understander(FIXTURE.understander.masks());

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
