package ch.optout.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Services people ask about that OptOut has no guide for, so that "Duolingo AI training opt out"
 * gets an honest "I don't have a guide for Duolingo" instead of the nearest platform's guide.
 */
public final class UncoveredServices {
  /** A service named in a question, by word positions like {@link PlatformMatcher.Match}. */
  public record Match(String name, int start, int end, int length) {}

  private record Entry(String name, List<String> words) {}

  private final List<Entry> entries;

  public UncoveredServices(List<String> lines) {
    List<Entry> all = new ArrayList<>();
    for (String line : lines) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      String[] parts = l.split("\\|");
      String name = parts[0].strip();
      for (int i = 1; i < parts.length; i++) {
        List<String> words = Text.words(parts[i]);
        if (!words.isEmpty()) {
          all.add(new Entry(name, words));
        }
      }
    }
    this.entries = List.copyOf(all);
    for (Entry e : entries) {
      byFirstWord.computeIfAbsent(e.words().get(0), k -> new ArrayList<>()).add(e);
    }
  }

  /** The entries by their first word. */
  private final java.util.Map<String, List<Entry>> byFirstWord = new java.util.HashMap<>();

  /** The list bundled with OptOut ({@code coverage/uncovered.txt}). */
  public static UncoveredServices bundled() {
    try (InputStream in =
        UncoveredServices.class.getClassLoader().getResourceAsStream("coverage/uncovered.txt")) {
      if (in == null) {
        return new UncoveredServices(List.of());
      }
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        return new UncoveredServices(r.lines().toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The display names of the list, each once. */
  public List<String> names() {
    return entries.stream().map(Entry::name).distinct().toList();
  }

  /** The longest uncovered service named in a question, if any. */
  public Optional<Match> find(String question) {
    List<String> words = Text.words(question);
    Match best = null;
    for (int i = 0; i < words.size(); i++) {
      for (Entry e : byFirstWord.getOrDefault(words.get(i), List.of())) {
        int n = e.words().size();
        if (i + n <= words.size() && words.subList(i, i + n).equals(e.words())) {
          int length = String.join(" ", e.words()).length();
          if (best == null || length > best.length()) {
            best = new Match(e.name(), i, i + n, length);
          }
        }
      }
    }
    return Optional.ofNullable(best);
  }
}
