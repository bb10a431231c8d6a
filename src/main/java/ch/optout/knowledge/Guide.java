package ch.optout.knowledge;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One knowledge file in one language: a platform guide, a law page, an article summary or a plain
 * document dropped into the folder.
 *
 * @param id shared by the French and English versions
 * @param file where it was read from, relative to the knowledge root, for messages
 * @param action one line for checklists, empty for non-guides
 */
public record Guide(
    String id,
    Language language,
    DocumentKind kind,
    String platform,
    List<String> aliases,
    String title,
    Optional<LocalDate> verified,
    List<String> regions,
    Optional<OptOutKind> optOut,
    String action,
    Contact contact,
    List<Source> sources,
    List<Section> sections,
    String file) {

  public Guide {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(verified, "verified");
    Objects.requireNonNull(optOut, "optOut");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(contact, "contact");
    Objects.requireNonNull(file, "file");
    aliases = List.copyOf(aliases);
    regions = List.copyOf(regions);
    sources = List.copyOf(sources);
    sections = List.copyOf(sections);
  }

  public List<Section> sections(SectionKind sectionKind) {
    return sections.stream().filter(s -> s.kind() == sectionKind).toList();
  }

  public Optional<Section> section(SectionKind sectionKind) {
    return sections.stream().filter(s -> s.kind() == sectionKind).findFirst();
  }
}
