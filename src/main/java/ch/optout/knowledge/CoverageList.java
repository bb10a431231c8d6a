package ch.optout.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The services OptOut has no guide for ({@code coverage/uncovered.txt}, lines {@code Display name |
 * other names}), checked against the guides: a question naming a listed service is declined, so a
 * guide whose name is also listed is silently hidden, and a service listed twice is listed wrong
 * once.
 */
final class CoverageList {
  /** The list's place on the class path, bundled with OptOut. */
  static final String RESOURCE = "coverage/uncovered.txt";

  /** Where a maintainer edits the bundled list, for messages. */
  static final String SOURCE_FILE = "src/main/resources/" + RESOURCE;

  private record Name(String written, String key, int line) {}

  private final String file;
  private final List<Name> names = new ArrayList<>();

  /**
   * @param file how messages name the list
   */
  CoverageList(String file, String text) {
    this.file = file;
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      for (String name : line.split("\\|")) {
        if (!name.isBlank()) {
          names.add(new Name(name.strip(), key(name), i + 1));
        }
      }
    }
  }

  /** The list bundled with this build: also the one that decides when another folder is served. */
  static CoverageList bundled() {
    try (InputStream in = CoverageList.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("no " + RESOURCE + " bundled with this build");
      }
      return new CoverageList(SOURCE_FILE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  void check(List<Guide> documents, List<Problem> problems) {
    checkListedOnce(problems);
    checkNotCovered(documents, problems);
  }

  private void checkListedOnce(List<Problem> problems) {
    Map<String, Name> first = new HashMap<>();
    Set<String> reported = new HashSet<>();
    for (Name name : names) {
      Name earlier = first.putIfAbsent(name.key(), name);
      if (earlier != null
          && earlier.line() != name.line()
          && reported.add(name.line() + " " + earlier.line())) {
        problems.add(
            Problem.error(
                file,
                name.line(),
                "'"
                    + name.written()
                    + "' is listed twice (also line "
                    + earlier.line()
                    + ", '"
                    + earlier.written()
                    + "'): keep one line per service"));
      }
    }
  }

  private void checkNotCovered(List<Guide> documents, List<Problem> problems) {
    Map<String, Guide> guidesByName = new LinkedHashMap<>();
    for (Guide guide : documents) {
      if (guide.kind() == DocumentKind.GUIDE) {
        List<String> guideNames = new ArrayList<>(List.of(guide.id(), guide.platform()));
        guideNames.addAll(guide.aliases());
        guideNames.forEach(n -> guidesByName.putIfAbsent(key(n), guide));
      }
    }
    Set<String> reported = new HashSet<>();
    for (Name name : names) {
      Guide guide = guidesByName.get(name.key());
      if (guide != null && reported.add(name.line() + " " + guide.id())) {
        problems.add(
            Problem.error(
                file,
                name.line(),
                "'"
                    + name.written()
                    + "' has a guide ("
                    + guide.file()
                    + "), but questions naming a listed service are declined: remove the line"));
      }
    }
  }

  /** Case, accents, punctuation and word order aside: "Ray-Ban Meta" is "meta ray ban". */
  static String key(String name) {
    String folded =
        Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
            .replaceAll("\\p{M}+", "")
            .replaceAll("[^\\p{L}\\p{N}]+", " ")
            .strip();
    String[] words = folded.split(" ");
    Arrays.sort(words);
    return String.join(" ", words);
  }
}
