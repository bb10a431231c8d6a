package ch.optout.knowledge;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one knowledge file into a {@link Guide}, collecting problems instead of stopping at one.
 */
final class KnowledgeParser {
  static final Set<String> KEYS =
      Set.of(
          "id",
          "lang",
          "platform",
          "aliases",
          "title",
          "verified",
          "regions",
          "sources",
          "opt_out",
          "action",
          "contact",
          "link",
          "company",
          "checked",
          "changes");

  /** Fields of one entry under {@code sources:}, in the order a reader expects them. */
  static final List<String> SOURCE_FIELDS = List.of("title", "url", "published", "read");

  /** Fields of one entry under {@code changes:}. */
  static final List<String> CHANGE_FIELDS = List.of("date", "summary", "act", "deadline");

  static final Set<String> ARTICLE_KEYS = Set.of("author", "outlet", "published");

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Pattern FILE_NAME =
      Pattern.compile("(.+?)(?:\\.(en|fr))?\\.(md|txt|html?)$");
  private static final Pattern FIRST_LINK = Pattern.compile("https://[^\\s)\"'<>]+");

  private final MarkdownBody markdown = new MarkdownBody();
  private final Function<String, Language> languageGuesser;

  /**
   * @param languageGuesser decides the language of a plain document from its text
   */
  KnowledgeParser(Function<String, Language> languageGuesser) {
    this.languageGuesser = languageGuesser;
  }

  /**
   * @param file the path relative to the knowledge root, with '/' separators
   * @return empty when the file is too broken to use; the problems say why
   */
  Optional<Guide> parse(String file, String content, List<Problem> problems) {
    return parse(file, content, Contacts.empty(), problems);
  }

  /**
   * @param contacts the company records a guide's {@code company:} must name
   */
  Optional<Guide> parse(String file, String content, Contacts contacts, List<Problem> problems) {
    String folder = file.contains("/") ? file.substring(0, file.indexOf('/')) : "";
    Optional<FrontMatter.Split> split = FrontMatter.split(content);
    if (split.isEmpty()) {
      return Optional.of(plainDocument(file, content));
    }
    if (!split.get().closed()) {
      problems.add(Problem.error(file, 1, "front matter is not closed: add a line '---' after it"));
      return Optional.empty();
    }
    int before = problems.size();
    FrontMatter fm = FrontMatter.parse(file, split.get().yaml(), problems);
    if (problems.size() > before) {
      return Optional.empty();
    }
    DocumentKind kind = DocumentKind.ofFolder(folder);
    return withFrontMatter(file, kind, fm, split.get(), contacts, problems);
  }

