package ch.optout.knowledge;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything the knowledge folder holds, in both languages. Immutable. */
public final class KnowledgeBase {
  private final List<Guide> documents;
  private final Map<String, Guide> byIdAndLanguage = new LinkedHashMap<>();

  public KnowledgeBase(List<Guide> documents) {
    this.documents = documents.stream().sorted(Comparator.comparing(Guide::file)).toList();
    for (Guide guide : this.documents) {
      byIdAndLanguage.putIfAbsent(guide.id() + "." + guide.language().code(), guide);
    }
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

  /** The guide in the wanted language, else its twin in the other one. */
  public Optional<Guide> findAny(String id, Language preferred) {
    return find(id, preferred).or(() -> find(id, preferred.other()));
  }
}
