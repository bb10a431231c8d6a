package ch.optout.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** UTF-8 text files on the class path: a language's word lists and rules, read line by line. */
public final class Resources {
  private Resources() {}

  /** Every line of a resource, as written; empty when the class path has no such resource. */
  public static Optional<List<String>> lines(String resource) {
    try (InputStream in = Resources.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** The lines of a resource that say something: stripped, without blank lines and # comments. */
  public static List<String> entries(String resource) {
    return lines(resource).orElse(List.of()).stream()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList();
  }

  /**
   * Every line of a resource a language must have.
   *
   * @throws IllegalStateException naming the missing file
   */
  public static List<String> required(String resource, String why) {
    return lines(resource)
        .orElseThrow(
            () -> new IllegalStateException("no " + resource + " on the class path: " + why));
  }
}
