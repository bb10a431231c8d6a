package ch.optout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A copy of the fixture knowledge in a folder of the test's, to which a guide's dated change can be
 * added as an editor would: a new release of the knowledge.
 */
public final class KnowledgeCopy {
  private static final String ANCHOR = "sources:\n";

  private final Path dir;

  private KnowledgeCopy(Path dir) {
    this.dir = dir;
  }

  /** Copies the fixture knowledge into {@code dir}. */
  public static KnowledgeCopy of(Path dir) {
    Path from = TestPipeline.fixtureDir();
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path to = dir.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.copy(f, to);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new KnowledgeCopy(dir);
  }

  public Path dir() {
    return dir;
  }

  /**
   * Adds a change dated {@code date} to both twins of the guide, with a summary in each language.
   */
  public KnowledgeCopy addChange(
      String guide, String date, String summaryEn, String summaryFr, String deadline) {
    add(guide + ".en.md", date, summaryEn, deadline);
    add(guide + ".fr.md", date, summaryFr, deadline);
    return this;
  }

  private void add(String file, String date, String summary, String deadline) {
    Path p = dir.resolve("guides").resolve(file);
    try {
      String text = Files.readString(p);
      String entry =
          "  - date: "
              + date
              + "\n    summary: "
              + summary
              + "\n    act: yes\n"
              + (deadline.isEmpty() ? "" : "    deadline: " + deadline + "\n");
      String updated =
          text.contains("\nchanges:\n")
              ? text.replace("\nchanges:\n", "\nchanges:\n" + entry)
              : text.replaceFirst(ANCHOR, "changes:\n" + entry + ANCHOR);
      Files.writeString(p, updated);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The real pipeline over this copy as it is now. */
  public TestPipeline pipeline() {
    return new TestPipeline(dir);
  }
}
