package ch.optout.chat;

import ch.optout.answer.Answer;
import ch.optout.answer.ExtractiveComposer;
import ch.optout.answer.Messages;
import ch.optout.knowledge.Guide;
import ch.optout.knowledge.KnowledgeBase;
import ch.optout.knowledge.Language;
import ch.optout.knowledge.OptOutKind;
import ch.optout.store.ChatState;
import ch.optout.store.ChatStore;
import ch.optout.store.ChecklistItem;
import ch.optout.store.ChecklistStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * "Act everywhere", one platform at a time: the user picks the platforms they use, then goes
 * through each (steps, link, done / skip / later). Progress lives in the store, so it resumes after
 * days or a restart; the platform on screen lives in the chat's one-hour context.
 */
final class Checklist {
  /** The platform of the chat's context while the user picks platforms. */
  static final String PICKING = "checklist-pick";

  /** Whether the checklist is on screen: its pick list, or one of its platforms. */
  static boolean isChecklist(ChatState state) {
    return Flow.of(state).filter(Flow.InChecklist.class::isInstance).isPresent();
  }

  private final KnowledgeBase knowledge;
  private final ExtractiveComposer extractive;
  private final Messages messages;
  private final ChatStore store;
  private final Clock clock;
  private final Timeline timeline;

  Checklist(
      KnowledgeBase knowledge,
      ExtractiveComposer extractive,
      Messages messages,
      ChatStore store,
      Clock clock,
      Timeline timeline) {
    this.timeline = timeline;
    this.knowledge = knowledge;
    this.extractive = extractive;
    this.messages = messages;
    this.store = store;
    this.clock = clock;
  }

  /**
   * /checklist, "where was I?": resume where the user left off, with the dates so far (done on,
   * objection sent on, reminder on), or start by picking platforms.
   */
  Reply open(String chatId, Language language) {
    List<ChecklistItem> items = store.checklist(chatId);
    Optional<String> dates = timeline.note(chatId, language);
    if (items.isEmpty() && dates.isEmpty()) {
      return pick(chatId, language);
    }
    if (items.isEmpty()) {
      return Reply.of(
          Answer.message(
              language,
              "",
              dates.get() + "\n\n" + messages.get(language, "checklist.paused.body")));
    }
    Reply next = next(chatId, language, Optional.empty());
    return dates
        .map(
            d ->
                new Reply(
                    next.answer().toBuilder().lead(next.answer().lead() + "\n\n" + d).build(),
                    next.reading(),
                    next.choices()))
        .orElse(next);
  }

  /** The numbered list of platforms to pick from. */
  Reply pick(String chatId, Language language) {
    Answer list = extractive.checklist(language);
    String lead = list.lead() + "\n\n" + messages.get(language, "checklist.pick.body");
    Answer answer = list.toBuilder().answered(true).platformId(Optional.empty()).lead(lead).build();
    store.save(
        chatId,
        store
            .load(chatId)
            .withContext(PICKING, new Flow.InChecklist(language).encode(), clock.instant()));
    return Reply.of(
        answer,
        List.of(new Reply.Offer(messages.get(language, "choice.all"), new Choice.PickAll())));
  }

  /**
   * A done / skip / later choice: for the item it was offered under, never another; without one,
   * for the item on screen, else the checklist where the user left off.
   */
  Reply mark(String chatId, Choice.MarkItem choice, Language language) {
    if (choice.platformId().isPresent()) {
      String id = choice.platformId().get();
      return lists(chatId, id) ? mark(chatId, id, choice.status(), language) : gone(language);
    }
    return onScreen(store.load(chatId))
        .map(current -> mark(chatId, current, choice.status(), language))
        .orElseGet(() -> open(chatId, language));
  }

  /** The checklist with every platform of its list. */
  Reply startAll(String chatId, Language language) {
    List<String> all = pickable(language);
    return all.isEmpty() ? open(chatId, language) : start(chatId, all, language);
  }

  /**
   * The checklist with the platforms picked by their numbers in the list (1 is the first); numbers
   * beyond it are left out, and without any left, the checklist where the user left off.
   */
  Reply startPicked(String chatId, List<Integer> numbers, Language language) {
    List<String> ids = pickable(language);
    List<String> picked =
        numbers.stream()
            .filter(n -> n >= 1 && n <= ids.size())
            .map(n -> ids.get(n - 1))
            .distinct()
            .toList();
    return picked.isEmpty() ? open(chatId, language) : start(chatId, picked, language);
  }