  private Optional<Guide> withFrontMatter(
      String file,
      DocumentKind kind,
      FrontMatter fm,
      FrontMatter.Split split,
      Contacts contacts,
      List<Problem> problems) {
    for (String key : fm.keys()) {
      boolean allowed =
          KEYS.contains(key) || (kind == DocumentKind.ARTICLE && ARTICLE_KEYS.contains(key));
      if (!allowed) {
        problems.add(Problem.error(file, fm.line(key), "unknown front-matter key '" + key + "'"));
      }
    }
    Optional<String> id = required(fm, "id", file, problems);
    id.filter(v -> !ID.matcher(v).matches())
        .ifPresent(
            v ->
                problems.add(
                    Problem.error(
                        file,
                        fm.line("id"),
                        "id '" + v + "' must be lowercase letters, digits and '-'")));
    Optional<Language> language =
        required(fm, "lang", file, problems)
            .flatMap(
                code -> {
                  Optional<Language> parsed =
                      Language.fromCode(code).filter(l -> l.code().equals(code));
                  if (parsed.isEmpty()) {
                    problems.add(
                        Problem.error(
                            file,
                            fm.line("lang"),
                            "lang must be 'en' or 'fr', not '" + code + "'"));
                  }
                  return parsed;
                });
    checkFileName(file, id, language, fm, problems);
    Optional<String> platform = required(fm, "platform", file, problems);
    Optional<String> title = required(fm, "title", file, problems);
    Optional<LocalDate> verified = date(fm, "verified", file, problems);
    if (!fm.has("verified")) {
      problems.add(Problem.error(file, 1, "missing 'verified' date (YYYY-MM-DD)"));
    }
    if (kind == DocumentKind.ARTICLE && fm.has("published")) {
      fm.string("published")
          .filter(v -> !v.matches("\\d{4}-\\d{2}(-\\d{2})?"))
          .ifPresent(
              v ->
                  problems.add(
                      Problem.error(
                          file, fm.line("published"), "published must be YYYY-MM or YYYY-MM-DD")));
    }
    Optional<OptOutKind> optOut =
        fm.string("opt_out")
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
    List<Source> sources = sources(fm, file, verified, problems);
    Contact contact = contact(fm, file, problems);
    Optional<URI> link = fm.string("link").flatMap(u -> uri(u, file, fm.line("link"), problems));
    link.filter(u -> !"https".equalsIgnoreCase(u.getScheme()))
        .ifPresent(u -> problems.add(Problem.error(file, fm.line("link"), "link must use https")));
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
    Cards.Split cards =
        kind == DocumentKind.LETTER
            ? new Cards.Split(List.of(), split.body(), split.bodyFirstLine())
            : Cards.read(file, split.body(), split.bodyFirstLine(), sources.size(), problems);
    List<Section> sections =
        kind == DocumentKind.LETTER
            ? letter(file, split.body(), split.bodyFirstLine(), problems)
            : sections(cards.body(), cards.bodyFirstLine(), "");
    List<Change> changes = changes(fm, file, kind, problems);
    if (id.isEmpty() || language.isEmpty() || platform.isEmpty() || title.isEmpty()) {
      return Optional.empty();
    }
    List<String> aliases =
        fm.strings("aliases").stream().map(a -> a.toLowerCase(Locale.ROOT)).toList();
    return Optional.of(
        new Guide(
            id.get(),
            language.get(),
            kind,
            platform.get(),
            aliases,
            title.get(),
            verified,
            fm.strings("regions"),
            optOut,
            fm.string("action").orElse(""),
            contact,
            link,
            company,
            fm.string("checked").orElse(""),
            sources,
            sections,
            cards.cards(),
            changes,
            file));
  }

  /**
   * {@code changes:}: the platform's dated changes, each with its date, a one-line summary in the
   * file's language, whether the user must act ({@code act: yes|no}) and an optional deadline.
   */
  private static List<Change> changes(
      FrontMatter fm, String file, DocumentKind kind, List<Problem> problems) {
    if (fm.has("changes") && kind != DocumentKind.GUIDE) {
      problems.add(
          Problem.error(file, fm.line("changes"), "only a platform's guide has 'changes'"));
      return List.of();
    }
    List<Change> changes = new ArrayList<>();
    for (FrontMatter.Entry entry : fm.entries("changes")) {
      for (String field : entry.fields().keySet()) {
        if (!CHANGE_FIELDS.contains(field)) {
          problems.add(
              Problem.error(
                  file,
                  entry.line(),
                  "unknown change field '"
                      + field
                      + "' ("
                      + String.join(", ", CHANGE_FIELDS)
                      + ")"));
        }
      }
      Optional<LocalDate> date = changeDate(entry, "date", file, problems);
      Optional<LocalDate> deadline = changeDate(entry, "deadline", file, problems);
      Optional<String> summary = entry.get("summary");
      if (date.isEmpty() && entry.get("date").isEmpty()) {
        problems.add(Problem.error(file, entry.line(), "change without a date (YYYY-MM-DD)"));
      }
      if (summary.isEmpty()) {
        problems.add(Problem.error(file, entry.line(), "change without a summary"));
      }
      summary
          .filter(t -> t.contains("\n") || t.length() > Change.MAX_SUMMARY)
          .ifPresent(
              t ->
                  problems.add(
                      Problem.error(
                          file,
                          entry.line(),
                          "a change's summary is one line of at most "
                              + Change.MAX_SUMMARY
                              + " characters")));
      Optional<Boolean> act = entry.get("act").flatMap(v -> yesNo(v));
      if (act.isEmpty()) {
        problems.add(
            Problem.error(
                file, entry.line(), "change without 'act: yes' or 'act: no' (must the user act?)"));
      }
      if (date.isPresent() && deadline.filter(d -> d.isBefore(date.get())).isPresent()) {
        problems.add(Problem.error(file, entry.line(), "a change's deadline is before its date"));
      }
      if (date.isPresent() && changes.stream().anyMatch(c -> c.date().equals(date.get()))) {
        problems.add(
            Problem.error(
                file,
                entry.line(),
                "two changes dated "
                    + date.get()
                    + ": a date names a change, so say both in one summary"));
        continue;
      }
      if (date.isPresent() && summary.isPresent() && act.isPresent()) {
        changes.add(new Change(date.get(), summary.get(), act.get(), deadline, entry.line()));
      }
    }
    changes.sort(java.util.Comparator.comparing(Change::date));
    return changes;
  }

