package ch.optout.chat;

import ch.optout.answer.Messages;
import ch.optout.knowledge.Language;
import ch.optout.store.ChatStore;
import ch.optout.store.ChecklistItem;
import ch.optout.store.ChecklistStatus;
import ch.optout.store.Reminder;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * "Where was I?" with its dates: per platform, when it was done (or skipped), when an objection was
 * sent and when its reminder falls, from the checklist and the reminders.
 */
final class Timeline {
  private final ChatStore store;
  private final Function<String, String> names;
  private final Messages messages;

  /**
   * @param names the name to show for a guide id or a service token
   */
  Timeline(ChatStore store, Function<String, String> names, Messages messages) {
    this.store = store;
    this.names = names;
    this.messages = messages;
  }

  /** One line per platform with a date to show, by name; empty when there is none. */
  List<String> lines(String chatId, Language language) {
    Map<String, ChecklistItem> items = new TreeMap<>();
    store.checklist(chatId).forEach(i -> items.put(i.platformId(), i));
    Map<String, Reminder> reminders = new TreeMap<>();
    store.reminders(chatId).forEach(r -> reminders.put(r.subject(), r));
    Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String id : union(items.keySet(), reminders.keySet())) {
      List<String> parts = new ArrayList<>();
      Optional<ChecklistItem> item = Optional.ofNullable(items.get(id));
      Optional<Reminder> reminder = Optional.ofNullable(reminders.get(id));
      item.ifPresent(i -> parts.add(status(i, language)));
      item.flatMap(ChecklistItem::letterOn)
          .or(() -> reminder.map(Reminder::sentOn))
          .ifPresent(d -> parts.add(messages.get(language, "timeline.letter", day(d, language))));
      reminder
          .filter(r -> r.state() == Reminder.State.WAITING)
          .ifPresent(
              r -> parts.add(messages.get(language, "timeline.due", day(r.dueOn(), language))));
      boolean dated =
          item.filter(i -> i.status() != ChecklistStatus.LATER).isPresent()
              || item.flatMap(ChecklistItem::letterOn).isPresent()
              || reminder.isPresent();
      if (dated) {
        String name = names.apply(id);
        byName.put(name, name + ": " + String.join(" · ", parts));
      }
    }
    return List.copyOf(byName.values());
  }

  /** The lines under a title, as a note for an answer; empty when there is nothing dated. */
  Optional<String> note(String chatId, Language language) {
    List<String> lines = lines(chatId, language);
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        messages.get(language, "timeline.title")
            + "\n"
            + String.join("\n", lines.stream().map(l -> "• " + l).toList()));
  }

  private String status(ChecklistItem i, Language language) {
    return switch (i.status()) {
      case DONE -> messages.get(language, "timeline.done", day(i.date(), language));
      case SKIPPED -> messages.get(language, "timeline.skipped", day(i.date(), language));
      case LATER -> messages.get(language, "timeline.later");
    };
  }

  /** "3 December 2026", « 3 décembre 2026 ». */
  static String day(LocalDate d, Language language) {
    return d.format(DateTimeFormatter.ofPattern("d MMMM yyyy", language.locale()));
  }

  private static List<String> union(Iterable<String> a, Iterable<String> b) {
    java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
    a.forEach(all::add);
    b.forEach(all::add);
    return List.copyOf(all);
  }
}
