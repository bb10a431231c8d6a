package ch.optout.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One contact record as a line of JSON, in the project's format: only the fields a letter or a
 * complaint needs, always in the same order, so that an import's diff shows what really changed.
 * Reading checks every field and says which one is wrong.
 */
final class ContactsJson {
  static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,3})?");
  static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)*\\.[A-Za-z]{2,}");
  static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

  /** Fields of a company line, in the order written. */
  static final List<String> COMPANY_FIELDS =
      List.of(
          "slug",
          "name",
          "runs",
          "aliases",
          "countries",
          "web",
          "email",
          "webform",
          "address",
          "medium",
          "quality",
          "sources",
          "request-language");

  /** Fields of an authority line, in the order written; the last four are the project's own. */
  static final List<String> AUTHORITY_FIELDS =
      List.of(
          "slug",
          "countries",
          "name",
          "web",
          "email",
          "webform",
          "address",
          "sources",
          "complaint-language",
          "own",
          "main",
          "company-first-since",
          "company-first-source");

  private final ObjectMapper mapper;

  ContactsJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** A record that cannot be used, and why. */
  static final class BadRecord extends Exception {
    private static final long serialVersionUID = 1L;

    BadRecord(String message) {
      super(message);
    }
  }

  String write(Company c) {
    ObjectNode o = mapper.createObjectNode();
    o.put("slug", c.slug());
    o.put("name", c.name());
    strings(o, "runs", c.runs());
    strings(o, "aliases", c.aliases());
    strings(o, "countries", c.countries());
    c.web().ifPresent(u -> o.put("web", u.toString()));
    c.email().ifPresent(e -> o.put("email", e));
    c.webform().ifPresent(u -> o.put("webform", u.toString()));
    o.put("address", c.address());
    c.suggestedMedium().ifPresent(m -> o.put("medium", m.code()));
    o.put("quality", c.quality().code());
    strings(o, "sources", c.sources().stream().map(URI::toString).toList());
    c.requestLanguage().ifPresent(l -> o.put("request-language", l));
    return o.toString();
  }

  String write(Authority a) {
    ObjectNode o = mapper.createObjectNode();
    o.put("slug", a.slug());
    strings(o, "countries", a.countries());
    o.put("name", a.name());
    a.web().ifPresent(u -> o.put("web", u.toString()));
    a.email().ifPresent(e -> o.put("email", e));
    a.webform().ifPresent(u -> o.put("webform", u.toString()));
    o.put("address", a.address());
    strings(o, "sources", a.sources().stream().map(URI::toString).toList());
    a.complaintLanguage().ifPresent(l -> o.put("complaint-language", l));
    if (a.own()) {
      o.put("own", true);
    }
    if (a.main()) {
      o.put("main", true);
    }
    a.companyFirstSince().ifPresent(d -> o.put("company-first-since", d.toString()));
    a.companyFirstSource().ifPresent(u -> o.put("company-first-source", u.toString()));
    return o.toString();
  }

  Company company(String line) throws BadRecord {
    ContactFields f = new ContactFields(parse(line), COMPANY_FIELDS);
    return new Company(
        f.slug(),
        f.required("name"),
        f.strings("runs"),
        f.strings("aliases"),
        f.countries(),
        f.url("web"),
        f.email("email"),
        f.url("webform"),
        f.required("address"),
        f.medium(),
        f.quality(),
        f.sources(),
        f.language("request-language"));
  }

  Authority authority(String line) throws BadRecord {
    ContactFields f = new ContactFields(parse(line), AUTHORITY_FIELDS);
    Optional<LocalDate> since = f.date("company-first-since");
    Optional<URI> sinceSource = f.url("company-first-source");
    if (since.isPresent() != sinceSource.isPresent()) {
      throw new BadRecord("company-first-since and company-first-source go together");
    }
    return new Authority(
        f.slug(),
        f.countries(),
        f.required("name"),
        f.url("web"),
        f.email("email"),
        f.url("webform"),
        f.required("address"),
        f.sources(),
        f.language("complaint-language"),
        f.flag("own"),
        f.flag("main"),
        since,
        sinceSource);
  }

  private JsonNode parse(String line) throws BadRecord {
    try {
      JsonNode node = mapper.readTree(line);
      if (node == null || !node.isObject()) {
        throw new BadRecord("not a JSON object");
      }
      return node;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new BadRecord("not JSON: " + e.getOriginalMessage());
    }
  }

  private static void strings(ObjectNode o, String field, List<String> values) {
    if (!values.isEmpty()) {
      ArrayNode array = o.putArray(field);
      values.forEach(array::add);
    }
  }

  /** A URL must be absolute, on the web, with a host. */
  static Optional<URI> webAddress(String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      boolean web = "https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme);
      return web && uri.getHost() != null && uri.getHost().contains(".")
          ? Optional.of(uri)
          : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
