package ch.optout.search;

import ch.optout.knowledge.SnapshotText;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The embedding of every text the knowledge and the understanding exemplars hold, computed when the
 * jar is built, so that semantic search and understanding are ready as soon as the model has loaded
 * instead of minutes later. Vectors are kept as bytes (one scale per vector): a cosine off by about
 * 0.001, a file a quarter of the size.
 */
public final class VectorSnapshot {
  /** Where the snapshot sits on the class path. */
  public static final String RESOURCE = "vectors.bin";

  /** Changes whenever the layout below changes. */
  static final String FORMAT = "optout-vectors-1";

  private final String model;
  private final Map<String, byte[]> quantised;
  private final Map<String, Float> scales;

  private VectorSnapshot(String model, Map<String, byte[]> quantised, Map<String, Float> scales) {
    this.model = model;
    this.quantised = quantised;
    this.scales = scales;
  }

  /** The snapshot bundled in the jar, if the build made one for this model. */
  public static Optional<VectorSnapshot> bundled(String model) {
    try (InputStream in = VectorSnapshot.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      return in == null ? Optional.empty() : read(in).filter(s -> s.model.equals(model));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  public static Optional<VectorSnapshot> read(InputStream raw) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
    if (!FORMAT.equals(in.readUTF())) {
      return Optional.empty();
    }
    String model = in.readUTF();
    int n = in.readInt();
    Map<String, byte[]> quantised = new HashMap<>(n * 2);
    Map<String, Float> scales = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      String text = SnapshotText.read(in);
      float scale = in.readFloat();
      byte[] bytes = new byte[in.readUnsignedShort()];
      in.readFully(bytes);
      quantised.put(text, bytes);
      scales.put(text, scale);
    }
    return Optional.of(new VectorSnapshot(model, quantised, scales));
  }

  public static void write(String model, Map<String, float[]> vectors, OutputStream raw)
      throws IOException {
    DataOutputStream out = new DataOutputStream(raw);
    out.writeUTF(FORMAT);
    out.writeUTF(model);
    out.writeInt(vectors.size());
    for (Map.Entry<String, float[]> e : vectors.entrySet()) {
      float[] v = e.getValue();
      float max = 0;
      for (float x : v) {
        max = Math.max(max, Math.abs(x));
      }
      float scale = max == 0 ? 1 : max / 127f;
      SnapshotText.write(out, e.getKey());
      out.writeFloat(scale);
      out.writeShort(v.length);
      for (float x : v) {
        out.writeByte(Math.round(x / scale));
      }
    }
    out.flush();
  }

  /** The vector of a text, if the snapshot has it. */
  public Optional<float[]> vector(String text) {
    return Optional.ofNullable(quantised.get(text)).map(bytes -> vector(text, bytes));
  }

  /** Every text with its vector, in no particular order. */
  public void forEach(java.util.function.BiConsumer<String, float[]> each) {
    quantised.forEach((text, bytes) -> each.accept(text, vector(text, bytes)));
  }

  private float[] vector(String text, byte[] bytes) {
    float scale = scales.get(text);
    float[] v = new float[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      v[i] = bytes[i] * scale;
    }
    return v;
  }

  public int size() {
    return quantised.size();
  }
}
