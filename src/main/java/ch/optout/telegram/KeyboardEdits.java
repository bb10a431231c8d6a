package ch.optout.telegram;

import ch.optout.chat.Choice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * Reading and changing the buttons of a message already sent, as Telegram gives them back with a
 * tap: the pick list's ticks, the vote once cast, a checklist item's marks once used. {@link
 * Keyboards} builds them.
 */
final class KeyboardEdits {
  private KeyboardEdits() {}

  /** Marks a ticked platform of the pick list. */
  static final String TICK = "✅ ";

  /** The pick list with one platform ticked or unticked. */
  static InlineKeyboardMarkup toggled(InlineKeyboardMarkup keyboard, int index) {
    List<InlineKeyboardRow> rows = new ArrayList<>();
    for (InlineKeyboardRow row : keyboard.getKeyboard()) {
      InlineKeyboardRow copy = new InlineKeyboardRow();
      for (InlineKeyboardButton b : row) {
        boolean target =
            b.getCallbackData() != null
                && Action.decode(b.getCallbackData())
                    .filter(a -> a instanceof Action.Toggle t && t.index() == index)
                    .isPresent();
        String text = b.getText();
        if (target) {
          text = text.startsWith(TICK) ? text.substring(TICK.length()) : TICK + text;
        }
        copy.add(
            InlineKeyboardButton.builder().text(text).callbackData(b.getCallbackData()).build());
      }
      rows.add(copy);
    }
    return new InlineKeyboardMarkup(rows);
  }

  /** The numbers of the platforms ticked on a pick list, in order. */
  static List<Integer> ticked(InlineKeyboardMarkup keyboard) {
    List<Integer> picked = new ArrayList<>();
    if (keyboard == null || keyboard.getKeyboard() == null) {
      return picked;
    }
    for (InlineKeyboardRow row : keyboard.getKeyboard()) {
      for (InlineKeyboardButton b : row) {
        if (b.getText() != null && b.getText().startsWith(TICK) && b.getCallbackData() != null) {
          Action.decode(b.getCallbackData())
              .filter(a -> a instanceof Action.Toggle)
              .map(a -> ((Action.Toggle) a).index())
              .ifPresent(picked::add);
        }
      }
    }
    return picked;
  }

  /** The keyboard without its 👍/👎 row, once a vote is in. */
  static Optional<InlineKeyboardMarkup> withoutFeedback(InlineKeyboardMarkup keyboard) {
    if (keyboard == null || keyboard.getKeyboard() == null) {
      return Optional.empty();
    }
    List<InlineKeyboardRow> rows =
        keyboard.getKeyboard().stream()
            .filter(
                row ->
                    row.stream()
                        .noneMatch(
                            b ->
                                b.getCallbackData() != null
                                    && Action.decode(b.getCallbackData())
                                        .filter(a -> a instanceof Action.Feedback)
                                        .isPresent()))
            .toList();
    return Optional.of(new InlineKeyboardMarkup(new ArrayList<>(rows)));
  }

  /** Whether a message's buttons include one with this callback data. */
  static boolean has(InlineKeyboardMarkup keyboard, String callbackData) {
    return keyboard != null
        && keyboard.getKeyboard() != null
        && keyboard.getKeyboard().stream()
            .flatMap(List::stream)
            .anyMatch(b -> callbackData.equals(b.getCallbackData()));
  }

  /** A checklist item's done / skip / later. */
  static boolean marksChecklistItem(Action action) {
    return action instanceof Action.Choose c && c.choice() instanceof Choice.MarkItem;
  }

  /**
   * The buttons of a checklist item's message once it is answered: without done / skip / later, so
   * that no stray tap can mark it again; empty when it had none.
   */
  static Optional<InlineKeyboardMarkup> withoutChecklistMarks(InlineKeyboardMarkup keyboard) {
    if (keyboard == null || keyboard.getKeyboard() == null) {
      return Optional.empty();
    }
    boolean any = false;
    List<InlineKeyboardRow> rows = new ArrayList<>();
    for (InlineKeyboardRow row : keyboard.getKeyboard()) {
      InlineKeyboardRow kept = new InlineKeyboardRow();
      for (InlineKeyboardButton b : row) {
        boolean mark =
            b.getCallbackData() != null
                && Action.decode(b.getCallbackData())
                    .filter(KeyboardEdits::marksChecklistItem)
                    .isPresent();
        any |= mark;
        if (!mark) {
          kept.add(b);
        }
      }
      Keyboards.addIfAny(rows, kept);
    }
    return any ? Optional.of(new InlineKeyboardMarkup(rows)) : Optional.empty();
  }
}
