package ch.optout.knowledge;

import java.util.Locale;
import java.util.Optional;

/** The two languages OptOut speaks. */
public enum Language {
  EN("en", Locale.ENGLISH),
  FR("fr", Locale.FRENCH);

  private final String code;
  private final Locale locale;

  Language(String code, Locale locale) {
    this.code = code;
    this.locale = locale;
  }

  public String code() {
    return code;
  }

  public Locale locale() {
    return locale;
  }

  public Language other() {
    return this == EN ? FR : EN;
  }

  /** Parses "fr", "FR", "fr-CH", "en_GB"…; empty for anything else. */
  public static Optional<Language> fromCode(String code) {
    if (code == null || code.length() < 2) {
      return Optional.empty();
    }
    String prefix = code.substring(0, 2).toLowerCase(Locale.ROOT);
    for (Language language : values()) {
      if (language.code.equals(prefix)
          && (code.length() == 2 || !Character.isLetter(code.charAt(2)))) {
        return Optional.of(language);
      }
    }
    return Optional.empty();
  }
}
