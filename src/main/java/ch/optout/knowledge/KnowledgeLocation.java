package ch.optout.knowledge;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Finds the knowledge folder: the one named by the user, or the copy bundled in the jar. */
public final class KnowledgeLocation {
  private KnowledgeLocation() {}

  /** Where the build saves the parsed bundled knowledge, on the class path. */
  public static final String SNAPSHOT = "knowledge.bin";

  /**
   * The bundled knowledge as parsed and checked at build time: much faster to read than the files
   * themselves in a cold JVM. Empty when the build made none or it cannot be read.
   */
  public static Optional<KnowledgeBase> bundledSnapshot() {
    try (InputStream in = KnowledgeLocation.class.getClassLoader().getResourceAsStream(SNAPSHOT)) {
      return in == null
          ? Optional.empty()
          : KnowledgeSnapshot.read(new DataInputStream(new BufferedInputStream(in)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The knowledge bundled as resources under {@code knowledge/}, inside the jar or on disk. */
  public static Path bundled() {
    URL url = KnowledgeLocation.class.getClassLoader().getResource("knowledge");
    if (url == null) {
      throw new IllegalStateException("no knowledge bundled with this build");
    }
    try {
      URI uri = url.toURI();
      if (!"jar".equals(uri.getScheme())) {
        return Path.of(uri);
      }
      FileSystem fs;
      try {
        fs = FileSystems.newFileSystem(uri, Map.of());
      } catch (FileSystemAlreadyExistsException e) {
        fs = FileSystems.getFileSystem(uri);
      }
      return fs.getPath("/knowledge");
    } catch (URISyntaxException e) {
      throw new IllegalStateException("bad resource address " + url, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the bundled knowledge", e);
    }
  }
}
