package ch.optout.chat;

import ch.optout.knowledge.Language;
import ch.optout.store.ChatState;
import ch.optout.store.ChecklistStatus;
import java.util.List;
import java.util.Optional;

/**
 * What a user types to the checklist, in a message or after /checklist: the numbers of a pick, done
 * / skip / later, all, reset. Read with the words of every language ({@link ChecklistWords}), then
 * carried out by the {@link Checklist}.
 */
final class ChecklistText {
  private final Checklist checklist;
  private final ChecklistWords typed;

  ChecklistText(Checklist checklist, ChecklistWords typed) {
    this.checklist = checklist;
    this.typed = typed;
  }

  /**
   * A message while the checklist is on screen: numbers to pick, or done / skip / later.
   *
   * @return empty when the text is not a checklist answer, so it is handled as a question
   */
  Optional<Reply> answer(String chatId, String text, Language language, ChatState state) {
    if (!Checklist.isChecklist(state)) {
      return Optional.empty();
    }
    String folded = ChecklistWords.fold(text);
    String current = state.lastPlatform().orElse(Checklist.PICKING);
    if (current.equals(Checklist.PICKING)) {
      List<String> picked = typed.pick(folded, checklist.pickable(language));
      return picked.isEmpty()
          ? Optional.empty()
          : Optional.of(checklist.start(chatId, picked, language));
    }
    Optional<ChecklistStatus> status = typed.status(folded);
    return status.map(s -> checklist.mark(chatId, current, s, language));
  }

  /** /checklist and what follows it: nothing, done|skip|later, numbers, all, reset. */
  Reply command(String chatId, String argument, Language language) {
    if (argument.isEmpty()) {
      return checklist.open(chatId, language);
    }
    String folded = ChecklistWords.fold(argument);
    if (typed.resets(folded)) {
      return checklist.reset(chatId, language);
    }
    // "done linkedin", "done github-copilot": the item a choice was shown under, by its id as
    // written (folding would split "github-copilot" in two)
    String[] raw = argument.strip().toLowerCase(java.util.Locale.ROOT).split("\\s+");
    Optional<ChecklistStatus> first =
        raw.length == 2 ? typed.status(ChecklistWords.fold(raw[0])) : Optional.empty();
    if (first.isPresent() && checklist.lists(chatId, raw[1])) {
      return checklist.mark(chatId, raw[1], first.get(), language);
    }
    Optional<ChecklistStatus> status = typed.status(folded);
    if (first.isPresent() && status.isEmpty()) {
      // "done <an item not in the list>": never the current item instead
      return checklist.gone(language);
    }
    Optional<String> current = checklist.onScreen(chatId);
    if (status.isPresent() && current.isPresent()) {
      return checklist.mark(chatId, current.get(), status.get(), language);
    }
    List<String> picked = typed.pick(typed.withoutPickWord(folded), checklist.pickable(language));
    if (!picked.isEmpty()) {
      return checklist.start(chatId, picked, language);
    }
    return checklist.open(chatId, language);
  }
}
