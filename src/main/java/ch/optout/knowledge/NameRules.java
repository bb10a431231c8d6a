package ch.optout.knowledge;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The word lists that decide when a company name made of common words is a name: per language,
 * under {@code contacts/<lang>/} in the resources, read as one pack (a third language is two more
 * files). Words are folded (lower case, no accents).
 */
final class NameRules {
  /** How a common word may be a name. */
  enum Kind {
    /** An ordinary word: a name in context or with a capital mid-sentence. */
    COMMON,
    /** An adjective ("free"): "a free account" is no evidence. */
    ADJECTIVE,
    /** A place or a person's name ("Hamburg"): a capital is no evidence. */
    PROPER,
    /** A function word ("on", "me"): never a name in a sentence. */
    STOP
  }

  private final Map<String, Kind> common;
  private final Set<String> before;
  private final Set<String> after;
  private final Set<String> determiners;
  private final Set<String> follow;
  private final Set<String> and;

  NameRules(
      Map<String, Kind> common,
      Set<String> before,
      Set<String> after,
      Set<String> determiners,
      Set<String> follow,
      Set<String> and) {
    this.and = Set.copyOf(and);
    this.common = Map.copyOf(common);
    this.before = Set.copyOf(before);
    this.after = Set.copyOf(after);
    this.determiners = Set.copyOf(determiners);
    this.follow = Set.copyOf(follow);
  }

  /** The lists of every language OptOut speaks. */
  static NameRules bundled() {
    Map<String, Kind> common = new HashMap<>();
    Set<String> before = new HashSet<>();
    Set<String> after = new HashSet<>();
    Set<String> determiners = new HashSet<>();
    Set<String> follow = new HashSet<>();
    Set<String> and = new HashSet<>();
    for (Language language : Language.values()) {
      String folder = "contacts/" + language.code() + "/";
      for (String line : Words.resourceLines(folder + "common-words.txt")) {
        String[] parts = line.split("\\s+");
        Kind kind = parts.length > 1 ? kind(parts[1], line) : Kind.COMMON;
        common.merge(Words.fold(parts[0]), kind, (a, b) -> a.ordinal() >= b.ordinal() ? a : b);
      }
      for (String line : Words.resourceLines(folder + "context-words.txt")) {
        String[] parts = line.split("\\s+", 2);
        if (parts.length != 2) {
          throw new IllegalStateException(
              folder + "context-words.txt: '" + line + "' is not 'kind word'");
        }
        String word = Words.fold(parts[1].strip());
        switch (parts[0]) {
          case "before" -> before.add(word);
          case "after" -> after.add(word);
          case "determiner" -> determiners.add(word);
          case "follow" -> follow.add(word);
          case "and" -> and.add(word);
          default ->
              throw new IllegalStateException(
                  folder + "context-words.txt: unknown kind '" + parts[0] + "'");
        }
      }
    }
    return new NameRules(common, before, after, determiners, follow, and);
  }

  private static Kind kind(String tag, String line) {
    return switch (tag) {
      case "adj" -> Kind.ADJECTIVE;
      case "name" -> Kind.PROPER;
      case "stop" -> Kind.STOP;
      default -> throw new IllegalStateException("common-words.txt: unknown tag in '" + line + "'");
    };
  }

  /**
   * The weakest reading of a name's words: STOP if all are function words, PROPER or ADJECTIVE if
   * one is, COMMON if every word is common (or the name is one or two characters), else empty: the
   * name is distinctive and counts anywhere.
   */
  java.util.Optional<Kind> ambiguity(List<String> words) {
    boolean allStop = true;
    boolean proper = false;
    boolean adjective = false;
    for (String w : words) {
      Kind kind = common.get(w);
      boolean digits = w.chars().allMatch(Character::isDigit);
      if (kind == null && !digits) {
        return String.join("", words).length() <= 2
            ? java.util.Optional.of(Kind.COMMON)
            : java.util.Optional.empty();
      }
      allStop &= digits || kind == Kind.STOP;
      proper |= kind == Kind.PROPER;
      adjective |= kind == Kind.ADJECTIVE;
    }
    if (allStop) {
      return java.util.Optional.of(Kind.STOP);
    }
    return java.util.Optional.of(proper ? Kind.PROPER : adjective ? Kind.ADJECTIVE : Kind.COMMON);
  }

  boolean before(String word) {
    return before.contains(word);
  }

  boolean after(String word) {
    return after.contains(word);
  }

  boolean determiner(String word) {
    return determiners.contains(word);
  }

  /** "and", « et »: after a name just found, the next name needs no other context. */
  boolean and(String word) {
    return and.contains(word);
  }

  boolean follow(String word) {
    return follow.contains(word);
  }
}
