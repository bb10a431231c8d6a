package ch.optout.understand;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every understanding exemplar with its platform names masked, computed when the jar is built: the
 * masking compares each word with every name and its typos, which is most of the second that
 * building the classifiers would otherwise take at start. Valid only for the knowledge it was made
 * from (its digest), since the names come from there.
 */
public final class MaskSnapshot {
  /** Where the snapshot sits on the class path. */
  public static final String RESOURCE = "understanding-masks.bin";

  /** Changes whenever the layout or the masking changes. */
  static final String FORMAT = "optout-masks-1";

  private MaskSnapshot() {}

  /** The snapshot bundled in the jar, if it was made from the knowledge of this digest. */
  public static Optional<Map<String, String>> bundled(String digest) {
    try (InputStream in = MaskSnapshot.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      return in == null ? Optional.empty() : read(in, digest);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static Optional<Map<String, String>> read(InputStream raw, String digest) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
    if (!FORMAT.equals(in.readUTF()) || !digest.equals(in.readUTF())) {
      return Optional.empty();
    }
    int n = in.readInt();
    Map<String, String> masks = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      masks.put(text(in), text(in));
    }
    return Optional.of(masks);
  }

  /** Writes the masks of the knowledge of this digest. */
  public static void write(String digest, Map<String, String> masks, OutputStream raw)
      throws IOException {
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
    out.writeUTF(FORMAT);
    out.writeUTF(digest);
    out.writeInt(masks.size());
    for (Map.Entry<String, String> e : masks.entrySet()) {
      text(out, e.getKey());
      text(out, e.getValue());
    }
    out.flush();
  }

  private static String text(DataInputStream in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static void text(DataOutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }
}
