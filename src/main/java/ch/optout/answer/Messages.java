package ch.optout.answer;

import ch.optout.knowledge.Language;
import java.util.EnumMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every text OptOut shows, in French and English, from {@code i18n/messages*.properties}. Arguments
 * replace {@code {0}}, {@code {1}}… literally (no MessageFormat: French apostrophes stay as typed).
 */
public final class Messages {
  private final Map<Language, ResourceBundle> bundles = new EnumMap<>(Language.class);

  public Messages() {
    ResourceBundle.Control noFallback =
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    bundles.put(
        Language.EN, ResourceBundle.getBundle("i18n.messages", java.util.Locale.ROOT, noFallback));
    bundles.put(
        Language.FR, ResourceBundle.getBundle("i18n.messages", Language.FR.locale(), noFallback));
  }

  public String get(Language language, String key, Object... args) {
    String text;
    try {
      text = bundles.get(language).getString(key);
    } catch (MissingResourceException e) {
      throw new IllegalArgumentException("no message '" + key + "' in " + language.code(), e);
    }
    for (int i = 0; i < args.length; i++) {
      text = text.replace("{" + i + "}", String.valueOf(args[i]));
    }
    return text;
  }
}
