package ch.optout.knowledge;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A file dropped in without front matter: indexed as a source titled by its file name. */
final class PlainDocuments {
  private static final Pattern FIRST_LINK = Pattern.compile("https://[^\\s)\"'<>]+");

  private final Function<String, Language> languageGuesser;
  private final BodySections sections;

  /**
   * @param languageGuesser decides the language of a plain document from its text
   */
  PlainDocuments(Function<String, Language> languageGuesser, BodySections sections) {
    this.languageGuesser = languageGuesser;
    this.sections = sections;
  }

  /**
   * @param file the path relative to the knowledge root, with '/' separators
   */
  Guide read(String file, String content) {
    String name = file.substring(file.lastIndexOf('/') + 1);
    Matcher m = KnowledgeParser.FILE_NAME.matcher(name);
    Optional<Language> suffix =
        m.matches()
            ? Optional.ofNullable(m.group(2)).flatMap(Language::withFiles)
            : Optional.empty();
    String base =
        !m.matches()
            ? name
            : suffix.isPresent() || m.group(2) == null ? m.group(1) : m.group(1) + "." + m.group(2);
    boolean html = name.endsWith(".html") || name.endsWith(".htm");
    String text = html ? HtmlText.of(content) : content;
    Language language = suffix.orElseGet(() -> languageGuesser.apply(text));
    String title = base.replace('-', ' ').replace('_', ' ').strip();
    Matcher link = FIRST_LINK.matcher(text);
    URI url =
        link.find() ? URI.create(link.group()) : URI.create("file:" + file.replace(" ", "%20"));
    List<Section> all = new ArrayList<>();
    if (name.endsWith(".md")) {
      all.addAll(sections.sections(text, 1, title, language));
    } else {
      all.addAll(Paragraphs.sections(text, title));
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
        all,
        List.of(),
        List.of(),
        file);
  }
}
