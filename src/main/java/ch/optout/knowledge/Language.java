package ch.optout.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * A language, by its ISO 639-1 code. A language is data: its words live in {@code
 * i18n/messages_<code>.properties} and in the folder {@code understanding/<code>/} ({@link
 * #folder()}), its guides in {@code <id>.<code>.md}; the languages OptOut speaks are listed in
 * {@code i18n/languages.txt} ({@link #values()}). Like {@link Locale}, one instance per code, so
 * that {@code ==} compares languages as it did when this was an enum.
 */
public final class Language {
  /** Where the languages OptOut speaks are listed, one code a line, the default first. */
  public static final String LIST = "i18n/languages.txt";

  private static final Pattern CODE = Pattern.compile("[a-z]{2}");
  private static final ConcurrentMap<String, Language> BY_CODE = new ConcurrentHashMap<>();
  private static final List<Language> SPOKEN = listed(Language.class.getClassLoader());

  /** Named in code only where OptOut offers a choice between them (/en, /fr) or falls back. */
  public static final Language EN = spoken("en");

  public static final Language FR = spoken("fr");

  private final String code;
  private final Locale locale;

  private Language(String code) {
    this.code = code;
    this.locale = Locale.forLanguageTag(code);
  }

  /**
   * The language of an ISO 639-1 code ("de", "FR"), whether or not OptOut speaks it: its files may
   * come from elsewhere (a test, a pack under way).
   *
   * @throws IllegalArgumentException when the code is not two letters
   */
  public static Language valueOf(String code) {
    String folded = code.strip().toLowerCase(Locale.ROOT);
    if (!CODE.matcher(folded).matches()) {
      throw new IllegalArgumentException("not a two-letter language code: '" + code + "'");
    }
    return BY_CODE.computeIfAbsent(folded, Language::new);
  }

  /** The languages OptOut speaks, from {@value #LIST}, the default first. */
  public static Language[] values() {
    return SPOKEN.toArray(new Language[0]);
  }

  /** The language to answer in when nothing tells: the first of {@value #LIST}. */
  public static Language fallback() {
    return SPOKEN.get(0);
  }

  /** Whether OptOut speaks this language ({@value #LIST} lists it). */
  public boolean spoken() {
    return SPOKEN.contains(this);
  }

  /**
   * The languages every {@value #LIST} on a class path lists, in class path order: the
   * application's own, then those of any language pack added beside it.
   */
  public static List<Language> listed(ClassLoader loader) {
    Set<Language> out = new LinkedHashSet<>();
    try {
      for (URL url : Collections.list(loader.getResources(LIST))) {
        try (var in = url.openStream()) {
          String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
          for (String line : text.split("\r?\n")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
              out.add(valueOf(l));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + LIST, e);
    }
    if (out.isEmpty()) {
      throw new IllegalStateException("no language listed in " + LIST + " on the class path");
    }
    return List.copyOf(new ArrayList<>(out));
  }

  /**
   * The language of exactly a two-letter lower-case code whose files are on the class path: one
   * OptOut speaks, or one being added (a test's); empty for anything else.
   */
  public static Optional<Language> withFiles(String code) {
    if (code == null || !CODE.matcher(code).matches()) {
      return Optional.empty();
    }
    Language language = valueOf(code);
    boolean files =
        language.spoken()
            || Language.class.getClassLoader().getResource(language.folder() + "analyzer.txt")
                != null;
    return files ? Optional.of(language) : Optional.empty();
  }

  /** The codes OptOut speaks, for messages: "'en' or 'fr'". */
  public static String spokenList() {
    List<String> quoted = SPOKEN.stream().map(l -> "'" + l.code + "'").toList();
    return quoted.size() == 1
        ? quoted.get(0)
        : String.join(", ", quoted.subList(0, quoted.size() - 1))
            + " or "
            + quoted.get(quoted.size() - 1);
  }

  private static Language spoken(String code) {
    Language language = valueOf(code);
    if (!SPOKEN.contains(language)) {
      throw new IllegalStateException(LIST + " must list '" + code + "'");
    }
    return language;
  }

  public String code() {
    return code;
  }

  public Locale locale() {
    return locale;
  }

  /** The code in capitals ("FR"), as the enum this was named its constants. */
  public String name() {
    return code.toUpperCase(Locale.ROOT);
  }

  /**
   * The class path folder of this language's word lists and rules: {@code understanding/<code>/}.
   */
  public String folder() {
    return "understanding/" + code + "/";
  }

  /** Parses "fr", "FR", "fr-CH", "en_GB"… to a language OptOut speaks; empty for anything else. */
  public static Optional<Language> fromCode(String code) {
    if (code == null || code.length() < 2) {
      return Optional.empty();
    }
    String prefix = code.substring(0, 2).toLowerCase(Locale.ROOT);
    for (Language language : SPOKEN) {
      if (language.code.equals(prefix)
          && (code.length() == 2 || !Character.isLetter(code.charAt(2)))) {
        return Optional.of(language);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return name();
  }
}
