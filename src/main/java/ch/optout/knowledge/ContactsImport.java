package ch.optout.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Rebuilds the contact files from the datarequests.org open database (CC0): a checkout of its
 * repository, one JSON file per record under {@code companies/} and {@code
 * supervisory-authorities/}, or a folder holding {@code companies.jsonl} and {@code
 * authorities.jsonl} in its field names. NSFW records are left out; what the project adds itself
 * (its own authorities, the authorities' {@code main} and {@code company-first-*} fields, the
 * companies' {@code aliases}) is carried over from the files being replaced. Reads files only.
 */
public final class ContactsImport {
  private static final String UPSTREAM_COMPANIES = "companies";
  private static final String UPSTREAM_AUTHORITIES = "supervisory-authorities";

  private final ObjectMapper mapper = new ObjectMapper();
  private final ContactsJson json = new ContactsJson(mapper);
  private final ContactsFiles files = new ContactsFiles();
  private final UpstreamRecords upstream = new UpstreamRecords(mapper);

  /** The records of one kind that an import adds, removes or changes, by slug. */
  public record Changes(List<String> added, List<String> removed, List<String> changed) {
    public Changes {
      added = List.copyOf(added);
      removed = List.copyOf(removed);
      changed = List.copyOf(changed);
    }

    public boolean isEmpty() {
      return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }
  }

  /**
   * @param nsfw how many records were left out as not safe for work
   * @param problems upstream records or fields left out, and why ({@code file:line})
   */
  public record Result(
      Contacts contacts,
      Changes companies,
      Changes authorities,
      int nsfw,
      List<Problem> problems) {}

  /** The database in {@code source}, merged with what the project keeps in {@code previous}. */
  public Result read(Path source, Contacts previous) {
    List<Problem> problems = new ArrayList<>();
    List<JsonNode> upstreamCompanies;
    List<JsonNode> upstreamAuthorities;
    if (Files.isDirectory(source.resolve(UPSTREAM_COMPANIES))) {
      upstreamCompanies = upstream.jsonFiles(source, UPSTREAM_COMPANIES, problems);
      upstreamAuthorities = upstream.jsonFiles(source, UPSTREAM_AUTHORITIES, problems);
    } else if (Files.isRegularFile(source.resolve(ContactsFiles.COMPANIES))) {
      upstreamCompanies = upstream.jsonLines(source, ContactsFiles.COMPANIES, problems);
      upstreamAuthorities = upstream.jsonLines(source, ContactsFiles.AUTHORITIES, problems);
    } else {
      throw new IllegalArgumentException(
          source
              + " holds neither a 'companies' folder (a checkout of datenanfragen/data) nor "
              + ContactsFiles.COMPANIES);
    }
    int nsfw = 0;
    List<Company> companies = new ArrayList<>();
    for (JsonNode record : upstreamCompanies) {
      if (record.path("nsfw").asBoolean(false)) {
        nsfw++;
        continue;
      }
      company(record, previous, problems).ifPresent(companies::add);
    }
    List<Authority> authorities = new ArrayList<>();
    for (JsonNode record : upstreamAuthorities) {
      authority(record, previous, problems).ifPresent(authorities::add);
    }
    for (Authority own : previous.authorities()) {
      boolean replaced = authorities.stream().anyMatch(a -> a.slug().equals(own.slug()));
      if (own.own() && !replaced) {
        authorities.add(own);
      }
    }
    Contacts contacts = new Contacts(companies, authorities);
    return new Result(
        contacts,
        changes(slugLines(previous.companies()), slugLines(contacts.companies())),
        changes(authorityLines(previous.authorities()), authorityLines(contacts.authorities())),
        nsfw,
        problems);
  }

  /**
   * Reads the database and writes the contact files into {@code folder}, keeping what the project
   * added to the files already there. A bad line in those files stops the import: it would be lost.
   */
  public Result run(Path source, Path folder) throws IOException {
    List<Problem> old = new ArrayList<>();
    Contacts previous = files.readFolder(folder, folder.toString(), old);
    if (!old.isEmpty()) {
      throw new KnowledgeException(old);
    }
    Result result = read(source, previous);
    files.write(result.contacts(), folder);
    return result;
  }

  private Optional<Company> company(JsonNode upstream, Contacts previous, List<Problem> problems) {
    ObjectNode ours = mapper.createObjectNode();
    copy(upstream, "slug", ours, "slug");
    copy(upstream, "name", ours, "name");
    copy(upstream, "runs", ours, "runs");
    previous
        .company(upstream.path("slug").asText())
        .filter(c -> !c.aliases().isEmpty())
        .ifPresent(c -> c.aliases().forEach(ours.withArray("aliases")::add));
    countries(upstream, ours);
    copy(upstream, "web", ours, "web");
    copy(upstream, "email", ours, "email");
    copy(upstream, "webform", ours, "webform");
    copy(upstream, "address", ours, "address");
    copy(upstream, "suggested-transport-medium", ours, "medium");
    copy(upstream, "quality", ours, "quality");
    copy(upstream, "sources", ours, "sources");
    copy(upstream, "request-language", ours, "request-language");
    return parse(upstream, ours, problems, json::company, ContactsImport::dropCompanyField);
  }

  private Optional<Authority> authority(
      JsonNode upstream, Contacts previous, List<Problem> problems) {
    ObjectNode ours = mapper.createObjectNode();
    copy(upstream, "slug", ours, "slug");
    countries(upstream, ours);
    copy(upstream, "name", ours, "name");
    copy(upstream, "web", ours, "web");
    copy(upstream, "email", ours, "email");
    copy(upstream, "webform", ours, "webform");
    copy(upstream, "address", ours, "address");
    copy(upstream, "sources", ours, "sources");
    copy(upstream, "complaint-language", ours, "complaint-language");
    previous.authorities().stream()
        .filter(a -> a.slug().equals(upstream.path("slug").asText()))
        .findFirst()
        .ifPresent(
            a -> {
              if (a.main()) {
                ours.put("main", true);
              }
              a.companyFirstSince().ifPresent(d -> ours.put("company-first-since", d.toString()));
              a.companyFirstSource().ifPresent(u -> ours.put("company-first-source", u.toString()));
            });
    return parse(upstream, ours, problems, json::authority, ContactsImport::dropAuthorityField);
  }

  private interface Reader<T> {
    T read(String line) throws ContactsJson.BadRecord;
  }

  /**
   * Reads our version of an upstream record. A malformed optional field (a web address without
   * "https://") is left out with a note; a record missing what every record needs is left out.
   */
  private static <T> Optional<T> parse(
      JsonNode upstream,
      ObjectNode ours,
      List<Problem> problems,
      Reader<T> reader,
      java.util.function.BiPredicate<ObjectNode, String> drop) {
    String where = upstream.path(UpstreamRecords.ORIGIN).asText("?");
    int line = upstream.path(UpstreamRecords.LINE).asInt(0);
    pruneSources(ours);
    for (int attempt = 0; attempt < ContactsJson.AUTHORITY_FIELDS.size(); attempt++) {
      try {
        return Optional.of(reader.read(ours.toString()));
      } catch (ContactsJson.BadRecord e) {
        String field = e.getMessage().split(" ", 2)[0];
        if (!drop.test(ours, field)) {
          problems.add(Problem.warning(where, line, "left out: " + e.getMessage()));
          return Optional.empty();
        }
        problems.add(Problem.warning(where, line, "field left out: " + e.getMessage()));
      }
    }
    return Optional.empty();
  }

  private static boolean dropCompanyField(ObjectNode ours, String field) {
    return dropOptional(
        ours, field, List.of("web", "email", "webform", "medium", "request-language"));
  }

  private static boolean dropAuthorityField(ObjectNode ours, String field) {
    return dropOptional(ours, field, List.of("web", "email", "webform", "complaint-language"));
  }

  private static boolean dropOptional(ObjectNode ours, String field, List<String> optional) {
    if (optional.contains(field) && ours.has(field)) {
      ours.remove(field);
      return true;
    }
    return false;
  }

  /** Sources that are no web address ("email from the DPO") are left out, the others kept. */
  private static void pruneSources(ObjectNode ours) {
    JsonNode sources = ours.get("sources");
    if (sources == null || !sources.isArray()) {
      return;
    }
    var kept = ours.arrayNode();
    for (JsonNode s : sources) {
      if (s.isTextual() && ContactsJson.webAddress(s.asText()).isPresent()) {
        kept.add(s.asText());
      }
    }
    ours.set("sources", kept);
  }

  private static void copy(JsonNode from, String field, ObjectNode to, String as) {
    JsonNode value = from.get(field);
    if (value != null && !value.isNull()) {
      to.set(as, value.isTextual() ? to.textNode(value.asText().strip()) : value);
    }
  }

  /** Upstream's "gb", "all" become "GB", "all". */
  private static void countries(JsonNode upstream, ObjectNode ours) {
    JsonNode codes = upstream.get("relevant-countries");
    if (codes == null || !codes.isArray()) {
      return;
    }
    var array = ours.putArray("countries");
    for (JsonNode code : codes) {
      String c = code.asText();
      array.add(c.equals(Company.ALL) ? c : c.toUpperCase(Locale.ROOT));
    }
  }

  private Map<String, String> slugLines(List<Company> companies) {
    Map<String, String> lines = new LinkedHashMap<>();
    companies.forEach(c -> lines.put(c.slug(), json.write(c)));
    return lines;
  }

  private Map<String, String> authorityLines(List<Authority> authorities) {
    Map<String, String> lines = new LinkedHashMap<>();
    authorities.forEach(a -> lines.put(a.slug(), json.write(a)));
    return lines;
  }

  private static Changes changes(Map<String, String> before, Map<String, String> after) {
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    for (var entry : after.entrySet()) {
      String old = before.get(entry.getKey());
      if (old == null) {
        added.add(entry.getKey());
      } else if (!old.equals(entry.getValue())) {
        changed.add(entry.getKey());
      }
    }
    List<String> removed =
        new ArrayList<>(
            new TreeSet<>(before.keySet()).stream().filter(k -> !after.containsKey(k)).toList());
    return new Changes(added, removed, changed);
  }
}
