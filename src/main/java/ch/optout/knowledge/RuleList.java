package ch.optout.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A list of rules kept as data, e.g. {@code knowledge-rules/denied-hosts.txt}: one entry a line,
 * {@code #} for comments, and {@code ## reason} to head a group of entries with the reason shown in
 * messages about them.
 */
record RuleList(String name, List<Entry> entries) {
  /**
   * @param group the reason of the {@code ##} heading above the entry, empty before any heading
   * @param text the entry, trimmed
   * @param line its 1-based line, for messages about the list itself
   */
  record Entry(String group, String text, int line) {}

  RuleList {
    entries = List.copyOf(entries);
  }

  /** The list bundled under {@code knowledge-rules/}, e.g. "denied-hosts.txt". */
  static RuleList bundled(String fileName) {
    String resource = "knowledge-rules/" + fileName;
    try (InputStream in = RuleList.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no " + resource + " bundled with this build");
      }
      return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  static RuleList parse(String name, String text) {
    List<Entry> entries = new ArrayList<>();
    String group = "";
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.startsWith("## ")) {
        group = line.substring(3).strip();
      } else if (!line.isEmpty() && !line.startsWith("#")) {
        entries.add(new Entry(group, line, i + 1));
      }
    }
    return new RuleList(name, entries);
  }

  List<String> texts() {
    return entries.stream().map(Entry::text).toList();
  }
}
