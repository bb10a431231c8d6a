package ch.optout.chat;

import ch.optout.knowledge.Language;
import ch.optout.knowledge.Resources;
import ch.optout.search.Text;
import ch.optout.store.ChecklistStatus;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a user types to the checklist: done / skip / later, all, reset, and the numbers of a pick.
 * The words are data, {@code understanding/<code>/checklist.txt}, the lists of every language
 * together.
 */
final class ChecklistWords {
  private final Map<String, Set<String>> lists;

  private ChecklistWords(Map<String, Set<String>> lists) {
    this.lists = Map.copyOf(lists);
  }

  /** The words of every language OptOut speaks. */
  static ChecklistWords load() {
    Map<String, Set<String>> lists = new HashMap<>();
    for (Language language : Language.values()) {
      String file = "understanding/" + language.code() + "/checklist.txt";
      Set<String> current = null;
      for (String line : Resources.entries(file)) {
        if (line.startsWith("[") && line.endsWith("]")) {
          current =
              lists.computeIfAbsent(line.substring(1, line.length() - 1), k -> new HashSet<>());
        } else if (current == null) {
          throw new IllegalStateException(file + ": a word before any [list]: '" + line + "'");
        } else {
          current.add(fold(line));
        }
      }
    }
    return new ChecklistWords(lists);
  }

  /** "1 4 12", "1, 4 et 12", "all": the ids picked, in list order; empty when it is not a pick. */
  List<String> pick(String folded, List<String> ids) {
    if (in("all", folded)) {
      return ids;
    }
    if (!folded.matches("[0-9 ,;et and-]+") || !folded.matches(".*[0-9].*")) {
      return List.of();
    }
    Set<String> picked = new LinkedHashSet<>();
    for (String token : folded.split("[^0-9]+")) {
      if (!token.isEmpty() && token.length() <= 3) {
        int n = Integer.parseInt(token);
        if (n >= 1 && n <= ids.size()) {
          picked.add(ids.get(n - 1));
        }
      }
    }
    return List.copyOf(picked);
  }

  /** "pick 1 4" as "1 4"; any other text as it is. */
  String withoutPickWord(String folded) {
    for (String word : lists.getOrDefault("pick", Set.of())) {
      if (folded.startsWith(word + " ")) {
        return folded.substring(word.length() + 1);
      }
    }
    return folded;
  }

  /** "reset", « effacer »: the checklist starts afresh. */
  boolean resets(String folded) {
    return in("reset", folded);
  }

  Optional<ChecklistStatus> status(String folded) {
    if (in("done", folded)) {
      return Optional.of(ChecklistStatus.DONE);
    }
    if (in("skip", folded)) {
      return Optional.of(ChecklistStatus.SKIPPED);
    }
    if (in("later", folded)) {
      return Optional.of(ChecklistStatus.LATER);
    }
    return Optional.empty();
  }

  private boolean in(String list, String folded) {
    return lists.getOrDefault(list, Set.of()).contains(folded);
  }

  /** "C'est fait !" and "1, 4 et 12" as "c est fait" and "1 4 et 12". */
  static String fold(String text) {
    return Text.wordLine(text);
  }
}
