package ch.optout.knowledge;

import java.net.URI;
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
 * @param link the official page that opens the setting or the objection form, when there is one
 * @param company the slug of the company's record in {@code contacts/companies.jsonl}: the legal
 *     entity an objection letter is addressed to
 * @param checked what was re-checked, against which sources, when {@code verified} was last set
 * @param cards the answer cards of the "Questions" section, in file order
 * @param changes the platform's dated changes of rules ({@code changes:}), oldest first
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
    Optional<URI> link,
    Optional<String> company,
    String checked,
    List<Source> sources,
    List<Section> sections,
    List<Card> cards,
    List<Change> changes,
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
    Objects.requireNonNull(link, "link");
    Objects.requireNonNull(company, "company");
    Objects.requireNonNull(checked, "checked");
    Objects.requireNonNull(file, "file");
    aliases = List.copyOf(aliases);
    regions = List.copyOf(regions);
    sources = List.copyOf(sources);
    sections = List.copyOf(sections);
    cards = List.copyOf(cards);
    changes = List.copyOf(changes);
  }

  /** The change with this id (its date, "2025-04-14"). */
  public Optional<Change> change(String changeId) {
    return changes.stream().filter(c -> c.id().equals(changeId)).findFirst();
  }

  /** The card with this id, e.g. "retroactive". */
  public Optional<Card> card(String cardId) {
    return cards.stream().filter(c -> c.id().equals(cardId)).findFirst();
  }

  /** The source a citation number points to ([1] is the first source). */
  public Optional<Source> source(int number) {
    return number >= 1 && number <= sources.size()
        ? Optional.of(sources.get(number - 1))
        : Optional.empty();
  }

  public List<Section> sections(SectionKind sectionKind) {
    return sections.stream().filter(s -> s.kind() == sectionKind).toList();
  }

  public Optional<Section> section(SectionKind sectionKind) {
    return sections.stream().filter(s -> s.kind() == sectionKind).findFirst();
  }
}
