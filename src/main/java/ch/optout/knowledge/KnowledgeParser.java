package ch.optout.knowledge;

import java.net.URI;
import java.time.LocalDate;
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

  static final Set<String> ARTICLE_KEYS = Set.of("author", "outlet", "published");

  /** A knowledge file's name: its base, its language if it says one, its extension. */
  static final Pattern FILE_NAME = Pattern.compile("(.+?)(?:\\.([a-z]{2}))?\\.(md|txt|html?)$");

  private final BodySections sections = new BodySections();
  private final PlainDocuments plain;

  /**
   * @param languageGuesser decides the language of a plain document from its text
   */
  KnowledgeParser(Function<String, Language> languageGuesser) {
    this.plain = new PlainDocuments(languageGuesser, sections);
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
      return Optional.of(plain.read(file, content));
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
    checkKeys(file, kind, fm, problems);
    FrontMatterFields fields = new FrontMatterFields(file, fm, problems);
    Optional<String> id = fields.id();
    Optional<Language> language = fields.language();
    checkFileName(file, id, language, fm, problems);
    Optional<String> platform = fields.required("platform");
    Optional<String> title = fields.required("title");
    Optional<LocalDate> verified = fields.verified();
    if (kind == DocumentKind.ARTICLE) {
      fields.checkPublished();
    }
    Optional<OptOutKind> optOut = fields.optOut();
    List<Source> sources = SourceEntries.read(fm, file, verified, problems);
    List<Change> changes = ChangeEntries.read(fm, file, kind, problems);
    Contact contact = fields.contact();
    Optional<URI> link = fields.link();
    Optional<String> company = fields.company(contacts);
    Cards.Split cards =
        kind == DocumentKind.LETTER
            ? new Cards.Split(List.of(), split.body(), split.bodyFirstLine())
            : Cards.read(file, split.body(), split.bodyFirstLine(), sources.size(), problems);
    List<Section> body =
        kind == DocumentKind.LETTER
            ? BodySections.letter(file, split.body(), split.bodyFirstLine(), problems)
            : sections.sections(
                cards.body(), cards.bodyFirstLine(), "", language.orElse(Language.fallback()));
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
            body,
            cards.cards(),
            changes,
            file));
  }

  private static void checkKeys(
      String file, DocumentKind kind, FrontMatter fm, List<Problem> problems) {
    for (String key : fm.keys()) {
      boolean allowed =
          KEYS.contains(key) || (kind == DocumentKind.ARTICLE && ARTICLE_KEYS.contains(key));
      if (!allowed) {
        problems.add(Problem.error(file, fm.line(key), "unknown front-matter key '" + key + "'"));
      }
    }
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
}
