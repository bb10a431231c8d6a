package ch.optout.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The records of the datarequests.org database as JSON, from one file per record (a checkout) or
 * one line per record (a snapshot), each marked with the file and line it came from.
 */
final class UpstreamRecords {
  private final ObjectMapper mapper;

  UpstreamRecords(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** Where a record came from, kept on the node for messages; never written. */
  static final String ORIGIN = "\u0000origin";

  static final String LINE = "\u0000line";

  List<JsonNode> jsonFiles(Path source, String folder, List<Problem> problems) {
    Path dir = source.resolve(folder);
    if (!Files.isDirectory(dir)) {
      problems.add(Problem.warning(folder, 0, "folder not found: no records of this kind"));
      return List.of();
    }
    List<JsonNode> records = new ArrayList<>();
    try (Stream<Path> walk = Files.list(dir)) {
      for (Path p : walk.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        String name = folder + "/" + p.getFileName();
        node(Files.readString(p, StandardCharsets.UTF_8), name, 1, problems)
            .ifPresent(records::add);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir, e);
    }
    return records;
  }

  List<JsonNode> jsonLines(Path source, String file, List<Problem> problems) {
    Path path = source.resolve(file);
    if (!Files.isRegularFile(path)) {
      problems.add(Problem.warning(file, 0, "file not found: no records of this kind"));
      return List.of();
    }
    List<JsonNode> records = new ArrayList<>();
    try {
      List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.get(i).isBlank()) {
          node(lines.get(i), file, i + 1, problems).ifPresent(records::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
    return records;
  }

  private Optional<JsonNode> node(String text, String file, int line, List<Problem> problems) {
    try {
      JsonNode node = mapper.readTree(text);
      if (node instanceof ObjectNode object) {
        object.put(ORIGIN, file);
        object.put(LINE, line);
        return Optional.of(object);
      }
      problems.add(Problem.warning(file, line, "left out: not a JSON object"));
    } catch (JsonProcessingException e) {
      problems.add(
          Problem.warning(file, line, "left out: not JSON (" + e.getOriginalMessage() + ")"));
    }
    return Optional.empty();
  }
}
