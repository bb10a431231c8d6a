package ch.optout.search;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * LangChain4j's in-process all-MiniLM-L6-v2 (quantised), shipped inside a Maven artifact: nothing
 * is downloaded. Query vectors are cached, since people ask the same questions again.
 */
public final class MiniLmEmbedder implements Embedder {
  /** Names the model, so that vectors computed with another one are never mixed in. */
  public static final String MODEL = "all-MiniLM-L6-v2-q/langchain4j-1.19.0-beta29";

  static final int CACHE_SIZE = 2048;

  private final EmbeddingModel model;
  private final Map<String, float[]> cache =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
          return size() > CACHE_SIZE;
        }
      };

  /**
   * @param executor runs batch embeddings; its threads should be named
   */
  public MiniLmEmbedder(Executor executor) {
    keepOffline();
    this.model = new AllMiniLmL6V2QuantizedEmbeddingModel(executor);
  }

  /**
   * The tokenizer comes from DJL, which by default "calls home": on loading it asks the cloud
   * metadata address (169.254.169.254) for the machine's identity and, on AWS, reports it to DJL's
   * telemetry bucket; it also spawns {@code ldconfig -p} looking for CUDA. A privacy assistant
   * sends nothing anywhere, and the model runs on the CPU: DJL reads these switches from the
   * environment first, then from system properties, so an operator's own setting wins.
   */
  static void keepOffline() {
    for (String[] p :
        new String[][] {
          {"OPT_OUT_TRACKING", "true"}, {"ai.djl.offline", "true"}, {"RUST_FLAVOR", "cpu"}
        }) {
      if (System.getenv(p[0]) == null && System.getProperty(p[0]) == null) {
        System.setProperty(p[0], p[1]);
      }
    }
  }

  @Override
  public float[] embed(String text) {
    synchronized (cache) {
      float[] cached = cache.get(text);
      if (cached != null) {
        return cached;
      }
    }
    float[] vector = model.embed(text).content().vector();
    synchronized (cache) {
      cache.put(text, vector);
    }
    return vector;
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    if (texts.isEmpty()) {
      // LangChain4j refuses an empty batch; a knowledge that only lost texts has none to embed
      return List.of();
    }
    List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
    List<float[]> vectors = new ArrayList<>();
    model.embedAll(segments).content().forEach(e -> vectors.add(e.vector()));
    return vectors;
  }
}
