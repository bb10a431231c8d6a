package ch.optout.chat;

import ch.optout.knowledge.Language;
import ch.optout.knowledge.Resources;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The names users type, as data: each language's names of the commands ({@code
 * i18n/commands_<code>.txt}: "/liste" is "/checklist"), and how the languages' own names start
 * ({@code i18n/language-names.txt}: "anglais" is English), for /lang.
 */
public final class CommandNames {
  private final Map<String, String> commands;
  private final Map<String, Language> languages;

  private CommandNames(Map<String, String> commands, Map<String, Language> languages) {
    this.commands = Map.copyOf(commands);
    // in file order: the first start that fits decides
    this.languages = languages;
  }

  /** The names of every language OptOut speaks. */
  public static CommandNames load() {
    Map<String, String> commands = new LinkedHashMap<>();
    for (Language language : Language.values()) {
      String file = "i18n/commands_" + language.code() + ".txt";
      pairs(file).forEach(commands::putIfAbsent);
    }
    Map<String, Language> languages = new LinkedHashMap<>();
    pairs("i18n/language-names.txt")
        .forEach((start, code) -> languages.put(start, Language.valueOf(code)));
    return new CommandNames(commands, languages);
  }

  /** "/liste" as "/checklist"; a command's own name, or any other word, as it is. */
  public String command(String name) {
    return commands.getOrDefault(name, name);
  }

  /** The language a /lang argument names: its code ("fr"), or its name ("français", "anglais"). */
  Optional<Language> language(String argument) {
    String folded = argument.toLowerCase(Locale.ROOT);
    return Language.fromCode(folded)
        .or(
            () ->
                languages.entrySet().stream()
                    .filter(e -> folded.startsWith(e.getKey()))
                    .map(Map.Entry::getValue)
                    .findFirst());
  }

  /** "name value" lines, the name lower-cased. */
  private static Map<String, String> pairs(String resource) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : Resources.entries(resource)) {
      String[] parts = line.split("\\s+");
      if (parts.length != 2) {
        throw new IllegalStateException(
            resource + ": expected a name and a value, not '" + line + "'");
      }
      out.put(parts[0].toLowerCase(Locale.ROOT), parts[1]);
    }
    return out;
  }
}
