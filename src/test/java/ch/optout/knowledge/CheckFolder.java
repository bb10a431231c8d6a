package ch.optout.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of {@code src/test/resources/check-knowledge} (a folder that passes every rule) in a temp
 * folder, to plant one defect at a time and run the checks on real files.
 */
final class CheckFolder {
  static final String EN = "guides/demo.en.md";
  static final String FR = "guides/demo.fr.md";

  private final Path root;
  private final KnowledgeLoader loader = new KnowledgeLoader(text -> Language.EN);

  CheckFolder(Path temp) {
    this.root = temp;
    Path fixture = fixture();
    try (Stream<Path> walk = Files.walk(fixture)) {
      for (Path from : walk.filter(Files::isRegularFile).toList()) {
        Path to = temp.resolve(fixture.relativize(from).toString());
        Files.createDirectories(to.getParent());
        Files.copy(from, to);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path fixture() {
    try {
      return Path.of(CheckFolder.class.getResource("/check-knowledge").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  Path root() {
    return root;
  }

  /** Replaces text that must be there, so that a test cannot plant nothing by mistake. */
  CheckFolder replace(String file, String old, String replacement) {
    String text = read(file);
    assertThat(text).as(file).contains(old);
    write(file, text.replace(old, replacement));
    return this;
  }

  CheckFolder write(String file, String content) {
    try {
      Path path = root.resolve(file);
      Files.createDirectories(path.getParent());
      Files.writeString(path, content, StandardCharsets.UTF_8);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String read(String file) {
    try {
      return Files.readString(root.resolve(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What {@code knowledge check} reports, with an empty list of services without a guide. */
  List<Problem> check() {
    return check(new CoverageList("uncovered.txt", ""));
  }

  List<Problem> check(CoverageList coverage) {
    return loader.check(root, coverage).problems();
  }

  List<String> errors() {
    return check().stream()
        .filter(p -> p.severity() == Problem.Severity.ERROR)
        .map(Problem::toString)
        .toList();
  }

  List<String> warnings() {
    return check().stream()
        .filter(p -> p.severity() == Problem.Severity.WARNING)
        .map(Problem::toString)
        .toList();
  }
}
