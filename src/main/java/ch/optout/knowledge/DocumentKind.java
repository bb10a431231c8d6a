package ch.optout.knowledge;

/** Where a knowledge file comes from, which decides how it is answered. */
public enum DocumentKind {
  /** knowledge/guides: one platform, with steps. */
  GUIDE,
  /** knowledge/law: the legal background. */
  LAW,
  /** knowledge/articles: summaries of press articles. */
  ARTICLE,
  /** knowledge/letters: objection letter templates, one per legal regime; never searched. */
  LETTER,
  /** any file without front matter dropped into the folder. */
  DOCUMENT;

  static DocumentKind ofFolder(String folder) {
    return switch (folder) {
      case "guides" -> GUIDE;
      case "law" -> LAW;
      case "articles" -> ARTICLE;
      case "letters" -> LETTER;
      default -> DOCUMENT;
    };
  }
}
