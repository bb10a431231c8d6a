package ch.optout.understand;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.TestPipeline;
import ch.optout.knowledge.Language;
import ch.optout.search.Embedder;
import ch.optout.search.StoredEmbedder;
import ch.optout.search.VectorSnapshot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The exemplars take the vectors saved at build time before the model has loaded, so that once it
 * has, only messages need embedding — and a reading is the same either way.
 */
class SavedVectorsTest {
  private static final TestPipeline FIXTURE = TestPipeline.fixture();

  private static final List<String> MESSAGES =
      List.of(
          "How do I stop LinkedIn using my CV?",
          "et sur Instagram ?",
          "is it retroactive?",
          "my daughter is 15, what can she do on TikTok",
          "write me a poem about TikTok");

  /** Vectors from the letters of a text: deterministic, and different texts differ. */
  private static final class LetterEmbedder implements Embedder {
    final AtomicInteger batched = new AtomicInteger();

    @Override
    public float[] embed(String text) {
      float[] v = new float[26];
      for (char c : text.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
        if (c >= 'a' && c <= 'z') {
          v[c - 'a']++;
        }
      }
      v[0] += 0.5f;
      return v;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
      batched.addAndGet(texts.size());
      return Embedder.super.embedAll(texts);
    }
  }

  private static Understander fresh() {
    return FIXTURE.freshUnderstander(ExemplarSnapshot.NONE);
  }

  private static ExemplarVectors prepared(List<String> texts, Embedder model) throws Exception {
    return ExemplarVectors.of(saved(texts, model));
  }

  private static VectorSnapshot saved(List<String> texts, Embedder model) throws Exception {
    Map<String, float[]> vectors = new LinkedHashMap<>();
    texts.forEach(t -> vectors.put(t, model.embed(t)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    VectorSnapshot.write("letters", vectors, out);
    return VectorSnapshot.read(new ByteArrayInputStream(out.toByteArray())).orElseThrow();
  }

  @Test
  void savedVectorsOfEveryExemplar_leaveTheModelOnlyMessagesToEmbed() throws Exception {
    Understander understander = fresh();
    LetterEmbedder model = new LetterEmbedder();
    understander.useVectors(prepared(List.copyOf(understander.exemplarTexts()), model));

    understander.useEmbeddings(model);

    assertThat(model.batched).hasValue(0);
  }

  @Test
  void savedVectorsMissingSomeExemplars_areCompletedByTheModel() throws Exception {
    Understander understander = fresh();
    LetterEmbedder model = new LetterEmbedder();
    List<String> texts = new ArrayList<>(understander.exemplarTexts());
    understander.useVectors(prepared(texts.subList(0, texts.size() / 2), model));

    understander.useEmbeddings(model);

    assertThat(model.batched).hasValue(texts.size());
  }

  @Test
  void readingWithSavedVectors_isTheReadingWithTheModelAlone() throws Exception {
    LetterEmbedder model = new LetterEmbedder();
    Understander alone = fresh();
    VectorSnapshot snapshot = saved(List.copyOf(alone.exemplarTexts()), model);
    // as before the exemplars took saved vectors early: all at once, once the model had loaded
    alone.useEmbeddings(new StoredEmbedder(snapshot, model));
    Understander withSaved = fresh();
    withSaved.useVectors(ExemplarVectors.of(snapshot));
    withSaved.useEmbeddings(model);

    for (String message : MESSAGES) {
      assertThat(withSaved.read(message, Language.EN))
          .as(message)
          .isEqualTo(alone.read(message, Language.EN));
    }
  }

  @Test
  void beforeTheModel_savedVectorsChangeNoReading() throws Exception {
    Understander understander = fresh();
    understander.useVectors(
        prepared(List.copyOf(understander.exemplarTexts()), new LetterEmbedder()));

    for (String message : MESSAGES) {
      assertThat(understander.read(message, Language.EN))
          .as(message)
          .isEqualTo(FIXTURE.understander.read(message, Language.EN));
    }
  }
}
