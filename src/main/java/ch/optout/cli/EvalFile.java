package ch.optout.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads an eval file: JSON Lines of questions ({@code q}), of conversations ({@code turns}: a list
 * of questions held in one chat), or of card paraphrases ({@code kind: paraphrase}).
 */
final class EvalFile {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private EvalFile() {}

  static List<EvalItem> read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new UsageProblem("no such file: " + file);
    }
    List<EvalItem> items = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      JsonNode node;
      try {
        node = MAPPER.readTree(line);
      } catch (IOException e) {
        throw new UsageProblem(file + ":" + (i + 1) + ": not valid JSON");
      }
      if (node != null && node.has("turns") && node.get("turns").isArray()) {
        List<EvalCase> turns = new ArrayList<>();
        Optional<String> language = text(node, "lang").filter(l -> !l.equals("mixed"));
        for (JsonNode turn : node.get("turns")) {
          turns.add(question(turn, i + 1, language, file));
        }
        items.add(
            new EvalItem.Conversation(i + 1, text(node, "id").orElse("line " + (i + 1)), turns));
      } else {
        items.add(new EvalItem.Single(question(node, i + 1, Optional.empty(), file)));
      }
    }
    return items;
  }

  /** The single questions of a file, without its conversations. */
  static List<EvalCase> questions(Path file) throws IOException {
    return read(file).stream()
        .filter(EvalItem.Single.class::isInstance)
        .map(i -> ((EvalItem.Single) i).question())
        .toList();
  }

  private static EvalCase question(
      JsonNode node, int line, Optional<String> defaultLanguage, Path file) {
    if (node == null || !node.hasNonNull("q")) {
      throw new UsageProblem(file + ":" + line + ": needs a \"q\"");
    }
    return new EvalCase(
        line,
        node.get("q").asText(),
        text(node, "lang").filter(l -> !l.equals("mixed")).or(() -> defaultLanguage),
        text(node, "kind").orElse("platform"),
        strings(node.get("names")),
        strings(node.get("expect_any")),
        strings(node.get("cite_domains")),
        strings(node.get("lead_any")),
        strings(node.get("forbid_any")),
        text(node, "card"),
        node.hasNonNull("max_chars")
            ? OptionalInt.of(node.get("max_chars").asInt())
            : OptionalInt.empty(),
        node.hasNonNull("answered")
            ? Optional.of(node.get("answered").asBoolean())
            : Optional.empty());
  }

  private static Optional<String> text(JsonNode node, String field) {
    return Optional.ofNullable(node.get(field)).filter(n -> !n.isNull()).map(JsonNode::asText);
  }

  private static List<String> strings(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node != null && node.isArray()) {
      node.forEach(n -> values.add(n.asText()));
    }
    return values;
  }
}
