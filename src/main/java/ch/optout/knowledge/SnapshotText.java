package ch.optout.knowledge;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A text in the files the build saves (knowledge, vectors, exemplars): its UTF-8 length as an int,
 * then its bytes, so that it may pass {@link DataOutputStream#writeUTF}'s 64 KB limit (a long
 * dropped-in document).
 */
public final class SnapshotText {
  private SnapshotText() {}

  public static void write(DataOutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  public static String read(DataInputStream in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
