package ch.optout.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the fields of one record, failing on the first wrong one with its name. */
final class ContactFields {
  private final JsonNode node;

  ContactFields(JsonNode node, List<String> known) throws ContactsJson.BadRecord {
    this.node = node;
    for (var it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!known.contains(name)) {
        throw new ContactsJson.BadRecord("unknown field '" + name + "'");
      }
    }
  }

  ContactsJson.BadRecord bad(String field, String value) {
    return new ContactsJson.BadRecord(field + " '" + value + "' is not valid");
  }

  Optional<Company.Medium> medium() throws ContactsJson.BadRecord {
    Optional<String> code = optional("medium");
    if (code.isEmpty()) {
      return Optional.empty();
    }
    Optional<Company.Medium> medium = Company.Medium.parse(code.get());
    if (medium.isEmpty()) {
      throw bad("medium", code.get());
    }
    return medium;
  }

  Company.Quality quality() throws ContactsJson.BadRecord {
    String code = required("quality");
    Optional<Company.Quality> quality = Company.Quality.parse(code);
    if (quality.isEmpty()) {
      throw bad("quality", code);
    }
    return quality.get();
  }

  Optional<String> optional(String field) throws ContactsJson.BadRecord {
    JsonNode v = node.get(field);
    if (v == null) {
      return Optional.empty();
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      throw new ContactsJson.BadRecord(field + " must be non-empty text");
    }
    return Optional.of(v.asText());
  }

  String required(String field) throws ContactsJson.BadRecord {
    return optional(field).orElseThrow(() -> new ContactsJson.BadRecord("no " + field));
  }

  String slug() throws ContactsJson.BadRecord {
    String slug = required("slug");
    if (!ContactsJson.SLUG.matcher(slug).matches()) {
      throw bad("slug", slug);
    }
    return slug;
  }

  List<String> strings(String field) throws ContactsJson.BadRecord {
    JsonNode v = node.get(field);
    if (v == null) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new ContactsJson.BadRecord(field + " must be a list");
    }
    List<String> values = new ArrayList<>();
    for (JsonNode item : v) {
      if (!item.isTextual() || item.asText().isBlank()) {
        throw new ContactsJson.BadRecord(field + " must hold non-empty text");
      }
      values.add(item.asText());
    }
    return values;
  }

  List<String> countries() throws ContactsJson.BadRecord {
    List<String> codes = strings("countries");
    if (codes.isEmpty()) {
      throw new ContactsJson.BadRecord("no countries");
    }
    for (String code : codes) {
      if (!code.equals(Company.ALL) && !ContactsJson.COUNTRY.matcher(code).matches()) {
        throw bad("country", code);
      }
    }
    return codes;
  }

  Optional<URI> url(String field) throws ContactsJson.BadRecord {
    Optional<String> value = optional(field);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        ContactsJson.webAddress(value.get()).orElseThrow(() -> bad(field, value.get())));
  }

  List<URI> sources() throws ContactsJson.BadRecord {
    List<URI> urls = new ArrayList<>();
    for (String s : strings("sources")) {
      urls.add(ContactsJson.webAddress(s).orElseThrow(() -> bad("source", s)));
    }
    if (urls.isEmpty()) {
      throw new ContactsJson.BadRecord("no sources");
    }
    return urls;
  }

  Optional<String> email(String field) throws ContactsJson.BadRecord {
    Optional<String> value = optional(field);
    if (value.isPresent() && !ContactsJson.EMAIL.matcher(value.get()).matches()) {
      throw bad(field, value.get());
    }
    return value;
  }

  Optional<String> language(String field) throws ContactsJson.BadRecord {
    Optional<String> value = optional(field);
    if (value.isPresent() && !ContactsJson.LANGUAGE.matcher(value.get()).matches()) {
      throw bad(field, value.get());
    }
    return value;
  }

  Optional<LocalDate> date(String field) throws ContactsJson.BadRecord {
    Optional<String> value = optional(field);
    try {
      return value.map(LocalDate::parse);
    } catch (DateTimeParseException e) {
      throw bad(field, value.orElse(""));
    }
  }

  boolean flag(String field) throws ContactsJson.BadRecord {
    JsonNode v = node.get(field);
    if (v == null) {
      return false;
    }
    if (!v.isBoolean()) {
      throw new ContactsJson.BadRecord(field + " must be true or false");
    }
    return v.asBoolean();
  }
}
