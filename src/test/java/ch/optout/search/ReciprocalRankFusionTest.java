package ch.optout.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ch.optout.TestPipeline;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReciprocalRankFusionTest {
  private final List<Passage> p = TestPipeline.fixture().index.passages();

  @Test
  void fuse_passageHighInBothLists_beatsOneFirstInOnlyOne() {
    List<ScoredPassage> bm25 =
        List.of(new ScoredPassage(p.get(0), 9), new ScoredPassage(p.get(1), 8));
    List<ScoredPassage> dense =
        List.of(new ScoredPassage(p.get(2), 0.9), new ScoredPassage(p.get(1), 0.8));

    List<ScoredPassage> fused = ReciprocalRankFusion.fuse(List.of(bm25, dense), 60);

    assertThat(fused)
        .extracting(ScoredPassage::passage)
        .containsExactly(p.get(1), p.get(0), p.get(2));
    assertThat(fused.get(0).score()).isCloseTo(2.0 / 62, within(1e-12));
    assertThat(fused.get(1).score()).isCloseTo(1.0 / 61, within(1e-12));
  }

  @Test
  void fuse_emptyLists_giveNothing() {
    assertThat(ReciprocalRankFusion.fuse(List.of(List.of(), List.of()), 60)).isEmpty();
  }
}
