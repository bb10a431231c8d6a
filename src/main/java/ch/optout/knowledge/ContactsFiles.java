package ch.optout.knowledge;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The contact files of a knowledge folder, {@code contacts/companies.jsonl} and {@code
 * contacts/authorities.jsonl}: one record a line, sorted by slug. Reading reports each bad line as
 * {@code file:line} and leaves it out; a folder without them has no contacts.
 */
public final class ContactsFiles {
  /** The folder, relative to the knowledge root. */
  public static final String FOLDER = "contacts";

  public static final String COMPANIES = "companies.jsonl";
  public static final String AUTHORITIES = "authorities.jsonl";

  private final ContactsJson json = new ContactsJson(new ObjectMapper());

  /** The contacts under {@code root/contacts/}, the problems found added to {@code problems}. */
  public Contacts read(Path root, List<Problem> problems) {
    return readFolder(root.resolve(FOLDER), FOLDER, problems);
  }

  /**
   * @param label how messages name the folder
   */
  Contacts readFolder(Path folder, String label, List<Problem> problems) {
    List<Company> companies =
        readLines(
            folder.resolve(COMPANIES),
            label + "/" + COMPANIES,
            json::company,
            Company::slug,
            problems);
    List<Authority> authorities =
        readLines(
            folder.resolve(AUTHORITIES),
            label + "/" + AUTHORITIES,
            json::authority,
            Authority::slug,
            problems);
    return companies.isEmpty() && authorities.isEmpty()
        ? Contacts.empty()
        : new Contacts(companies, authorities);
  }

  /** Writes both files into {@code folder}, sorted by slug, one record a line. */
  public void write(Contacts contacts, Path folder) throws IOException {
    Files.createDirectories(folder);
    writeLines(folder.resolve(COMPANIES), contacts.companies().stream().map(json::write).toList());
    writeLines(
        folder.resolve(AUTHORITIES), contacts.authorities().stream().map(json::write).toList());
  }

  /** One record as written, to compare an old and a new version. */
  public String line(Company company) {
    return json.write(company);
  }

  public String line(Authority authority) {
    return json.write(authority);
  }

  private interface LineReader<T> {
    T read(String line) throws ContactsJson.BadRecord;
  }

  private static <T> List<T> readLines(
      Path path,
      String file,
      LineReader<T> reader,
      Function<T, String> slug,
      List<Problem> problems) {
    if (!Files.exists(path)) {
      return List.of();
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      problems.add(Problem.error(file, 0, "cannot read: " + e.getMessage()));
      return List.of();
    }
    List<T> records = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      try {
        T record = reader.read(line);
        Integer first = seen.putIfAbsent(slug.apply(record), i + 1);
        if (first != null) {
          problems.add(
              Problem.error(
                  file,
                  i + 1,
                  "duplicate slug '" + slug.apply(record) + "', already on line " + first));
          continue;
        }
        records.add(record);
      } catch (ContactsJson.BadRecord e) {
        problems.add(Problem.error(file, i + 1, e.getMessage()));
      }
    }
    return records;
  }

  private static void writeLines(Path path, List<String> lines) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
      for (String line : lines) {
        out.write(line);
        out.write('\n');
      }
    }
  }
}
