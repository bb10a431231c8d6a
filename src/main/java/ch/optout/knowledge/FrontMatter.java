package ch.optout.knowledge;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The YAML block between the two {@code ---} lines at the top of a knowledge file, read with
 * SnakeYAML's node API so that every key keeps its line number for messages.
 */
final class FrontMatter {
  private final String file;
  private final int firstLine;
  private final Map<String, Node> values = new LinkedHashMap<>();
  private final List<Problem> problems;

  private FrontMatter(String file, int firstLine, List<Problem> problems) {
    this.file = file;
    this.firstLine = firstLine;
    this.problems = problems;
  }

  /**
   * Splits {@code content} into front matter and body.
   *
   * @return empty when the file has no front matter (a plain document)
   */
  static Optional<Split> split(String content) {
    String normalized = content.startsWith("\uFEFF") ? content.substring(1) : content;
    if (!normalized.startsWith("---\n") && !normalized.startsWith("---\r\n")) {
      return Optional.empty();
    }
    String[] lines = normalized.split("\r?\n", -1);
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].strip().equals("---")) {
        String yaml = String.join("\n", List.of(lines).subList(1, i));
        String body = String.join("\n", List.of(lines).subList(i + 1, lines.length));
        return Optional.of(new Split(yaml, body, i + 2, true));
      }
    }
    return Optional.of(
        new Split(
            String.join("\n", List.of(lines).subList(1, lines.length)),
            "",
            lines.length + 1,
            false));
  }

  /**
   * @param yaml the front matter text
   * @param bodyFirstLine the 1-based line of the file where the body starts
   * @param closed whether the closing {@code ---} was found
   */
  record Split(String yaml, String body, int bodyFirstLine, boolean closed) {}

  static FrontMatter parse(String file, String yaml, List<Problem> problems) {
    FrontMatter fm = new FrontMatter(file, 2, problems);
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      root = new Yaml(options).compose(new StringReader(yaml));
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 2;
      problems.add(Problem.error(file, line, "front matter is not valid YAML: " + e.getProblem()));
      return fm;
    } catch (RuntimeException e) {
      problems.add(Problem.error(file, 2, "front matter is not valid YAML: " + e.getMessage()));
      return fm;
    }
    if (root == null) {
      problems.add(Problem.error(file, 1, "front matter is empty"));
      return fm;
    }
    if (!(root instanceof MappingNode mapping)) {
      problems.add(Problem.error(file, fm.line(root), "front matter must be a map of keys"));
      return fm;
    }
    for (NodeTuple tuple : mapping.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode key) {
        fm.values.put(key.getValue(), tuple.getValueNode());
      } else {
        problems.add(
            Problem.error(file, fm.line(tuple.getKeyNode()), "front matter keys must be words"));
      }
    }
    return fm;
  }

  Iterable<String> keys() {
    return values.keySet();
  }

  boolean has(String key) {
    return values.containsKey(key);
  }

  int line(String key) {
    Node node = values.get(key);
    return node == null ? firstLine : line(node);
  }

  int line(Node node) {
    return node.getStartMark().getLine() + firstLine;
  }

  Optional<String> string(String key) {
    Node node = values.get(key);
    if (node == null) {
      return Optional.empty();
    }
    if (node instanceof ScalarNode scalar) {
      String value = scalar.getValue().strip();
      return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
    problems.add(Problem.error(file, line(node), "'" + key + "' must be a single value"));
    return Optional.empty();
  }

  List<String> strings(String key) {
    Node node = values.get(key);
    if (node == null) {
      return List.of();
    }
    if (node instanceof SequenceNode sequence) {
      List<String> result = new ArrayList<>();
      for (Node item : sequence.getValue()) {
        if (item instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
          result.add(scalar.getValue().strip());
        } else {
          problems.add(Problem.error(file, line(item), "'" + key + "' items must be plain values"));
        }
      }
      return result;
    }
    problems.add(Problem.error(file, line(node), "'" + key + "' must be a list, e.g. [a, b]"));
    return List.of();
  }

  /** A list of maps, such as {@code sources}; each map's scalar values with their line. */
  List<Entry> entries(String key) {
    Node node = values.get(key);
    if (node == null) {
      return List.of();
    }
    if (!(node instanceof SequenceNode sequence)) {
      problems.add(Problem.error(file, line(node), "'" + key + "' must be a list of entries"));
      return List.of();
    }
    List<Entry> result = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      entry(key, item).ifPresent(result::add);
    }
    return result;
  }

  /** A single map, such as {@code contact}. */
  Optional<Entry> entry(String key) {
    Node node = values.get(key);
    return node == null ? Optional.empty() : entry(key, node);
  }

  private Optional<Entry> entry(String key, Node node) {
    if (!(node instanceof MappingNode map)) {
      problems.add(
          Problem.error(file, line(node), "'" + key + "' entries must be maps (key: value)"));
      return Optional.empty();
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (NodeTuple tuple : map.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode k
          && tuple.getValueNode() instanceof ScalarNode v) {
        fields.put(k.getValue(), v.getValue().strip());
      } else {
        problems.add(
            Problem.error(
                file, line(tuple.getKeyNode()), "'" + key + "' fields must be plain values"));
      }
    }
    return Optional.of(new Entry(fields, line(node)));
  }

  record Entry(Map<String, String> fields, int line) {
    Optional<String> get(String name) {
      String value = fields.get(name);
      return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
  }
}
