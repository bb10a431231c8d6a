package ch.optout.knowledge;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Everything the knowledge folder holds, in every language. Immutable. */
public final class KnowledgeBase {
  private final List<Guide> documents;
  private final Supplier<Contacts> contacts;
  private volatile Contacts contactsRead;
  private final String digest;
  private final Map<String, Guide> byIdAndLanguage = new LinkedHashMap<>();

  public KnowledgeBase(List<Guide> documents) {
    this(documents, "");
  }

  /**
   * @param digest identifies the files the documents were read from (SHA-256 of their names and
   *     bytes), so that an index built from them can be reused only for the same knowledge
   */
  public KnowledgeBase(List<Guide> documents, String digest) {
    this(documents, Contacts.empty(), digest);
  }

  /**
   * @param contacts the companies and authorities of {@code contacts/}
   */
  public KnowledgeBase(List<Guide> documents, Contacts contacts, String digest) {
    this(documents, () -> contacts, digest);
  }

  /**
   * @param contacts read on first use: a one-shot question that writes no letter never decodes the
   *     thousands of records
   */
  KnowledgeBase(List<Guide> documents, Supplier<Contacts> contacts, String digest) {
    this.digest = digest;
    this.contacts = contacts;
    this.documents = documents.stream().sorted(Comparator.comparing(Guide::file)).toList();
    for (Guide guide : this.documents) {
      byIdAndLanguage.putIfAbsent(guide.id() + "." + guide.language().code(), guide);
    }
  }

  /** SHA-256 of the files read, or "" when unknown. */
  public String digest() {
    return digest;
  }

  /** Companies' privacy contacts and data protection authorities. */
  public Contacts contacts() {
    Contacts read = contactsRead;
    if (read == null) {
      synchronized (this) {
        read = contactsRead;
        if (read == null) {
          read = contacts.get();
          contactsRead = read;
        }
      }
    }
    return read;
  }

  public List<Guide> documents() {
    return documents;
  }

  /** The platform guides in one language, sorted by platform name. */
  public List<Guide> guides(Language language) {
    return documents.stream()
        .filter(g -> g.kind() == DocumentKind.GUIDE && g.language() == language)
        .sorted(Comparator.comparing(g -> g.platform().toLowerCase(language.locale())))
        .toList();
  }

  public Optional<Guide> find(String id, Language language) {
    return Optional.ofNullable(byIdAndLanguage.get(id + "." + language.code()));
  }

  /**
   * The guide in the wanted language, else its twin in the first language OptOut speaks that has
   * one ({@link Language#values()} order), else in any language.
   */
  public Optional<Guide> findAny(String id, Language preferred) {
    return find(id, preferred)
        .or(() -> Arrays.stream(Language.values()).flatMap(l -> find(id, l).stream()).findFirst())
        .or(() -> documents.stream().filter(g -> g.id().equals(id)).findFirst());
  }

  /** Whether a platform guide has this id, in any language. */
  public boolean isGuide(String id) {
    return documents.stream().anyMatch(g -> g.id().equals(id) && g.kind() == DocumentKind.GUIDE);
  }
}
