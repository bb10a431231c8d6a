package ch.optout.search;

import ch.optout.knowledge.Language;
import java.util.List;
import java.util.Objects;

/** A question as the retrievers see it: its text, language, named platforms and intent. */
public record SearchQuery(String text, Language language, List<String> platforms, Intent intent) {
  public SearchQuery {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(intent, "intent");
    platforms = List.copyOf(platforms);
  }
}
