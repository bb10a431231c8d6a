package ch.optout.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.optout.TestPipeline;
import ch.optout.knowledge.Language;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real in-process MiniLM model over the fixture corpus. */
class VectorRetrieverTest {
  private static ExecutorService executor;
  private static MiniLmEmbedder embedder;
  private static KnowledgeIndex index;
  private static final TestPipeline PIPELINE = TestPipeline.fixture();

  @BeforeAll
  static void loadModel() {
    executor = Executors.newFixedThreadPool(2);
    embedder = new MiniLmEmbedder(executor);
    index = new KnowledgeIndex(PIPELINE.knowledge, Optional.of(embedder));
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
    executor.shutdownNow();
  }

  @Test
  void loadingTheModel_keepsDjlFromCallingHome() {
    // DJL's tokenizer asks the cloud metadata address who the machine is, and reports it, unless
    // told not to; an operator's own environment setting would win
    assumeTrue(System.getenv("OPT_OUT_TRACKING") == null && System.getenv("DJL_OFFLINE") == null);

    assertThat(System.getProperty("OPT_OUT_TRACKING")).isEqualTo("true");
    assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
  }

  private SearchQuery query(String text, Language language, List<String> platforms) {
    return new SearchQuery(text, language, platforms, Intent.HOW_TO);
  }

  @Test
  void embedAll_ofNoText_isEmpty_soABuildThatOnlyLostTextsSucceeds() {
    assertThat(embedder.embedAll(List.of())).isEmpty();
  }

  @Test
  void retrieve_paraphraseWithoutSharedWords_findsThePassageByMeaning() {
    List<ScoredPassage> hits =
        new VectorRetriever(index, embedder)
            .retrieve(
                query(
                    "apps for meeting people held on to pictures after accounts were removed",
                    Language.EN,
                    List.of()),
                3);

    assertThat(hits.get(0).passage().guide().file()).isEqualTo("drop/photo-scraping-report.txt");
  }

  @Test
  void retrieve_searchesOnlyTheQuestionsLanguage() {
    List<ScoredPassage> hits =
        new VectorRetriever(index, embedder)
            .retrieve(query("réseau professionnel IA", Language.FR, List.of()), 5);

    assertThat(hits)
        .isNotEmpty()
        .allSatisfy(h -> assertThat(h.passage().guide().language()).isEqualTo(Language.FR));
  }

  @Test
  void hybrid_fusesBothListsAndLiftsTheNamedPlatform() {
    HybridRetriever hybrid =
        new HybridRetriever(
            List.of(new Bm25Retriever(index), new VectorRetriever(index, embedder)));

    List<ScoredPassage> hits =
        hybrid.retrieve(
            query("how do I switch it off on my phone", Language.EN, List.of("linkedin")), 5);

    assertThat(hits.get(0).passage().guide().id()).isEqualTo("linkedin");
    assertThat(hits).extracting(h -> h.passage().id()).doesNotHaveDuplicates();
  }

  @Test
  void embed_sameTextTwice_comesFromTheCache() {
    float[] a = embedder.embed("cache me");
    assertThat(embedder.embed("cache me")).isSameAs(a);
  }
}
