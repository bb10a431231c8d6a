package ch.optout.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/** Finds the knowledge folder: the one named by the user, or the copy bundled in the jar. */
public final class KnowledgeLocation {
  private KnowledgeLocation() {}

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