  /** Said of a done / skip / later for an item no longer in the list. */
  Reply gone(Language language) {
    return Reply.of(Answer.message(language, "", messages.get(language, "checklist.stale.gone")));
  }

  /** The checklist starts afresh. */
  Reply reset(String chatId, Language language) {
    store.resetChecklist(chatId);
    return Reply.of(Answer.message(language, "", messages.get(language, "checklist.reset")));
  }

  /** Whether the chat's checklist has this platform. */
  boolean lists(String chatId, String platformId) {
    return store.checklist(chatId).stream().anyMatch(i -> i.platformId().equals(platformId));
  }

  /**
   * Why a done / skip / later button must not act: the item it carries is no longer in the list, is
   * already done or skipped, or another item is on screen now (the button is from an older
   * message). A button without its item cannot be told from typed words: empty.
   *
   * @return the reason, to show instead of acting; empty when the button may act
   */
  Optional<String> refusal(String chatId, Choice.MarkItem choice, Language language) {
    if (choice.platformId().isEmpty()) {
      return Optional.empty();
    }
    String itemId = choice.platformId().get();
    Optional<ChecklistItem> item =
        store.checklist(chatId).stream().filter(i -> i.platformId().equals(itemId)).findFirst();
    if (item.isEmpty()) {
      return Optional.of(messages.get(language, "checklist.stale.gone"));
    }
    String name = name(itemId, language);
    if (item.get().status() != ChecklistStatus.LATER) {
      return Optional.of(
          messages.get(
              language,
              "checklist.stale.marked",
              name,
              messages.get(language, "mydata.status." + item.get().status().name())));
    }
    Optional<String> current = onScreen(store.load(chatId));
    if (current.isPresent() && !current.get().equals(itemId)) {
      return Optional.of(
          messages.get(language, "checklist.stale.other", name(current.get(), language)));
    }
    return Optional.empty();
  }

  /** The item on screen in the chat: none while picking, or outside the checklist. */
  Optional<String> onScreen(String chatId) {
    return onScreen(store.load(chatId));
  }

  /** The item on screen: none while picking, or outside the checklist. */
  private static Optional<String> onScreen(ChatState state) {
    return Optional.of(state)
        .filter(Checklist::isChecklist)
        .flatMap(ChatState::lastPlatform)
        .filter(p -> !p.equals(PICKING));
  }

  private String name(String platformId, Language language) {
    return knowledge.findAny(platformId, language).map(Guide::platform).orElse(platformId);
  }

  /** A new round with these platforms, the first on screen. */
  Reply start(String chatId, List<String> platformIds, Language language) {
    store.resetChecklist(chatId);
    for (String id : platformIds) {
      store.markChecklist(chatId, id, ChecklistStatus.LATER);
    }
    return next(chatId, language, Optional.empty());
  }

  /** Marks an item, then the next one still to do, or the end of the round. */
  Reply mark(String chatId, String platformId, ChecklistStatus status, Language language) {
    store.markChecklist(chatId, platformId, status);
    if (status == ChecklistStatus.LATER) {
      List<ChecklistItem> items = ordered(store.checklist(chatId));
      boolean othersPending =
          items.stream()
              .anyMatch(
                  i -> i.status() == ChecklistStatus.LATER && !i.platformId().equals(platformId));
      if (!othersPending) {
        // "later" on the last one: the round ends, what is left waits for /checklist
        return endRound(chatId, items, "checklist.paused", language);
      }
    }
    return next(chatId, language, Optional.of(platformId));
  }

  /** The round is over (finished, or the rest left for later): the progress, and what next. */
  private Reply endRound(
      String chatId, List<ChecklistItem> items, String messageKey, Language language) {
    store.save(chatId, store.load(chatId).withoutContext());
    return Reply.of(
        Answer.message(
            language,
            messages.get(language, messageKey + ".title"),
            progress(items, language) + "\n\n" + messages.get(language, messageKey + ".body")));
  }

