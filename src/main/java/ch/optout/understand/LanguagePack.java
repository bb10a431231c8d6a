package ch.optout.understand;

import ch.optout.knowledge.Language;
import ch.optout.search.Text;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything understanding knows about one language, read from {@code understanding/<code>/} on the
 * class path: exemplars per task ({@code <task>.tsv}: a label, a tab, an example) and named word
 * lists ({@code lists.txt}: a {@code [name]} line, then one folded word or phrase a line). A third
 * language is a folder of these files.
 */
public final class LanguagePack {
  /** The tasks whose exemplars a pack holds, each a file {@code <task>.tsv}. */
  public static final List<String> TASKS = List.of("acts", "scope", "shapes", "cards");

  private final Language language;
  private final Map<String, List<Exemplar>> exemplars;
  private final Map<String, Set<String>> lists;

  public LanguagePack(
      Language language, Map<String, List<Exemplar>> exemplars, Map<String, Set<String>> lists) {
    this.language = language;
    this.exemplars = Map.copyOf(exemplars);
    this.lists = Map.copyOf(lists);
  }

  /** The pack bundled for a language. */
  public static LanguagePack bundled(Language language) {
    String folder = "understanding/" + language.code() + "/";
    Map<String, List<Exemplar>> exemplars = new LinkedHashMap<>();
    for (String task : TASKS) {
      exemplars.put(task, exemplars(folder + task + ".tsv", readLines(folder + task + ".tsv")));
    }
    return new LanguagePack(language, exemplars, lists(readLines(folder + "lists.txt")));
  }

  public Language language() {
    return language;
  }

  /** The exemplars of one task; empty when the pack has none. */
  public List<Exemplar> exemplars(String task) {
    return exemplars.getOrDefault(task, List.of());
  }

  /** A named list of folded words and phrases; empty when the pack has none of that name. */
  public Set<String> list(String name) {
    return lists.getOrDefault(name, Set.of());
  }

  /** Whether a folded word line ({@link Text#wordLine}) holds one of a list's entries as words. */
  public boolean mentions(String wordLine, String listName) {
    String padded = " " + wordLine + " ";
    for (String entry : list(listName)) {
      if (padded.contains(" " + entry + " ")) {
        return true;
      }
    }
    return false;
  }

  static List<Exemplar> exemplars(String file, List<String> lines) {
    List<Exemplar> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab <= 0 || tab == line.length() - 1) {
        throw new IllegalStateException(file + ":" + (i + 1) + ": expected 'label<TAB>example'");
      }
      out.add(new Exemplar(line.substring(0, tab).strip(), line.substring(tab + 1).strip()));
    }
    return List.copyOf(out);
  }

  static Map<String, Set<String>> lists(List<String> lines) {
    Map<String, Set<String>> lists = new LinkedHashMap<>();
    Set<String> current = null;
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        current =
            lists.computeIfAbsent(line.substring(1, line.length() - 1), k -> new LinkedHashSet<>());
      } else if (current != null) {
        String folded = Text.wordLine(line);
        if (!folded.isEmpty()) {
          current.add(folded);
        }
      }
    }
    Map<String, Set<String>> frozen = new LinkedHashMap<>();
    lists.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
    return frozen;
  }

  public static List<String> readLines(String resource) {
    try (InputStream in = LanguagePack.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return List.of();
      }
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        return r.lines().toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