  private static Optional<LocalDate> changeDate(
      FrontMatter.Entry entry, String field, String file, List<Problem> problems) {
    return entry
        .get(field)
        .flatMap(
            v -> {
              try {
                return Optional.of(LocalDate.parse(v));
              } catch (DateTimeParseException e) {
                problems.add(
                    Problem.error(
                        file,
                        entry.line(),
                        "a change's " + field + " must be a date YYYY-MM-DD, not '" + v + "'"));
                return Optional.empty();
              }
            });
  }

  private static Optional<Boolean> yesNo(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "yes", "true" -> Optional.of(true);
      case "no", "false" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  private static void checkFileName(
      String file,
      Optional<String> id,
      Optional<Language> language,
      FrontMatter fm,
      List<Problem> problems) {
    Matcher m = FILE_NAME.matcher(file.substring(file.lastIndexOf('/') + 1));
    if (!m.matches() || id.isEmpty() || language.isEmpty()) {
      return;
    }
    String expected = id.get() + "." + language.get().code() + ".md";
    if (!file.endsWith("/" + expected) && !file.equals(expected)) {
      problems.add(
          Problem.error(
              file,
              fm.line("id"),
              "file name must be "
                  + expected
                  + " for id '"
                  + id.get()
                  + "' and lang '"
                  + language.get().code()
                  + "'"));
    }
  }

  private static Optional<String> required(
      FrontMatter fm, String key, String file, List<Problem> problems) {
    Optional<String> value = fm.string(key);
    if (value.isEmpty() && !fm.has(key)) {
      problems.add(Problem.error(file, 1, "missing '" + key + "'"));
    } else if (value.isEmpty()) {
      problems.add(Problem.error(file, fm.line(key), "'" + key + "' is empty"));
    }
    return value;
  }

  private static Optional<LocalDate> date(
      FrontMatter fm, String key, String file, List<Problem> problems) {
    return fm.string(key)
        .flatMap(
            v -> {
              try {
                return Optional.of(LocalDate.parse(v));
              } catch (DateTimeParseException e) {
                problems.add(
                    Problem.error(
                        file,
                        fm.line(key),
                        "'" + key + "' must be a date YYYY-MM-DD, not '" + v + "'"));
                return Optional.empty();
              }
            });
  }

  private static List<Source> sources(
      FrontMatter fm, String file, Optional<LocalDate> verified, List<Problem> problems) {
    List<Source> sources = new ArrayList<>();
    for (FrontMatter.Entry entry : fm.entries("sources")) {
      Optional<String> title = entry.get("title");
      Optional<String> url = entry.get("url");
      if (title.isEmpty()) {
        problems.add(Problem.error(file, entry.line(), "source without a title"));
      }
      if (url.isEmpty()) {
        problems.add(Problem.error(file, entry.line(), "source without a url"));
      }
      for (String field : entry.fields().keySet()) {
        if (!SOURCE_FIELDS.contains(field)) {
          problems.add(
              Problem.error(
                  file,
                  entry.line(),
                  "unknown source field '"
                      + field
                      + "' ("
                      + String.join(", ", SOURCE_FIELDS)
                      + ")"));
        }
      }
      SourceDate published =
          entry
              .get("published")
              .map(
                  v ->
                      SourceDate.parse(v)
                          .orElseGet(
                              () -> {
                                problems.add(
                                    Problem.error(
                                        file,
                                        entry.line(),
                                        "published must be YYYY-MM-DD, YYYY-MM, YYYY or 'undated', not '"
                                            + v
                                            + "'"));
                                return SourceDate.UNKNOWN;
                              }))
              .orElse(SourceDate.UNKNOWN);
      Optional<LocalDate> read =
          entry
              .get("read")
              .flatMap(
                  v -> {
                    try {
                      return Optional.of(LocalDate.parse(v.strip()));
                    } catch (DateTimeParseException e) {
                      problems.add(
                          Problem.error(
                              file,
                              entry.line(),
                              "read must be a date YYYY-MM-DD, not '" + v + "'"));
                      return Optional.empty();
                    }
                  });
      // a guide cannot have been checked against a page that did not exist yet
      published
          .earliestDay()
          .filter(day -> verified.isPresent() && day.isAfter(verified.get()))
          .ifPresent(
              day ->
                  problems.add(
                      Problem.error(
                          file,
                          entry.line(),
                          "source published "
                              + published.text()
                              + ", after the file's verified date "
                              + verified.get()
                              + ": re-check the file and move 'verified', or fix the date")));
      if (title.isPresent() && url.isPresent()) {
        uri(url.get(), file, entry.line(), problems)
            .ifPresent(u -> sources.add(new Source(title.get(), u, published, read)));
      }
    }
    return sources;
  }

  private static Contact contact(FrontMatter fm, String file, List<Problem> problems) {
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

  private static Optional<URI> uri(String value, String file, int line, List<Problem> problems) {
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

  private List<Section> sections(String body, int firstLine, String defaultHeading) {
    List<Section> sections = new ArrayList<>();
    for (MarkdownBody.RawSection raw : markdown.sections(body, firstLine, defaultHeading)) {
      SectionKind kind = SectionKind.ofHeading(raw.heading());
      if (kind == SectionKind.STEPS && !raw.ordered()) {
        kind = SectionKind.OTHER;
      }
      sections.add(
          new Section(
              kind, raw.heading(), label(raw.heading()), raw.text(), raw.items(), raw.line()));
    }
    return sections;
  }

  /** A letter is kept as written, Markdown and all: it is meant to be copied, not read in parts. */
  private static List<Section> letter(
      String file, String body, int firstLine, List<Problem> problems) {
    String text = body.strip().replaceFirst("^##[^\n]*\n", "").strip();
    for (String placeholder : List.of("{platform}", "{contact}")) {
      if (!text.contains(placeholder)) {
        problems.add(
            Problem.error(file, firstLine, "letter template lacks the placeholder " + placeholder));
      }
    }
    return List.of(new Section(SectionKind.OTHER, "Letter", "", text, List.of(), firstLine));
  }

  private static String label(String heading) {
    int open = heading.indexOf('(');
    int close = heading.lastIndexOf(')');
    return open >= 0 && close > open ? heading.substring(open + 1, close).strip() : "";
  }

  /** A file dropped in without front matter: indexed as a source titled by its file name. */
  private Guide plainDocument(String file, String content) {
    String name = file.substring(file.lastIndexOf('/') + 1);
    Matcher m = FILE_NAME.matcher(name);
    String base = m.matches() ? m.group(1) : name;
    boolean html = name.endsWith(".html") || name.endsWith(".htm");
    String text = html ? HtmlText.of(content) : content;
    Language language =
        m.matches() && m.group(2) != null
            ? Language.fromCode(m.group(2)).orElseThrow()
            : languageGuesser.apply(text);
    String title = base.replace('-', ' ').replace('_', ' ').strip();
    Matcher link = FIRST_LINK.matcher(text);
    URI url =
        link.find() ? URI.create(link.group()) : URI.create("file:" + file.replace(" ", "%20"));
    List<Section> sections = new ArrayList<>();
    if (name.endsWith(".md")) {
      sections.addAll(sections(text, 1, title));
    } else {
      sections.addAll(Paragraphs.sections(text, title));
    }
    String id =
        "doc-"
            + base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    return new Guide(
        id,
        language,
        DocumentKind.DOCUMENT,
        title,
        List.of(),
        title,
        Optional.empty(),
        List.of(),
        Optional.empty(),
        "",
        Contact.NONE,
        Optional.empty(),
        Optional.empty(),
        "",
        List.of(new Source(title, url)),
        sections,
        List.of(),
        List.of(),
        file);
  }
}
