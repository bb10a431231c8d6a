package ch.optout.chat;

import ch.optout.search.Text;
import ch.optout.store.ChecklistStatus;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What a user types to the checklist: done / skip / later, and the numbers of a pick. */
final class ChecklistWords {
  private ChecklistWords() {}

  private static final Set<String> DONE =
      Set.of(
          "done",
          "fait",
          "c est fait",
          "ok fait",
          "termine",
          "fini",
          "ok done",
          "did it",
          "yes done",
          "ok c est fait");
  private static final Set<String> SKIP =
      Set.of(
          "skip",
          "passer",
          "passe",
          "ignorer",
          "sauter",
          "next",
          "suivant",
          "je passe",
          "non",
          "no");
  private static final Set<String> LATER =
      Set.of("later", "plus tard", "apres", "remind me later", "pas maintenant", "not now");
  private static final Set<String> ALL =
      Set.of(
          "all", "tout", "tous", "toutes", "all of them", "toutes les plateformes", "everything");

  /** "1 4 12", "1, 4 et 12", "all": the ids picked, in list order; empty when it is not a pick. */
  static List<String> pick(String folded, List<String> ids) {
    if (ALL.contains(folded)) {
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

  static Optional<ChecklistStatus> status(String folded) {
    if (DONE.contains(folded)) {
      return Optional.of(ChecklistStatus.DONE);
    }
    if (SKIP.contains(folded)) {
      return Optional.of(ChecklistStatus.SKIPPED);
    }
    if (LATER.contains(folded)) {
      return Optional.of(ChecklistStatus.LATER);
    }
    return Optional.empty();
  }

  /** "C'est fait !" and "1, 4 et 12" as "c est fait" and "1 4 et 12". */
  static String fold(String text) {
    return Text.wordLine(text);
  }
}