  /**
   * The next platform still to do after {@code after} (in list order, wrapping), or the summary.
   */
  private Reply next(String chatId, Language language, Optional<String> after) {
    List<ChecklistItem> items = ordered(store.checklist(chatId));
    List<String> pending =
        items.stream()
            .filter(i -> i.status() == ChecklistStatus.LATER)
            .map(ChecklistItem::platformId)
            .toList();
    if (pending.isEmpty()) {
      return endRound(chatId, items, "checklist.finished", language);
    }
    String nextId = pending.get(0);
    if (after.isPresent()) {
      List<String> ids = items.stream().map(ChecklistItem::platformId).toList();
      int from = ids.indexOf(after.get());
      for (int k = 1; k <= ids.size(); k++) {
        String candidate = ids.get((from + k) % ids.size());
        if (pending.contains(candidate)) {
          nextId = candidate;
          break;
        }
      }
    }
    store.save(
        chatId,
        store
            .load(chatId)
            .withContext(nextId, new Flow.InChecklist(language).encode(), clock.instant()));
    return item(nextId, items, language);
  }

  private Reply item(String platformId, List<ChecklistItem> items, Language language) {
    // the short answer: its action and steps; the rest is one button ("More") or word away
    Answer guide = extractive.howTo(platformId, language, -1);
    int position = items.stream().map(ChecklistItem::platformId).toList().indexOf(platformId) + 1;
    String lead =
        messages.get(
                language, "checklist.item.lead", position, items.size(), progress(items, language))
            + "\n\n"
            + guide.lead();
    Answer answer =
        guide.toBuilder()
            .lead(lead)
            .notes(List.of(messages.get(language, "checklist.item.prompt")))
            .build();
    List<Reply.Offer> choices =
        new ArrayList<>(
            List.of(
                mark(messages.get(language, "choice.done"), ChecklistStatus.DONE, platformId),
                mark(messages.get(language, "choice.skip"), ChecklistStatus.SKIPPED, platformId),
                mark(messages.get(language, "choice.later"), ChecklistStatus.LATER, platformId)));
    boolean noSetting =
        knowledge
            .findAny(platformId, language)
            .flatMap(Guide::optOut)
            .filter(k -> k != OptOutKind.SETTING)
            .isPresent();
    if (noSetting) {
      answer =
          answer.withNote(
              messages.get(
                  language,
                  "checklist.item.letter",
                  knowledge.findAny(platformId, language).get().platform(),
                  platformId));
      choices.add(
          new Reply.Offer(
              messages.get(language, "choice.letter"), new Choice.WriteLetter(platformId)));
    }
    return Reply.of(answer, choices);
  }

  String progress(List<ChecklistItem> items, Language language) {
    Map<ChecklistStatus, Long> counts =
        items.stream().collect(Collectors.groupingBy(ChecklistItem::status, Collectors.counting()));
    return messages.get(
        language,
        "checklist.progress",
        counts.getOrDefault(ChecklistStatus.DONE, 0L),
        items.size(),
        counts.getOrDefault(ChecklistStatus.SKIPPED, 0L),
        counts.getOrDefault(ChecklistStatus.LATER, 0L));
  }

  /** Items in the order the platforms are listed to the user. */
  private List<ChecklistItem> ordered(List<ChecklistItem> items) {
    List<String> order =
        extractive.checklistGuides(Language.fallback()).stream().map(Guide::id).toList();
    Function<ChecklistItem, Integer> rank =
        i -> order.indexOf(i.platformId()) < 0 ? Integer.MAX_VALUE : order.indexOf(i.platformId());
    return items.stream().sorted(java.util.Comparator.comparing(rank)).toList();
  }

  /** The ids of the pick list, in its order. */
  List<String> pickable(Language language) {
    return extractive.checklistGuides(language).stream().map(Guide::id).toList();
  }

  /** Done / skip / later for this item, or without it when its id would not fit a button. */
  private Reply.Offer mark(String label, ChecklistStatus status, String platformId) {
    Choice.MarkItem withItem = new Choice.MarkItem(status, Optional.of(platformId));
    return new Reply.Offer(
        label,
        withItem.command().getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 40
            ? withItem
            : new Choice.MarkItem(status, Optional.empty()));
  }
}
