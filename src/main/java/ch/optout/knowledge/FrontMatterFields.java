package ch.optout.knowledge;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A knowledge file's front-matter fields, typed and checked: each value that is missing or
 * malformed becomes a problem with the file and line, and an empty result.
 */
final class FrontMatterFields {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

  private final String file;
  private final FrontMatter fm;
  private final List<Problem> problems;

  FrontMatterFields(String file, FrontMatter fm, List<Problem> problems) {
    this.file = file;
    this.fm = fm;
    this.problems = problems;
  }

  /** A value that must be there and not be empty. */
  Optional<String> required(String key) {
    Optional<String> value = fm.string(key);
    if (value.isEmpty() && !fm.has(key)) {
      problems.add(Problem.error(file, 1, "missing '" + key + "'"));
    } else if (value.isEmpty()) {
      problems.add(Problem.error(file, fm.line(key), "'" + key + "' is empty"));
    }
    return value;
  }

  /** The {@code id}: lowercase letters, digits and '-'. */
  Optional<String> id() {
    Optional<String> id = required("id");
    id.filter(v -> !ID.matcher(v).matches())
        .ifPresent(
            v ->
                problems.add(
                    Problem.error(
                        file,
                        fm.line("id"),
                        "id '" + v + "' must be lowercase letters, digits and '-'")));
    return id;
  }

  /** The {@code lang}, a language's code exactly. */
  Optional<Language> language() {
    return required("lang")
        .flatMap(
            code -> {
              Optional<Language> parsed = Language.withFiles(code);
              if (parsed.isEmpty()) {
                problems.add(
                    Problem.error(
                        file,
                        fm.line("lang"),
                        "lang must be " + Language.spokenList() + ", not '" + code + "'"));
              }
              return parsed;
            });
  }

  /** The {@code verified} date, which every file must have. */
  Optional<LocalDate> verified() {
    Optional<LocalDate> verified = date("verified");
    if (!fm.has("verified")) {
      problems.add(Problem.error(file, 1, "missing 'verified' date (YYYY-MM-DD)"));
    }
    return verified;
  }

  /** Checks an article's {@code published}: a month or a day. */
  void checkPublished() {
    if (!fm.has("published")) {
      return;
    }
    fm.string("published")
        .filter(v -> !v.matches("\\d{4}-\\d{2}(-\\d{2})?"))
        .ifPresent(
            v ->
                problems.add(
                    Problem.error(
                        file, fm.line("published"), "published must be YYYY-MM or YYYY-MM-DD")));
  }

  Optional<OptOutKind> optOut() {
    return fm.string("opt_out")
        .flatMap(
            v -> {
              Optional<OptOutKind> parsed = OptOutKind.parse(v);
              if (parsed.isEmpty()) {
                problems.add(
                    Problem.error(
                        file,
                        fm.line("opt_out"),
                        "opt_out must be setting, form, none or not_needed, not '" + v + "'"));
              }
              return parsed;
            });
  }

  /** The {@code link}, an absolute https address. */
  Optional<URI> link() {
    Optional<URI> link = fm.string("link").flatMap(u -> uri(u, file, fm.line("link"), problems));
    link.filter(u -> !"https".equalsIgnoreCase(u.getScheme()))
        .ifPresent(u -> problems.add(Problem.error(file, fm.line("link"), "link must use https")));
    return link;
  }

  /**
   * The {@code company}, a slug of the contacts.
   *
   * @param contacts the company records it must name
   */
  Optional<String> company(Contacts contacts) {
    Optional<String> company = fm.string("company");
    company
        .filter(slug -> contacts.company(slug).isEmpty())
        .ifPresent(
            slug ->
                problems.add(
                    Problem.error(
                        file,
                        fm.line("company"),
                        "company '"
                            + slug
                            + "' is not in "
                            + ContactsFiles.FOLDER
                            + "/"
                            + ContactsFiles.COMPANIES)));
    return company;
  }

  /** The {@code contact}: a form's address, an e-mail address, or none. */
  Contact contact() {
    return fm.entry("contact")
        .map(
            entry -> {
              for (String field : entry.fields().keySet()) {
                if (!field.equals("form") && !field.equals("email")) {
                  problems.add(
                      Problem.error(
                          file,
                          entry.line(),
                          "unknown contact field '" + field + "' (form, email)"));
                }
              }
              Optional<URI> form =
                  entry.get("form").flatMap(u -> uri(u, file, entry.line(), problems));
              Optional<String> email = entry.get("email");
              email
                  .filter(e -> !e.matches("[^@\\s]+@[^@\\s]+\\.[a-z]{2,}"))
                  .ifPresent(
                      e ->
                          problems.add(
                              Problem.error(
                                  file,
                                  entry.line(),
                                  "contact email '" + e + "' is not an address")));
              return new Contact(form, email);
            })
        .orElse(Contact.NONE);
  }

  private Optional<LocalDate> date(String key) {
    return fm.string(key).flatMap(v -> date(v, "'" + key + "'", file, fm.line(key), problems));
  }

  /**
   * A date YYYY-MM-DD, or a problem at that line.
   *
   * @param what the value's name in the problem: "'verified'", "a change's deadline"
   */
  static Optional<LocalDate> date(
      String value, String what, String file, int line, List<Problem> problems) {
    try {
      return Optional.of(LocalDate.parse(value));
    } catch (DateTimeParseException e) {
      problems.add(
          Problem.error(file, line, what + " must be a date YYYY-MM-DD, not '" + value + "'"));
      return Optional.empty();
    }
  }

  /** An absolute address, or a problem at that line. */
  static Optional<URI> uri(String value, String file, int line, List<Problem> problems) {
    try {
      URI uri = new URI(value);
      if (uri.getHost() == null || uri.getScheme() == null) {
        problems.add(Problem.error(file, line, "'" + value + "' is not an absolute address"));
        return Optional.empty();
      }
      return Optional.of(uri);
    } catch (URISyntaxException e) {
      problems.add(
          Problem.error(file, line, "'" + value + "' is not a valid address: " + e.getReason()));
      return Optional.empty();
    }
  }
}
