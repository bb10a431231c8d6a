package ch.optout.answer;

import ch.optout.knowledge.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Every text OptOut shows, from {@code i18n/messages_<code>.properties}, one bundle per language,
 * found by its code. A bundle has no parent: a key missing in one language is an error, never a
 * silent sentence in another. Arguments replace {@code {0}}, {@code {1}}… literally (no
 * MessageFormat: French apostrophes stay as typed).
 */
public final class Messages {
  private final Map<Language, Properties> bundles = new ConcurrentHashMap<>();

  public String get(Language language, String key, Object... args) {
    String text = bundles.computeIfAbsent(language, Messages::bundle).getProperty(key);
    if (text == null) {
      throw new IllegalArgumentException("no message '" + key + "' in " + language.code());
    }
    for (int i = 0; i < args.length; i++) {
      text = text.replace("{" + i + "}", String.valueOf(args[i]));
    }
    return text;
  }

  /**
   * The text in every language OptOut speaks, joined by " / ": for the terminal, where the reader's
   * language is unknown.
   */
  public String inEveryLanguage(String key, Object... args) {
    return Arrays.stream(Language.values())
        .map(l -> get(l, key, args))
        .collect(Collectors.joining(" / "));
  }

  private static Properties bundle(Language language) {
    String resource = "i18n/messages_" + language.code() + ".properties";
    try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no " + resource + " on the class path");
      }
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
