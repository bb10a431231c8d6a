package ch.optout.search;

import ch.optout.knowledge.Language;

/** Lucene field names, in one place, each with why it is stored or analysed. */
final class Fields {
  /** Stored, not analysed: maps a hit back to its {@link Passage}. */
  static final String ID = "id";

  /** Not stored, exact: filters by the question's language. */
  static final String LANG = "lang";

  /** Not stored, exact: the platform id of a guide, for boosts and filters. */
  static final String PLATFORM = "platform";

  /** Not stored, exact: guide, law, article or document, for intent boosts. */
  static final String KIND = "kind";

  /** Not stored, exact: the section kind ("card", "steps"…), to search the answer cards alone. */
  static final String SECTION = "section";

  /** Analysed with folding only: the names people type for a platform. */
  static final String ALIASES = "aliases";

  /** Dense vector of the passage text, for semantic search. */
  static final String VECTOR = "vector";

  private Fields() {}

  /** Analysed in the language: guide title plus section heading, weighted above the body. */
  static String title(Language language) {
    return "title_" + language.code();
  }

  /** Analysed in the language: the numbered steps of a steps section. */
  static String steps(Language language) {
    return "steps_" + language.code();
  }

  /** Analysed in the language: the whole section text. */
  static String body(Language language) {
    return "body_" + language.code();
  }
}
