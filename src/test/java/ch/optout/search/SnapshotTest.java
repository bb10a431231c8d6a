package ch.optout.search;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.TestPipeline;
import ch.optout.knowledge.KnowledgeBase;
import ch.optout.knowledge.KnowledgeLocation;
import ch.optout.knowledge.KnowledgeSnapshot;
import ch.optout.knowledge.Language;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The build-time snapshots must stand for exactly the knowledge and index they were made from. */
class SnapshotTest {
  private static byte[] knowledgeBytes(KnowledgeBase kb) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    KnowledgeSnapshot.write(kb, new DataOutputStream(bytes));
    return bytes.toByteArray();
  }

  private static byte[] indexBytes(KnowledgeIndex index) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    index.writeSnapshot(bytes);
    return bytes.toByteArray();
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void knowledgeSnapshot_roundTrip_givesEqualDocuments(boolean bundled) throws Exception {
    KnowledgeBase kb =
        bundled ? TestPipeline.bundled().knowledge : TestPipeline.fixture().knowledge;

    KnowledgeBase back =
        KnowledgeSnapshot.read(new DataInputStream(new ByteArrayInputStream(knowledgeBytes(kb))))
            .orElseThrow();

    assertThat(back.documents()).isEqualTo(kb.documents());
    assertThat(back.digest()).isEqualTo(kb.digest()).hasSize(64);
  }

  @Test
  void knowledgeSnapshot_damaged_isEmptyNotAnError() throws Exception {
    byte[] bytes = knowledgeBytes(TestPipeline.fixture().knowledge);
    byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length / 2);

    assertThat(KnowledgeSnapshot.read(new DataInputStream(new ByteArrayInputStream(cut))))
        .isEmpty();
  }

  @Test
  void indexSnapshot_answersExactlyAsTheIndexItWasMadeFrom() throws Exception {
    TestPipeline pipeline = TestPipeline.fixture();
    KnowledgeIndex.Snapshot snapshot =
        KnowledgeIndex.readSnapshot(new ByteArrayInputStream(indexBytes(pipeline.index)))
            .orElseThrow();
    KnowledgeIndex reopened =
        KnowledgeIndex.fromSnapshot(pipeline.knowledge, snapshot).orElseThrow();

    for (String q :
        List.of("object to Facebook using my photos", "LinkedIn", "droit d'opposition", "tiktok")) {
      for (Language l : Language.values()) {
        SearchQuery query = new SearchQuery(q, l, List.of(), Intent.HOW_TO);
        assertThat(new Bm25Retriever(reopened).retrieve(query, 5))
            .as(q + " " + l)
            .isEqualTo(new Bm25Retriever(pipeline.index).retrieve(query, 5));
      }
    }
  }

  /** Vectors that depend on the words only: the same text always gets the same vector. */
  private static float[] wordVector(String text) {
    float[] v = new float[16];
    for (String w : Text.words(text)) {
      v[Math.floorMod(w.hashCode(), v.length)] += 1;
    }
    v[0] += 0.01f;
    return v;
  }

  @Test
  void vectorIndexSnapshot_searchesExactlyAsTheIndexItWasMadeFrom() throws Exception {
    TestPipeline pipeline = TestPipeline.fixture();
    Embedder embedder = SnapshotTest::wordVector;
    KnowledgeIndex built = new KnowledgeIndex(pipeline.knowledge, Optional.of(embedder));
    KnowledgeIndex reopened =
        KnowledgeIndex.fromSnapshot(
                pipeline.knowledge,
                KnowledgeIndex.readSnapshot(new ByteArrayInputStream(indexBytes(built)))
                    .orElseThrow())
            .orElseThrow();

    assertThat(reopened.hasVectors()).isTrue();
    for (String q : List.of("object to Facebook using my photos", "retroactive", "mon téléphone")) {
      SearchQuery query = new SearchQuery(q, Language.EN, List.of(), Intent.HOW_TO);
      assertThat(new VectorRetriever(reopened, embedder).retrieve(query, 5))
          .as(q)
          .isNotEmpty()
          .isEqualTo(new VectorRetriever(built, embedder).retrieve(query, 5));
    }
  }

  @Test
  void bm25Snapshot_hasNoVectors() throws Exception {
    TestPipeline pipeline = TestPipeline.fixture();
    KnowledgeIndex reopened =
        KnowledgeIndex.fromSnapshot(
                pipeline.knowledge,
                KnowledgeIndex.readSnapshot(new ByteArrayInputStream(indexBytes(pipeline.index)))
                    .orElseThrow())
            .orElseThrow();

    assertThat(reopened.hasVectors()).isFalse();
  }

  @Test
  void indexSnapshot_ofOtherKnowledge_isNotUsed() throws Exception {
    KnowledgeIndex.Snapshot snapshot =
        KnowledgeIndex.readSnapshot(
                new ByteArrayInputStream(indexBytes(TestPipeline.fixture().index)))
            .orElseThrow();

    assertThat(KnowledgeIndex.fromSnapshot(TestPipeline.bundled().knowledge, snapshot)).isEmpty();
  }

  @Test
  void bundledSnapshots_madeByTheBuild_matchTheBundledKnowledge() {
    KnowledgeBase parsed = TestPipeline.bundled().knowledge;
    KnowledgeBase snapshot = KnowledgeLocation.bundledSnapshot().orElseThrow();

    assertThat(snapshot.documents()).isEqualTo(parsed.documents());
    assertThat(snapshot.digest()).isEqualTo(parsed.digest());
    Optional<KnowledgeIndex> index =
        IndexSnapshot.bundled().flatMap(s -> KnowledgeIndex.fromSnapshot(snapshot, s));
    assertThat(index).isPresent();
    assertThat(index.get().passages()).hasSize(TestPipeline.bundled().index.passages().size());
  }
}
