package ch.optout.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;

/**
 * A store that forgets everything when the process ends: for one-shot {@code ask} and tests. It
 * keeps raw chat ids, which is fine for memory that is never written anywhere.
 */
public final class InMemoryChatStore implements ChatStore {
  /** One chat's data with when it last changed, replaced whole on each change. */
  private record Entry(ChatState state, Map<String, ChecklistItem> checklist, Instant changedAt) {
    boolean isEmpty() {
      return state.isEmpty() && checklist.isEmpty();
    }
  }

  private record Day(String guideId, LocalDate day) {}

  private final Clock clock;
  private final ConcurrentMap<String, Entry> chats = new ConcurrentHashMap<>();
  private final ConcurrentMap<Day, int[]> days = new ConcurrentHashMap<>();

  /** Reminders and watches by chat, then subject or platform; with when they were set. */
  private final ConcurrentMap<String, Map<String, Dated<Reminder>>> reminders =
      new ConcurrentHashMap<>();

  private final ConcurrentMap<String, Map<String, Watch>> watches = new ConcurrentHashMap<>();

  private record Dated<T>(T value, Instant setAt) {}

  /** Changes each chat was told of or knew, as "platform#change". */
  private final ConcurrentMap<String, java.util.Set<String>> told = new ConcurrentHashMap<>();

  public InMemoryChatStore(Clock clock) {
    this.clock = clock;
  }

  public InMemoryChatStore() {
    this(Clock.systemUTC());
  }

  @Override
  public ChatState load(String chatId) {
    Entry e = chats.get(chatId);
    if (e == null) {
      return ChatState.EMPTY;
    }
    return e.state.contextFresh(clock.instant()) ? e.state : e.state.withoutContext();
  }

  @Override
  public void save(String chatId, ChatState state) {
    update(chatId, e -> new Entry(state, e.checklist, clock.instant()));
  }

  @Override
  public List<ChecklistItem> checklist(String chatId) {
    Entry e = chats.get(chatId);
    return e == null ? List.of() : sorted(e.checklist);
  }

  @Override
  public void markChecklist(
      String chatId, String platformId, ChecklistStatus status, Optional<LocalDate> letterOn) {
    update(
        chatId,
        e -> {
          Map<String, ChecklistItem> items = new TreeMap<>(e.checklist);
          Optional<LocalDate> letter =
              letterOn.or(
                  () ->
                      Optional.ofNullable(items.get(platformId)).flatMap(ChecklistItem::letterOn));
          items.put(
              platformId, new ChecklistItem(platformId, status, LocalDate.now(clock), letter));
          return new Entry(e.state, Map.copyOf(items), clock.instant());
        });
  }

  @Override
  public void resetChecklist(String chatId) {
    update(chatId, e -> new Entry(e.state, Map.of(), clock.instant()));
  }

  @Override
  public void remind(String chatId, String channel, Reminder reminder) {
    Tokens.check(channel, "channel");
    reminders
        .computeIfAbsent(chatId, k -> new ConcurrentHashMap<>())
        .put(reminder.subject(), new Dated<>(reminder, clock.instant()));
  }

  @Override
  public List<Reminder> reminders(String chatId) {
    return reminders.getOrDefault(chatId, Map.of()).values().stream()
        .map(Dated::value)
        .sorted(Comparator.comparing(Reminder::subject))
        .toList();
  }

  @Override
  public boolean reminderAsked(String chatId, String subject) {
    Map<String, Dated<Reminder>> chat = reminders.getOrDefault(chatId, Map.of());
    Dated<Reminder> d = chat.get(subject);
    if (d == null || d.value().state() != Reminder.State.WAITING) {
      return false;
    }
    Reminder r = d.value();
    chat.put(
        subject,
        new Dated<>(
            new Reminder(
                r.subject(), r.kind(), r.language(), r.sentOn(), r.dueOn(), Reminder.State.ASKED),
            d.setAt()));
    return true;
  }

  @Override
  public boolean deleteReminder(String chatId, String subject) {
    return reminders.getOrDefault(chatId, new ConcurrentHashMap<>()).remove(subject) != null;
  }

  @Override
  public void watch(String chatId, String channel, Watch watch, Collection<String> known) {
    Tokens.check(channel, "channel");
    watches.computeIfAbsent(chatId, k -> new ConcurrentHashMap<>()).put(watch.platformId(), watch);
    java.util.Set<String> seen = told.computeIfAbsent(chatId, k -> ConcurrentHashMap.newKeySet());
    known.forEach(id -> seen.add(watch.platformId() + "#" + id));
  }

  @Override
  public List<Watch> watches(String chatId) {
    return watches.getOrDefault(chatId, Map.of()).values().stream()
        .sorted(Comparator.comparing(Watch::platformId))
        .toList();
  }

  @Override
  public boolean unwatch(String chatId, String platformId) {
    java.util.Set<String> seen = told.get(chatId);
    if (seen != null) {
      seen.removeIf(t -> t.startsWith(platformId + "#"));
    }
    return watches.getOrDefault(chatId, new ConcurrentHashMap<>()).remove(platformId) != null;
  }

  @Override
  public boolean tell(String chatId, String platformId, String changeId) {
    if (!watches.getOrDefault(chatId, Map.of()).containsKey(platformId)) {
      return false;
    }
    return told.computeIfAbsent(chatId, k -> ConcurrentHashMap.newKeySet())
        .add(platformId + "#" + changeId);
  }

  @Override
  public ChatExport export(String chatId) {
    return chatExport(chatId).withFollowUps(reminders(chatId), watches(chatId));
  }

  private ChatExport chatExport(String chatId) {
    Entry e = chats.get(chatId);
    if (e == null) {
      return ChatExport.EMPTY;
    }
    ChatState s = load(chatId);
    Optional<ChatExport.Context> context =
        s.lastPlatform()
            .map(
                p ->
                    new ChatExport.Context(
                        p,
                        s.lastIntent().orElseThrow(),
                        s.contextAt().orElseThrow(),
                        s.contextAt().orElseThrow().plus(ChatState.CONTEXT_TTL),
                        s.otherPlatform(),
                        s.lastCard()));
    return new ChatExport(
        s.language(),
        s.device(),
        s.region(),
        s.country(),
        context,
        sorted(e.checklist),
        Optional.of(e.changedAt));
  }

  @Override
  public void forget(String chatId) {
    chats.remove(chatId);
    reminders.remove(chatId);
    watches.remove(chatId);
    told.remove(chatId);
  }

  @Override
  public void recordFeedback(String guideId, boolean helpful) {
    count(guideId, helpful ? 1 : 2);
  }

  @Override
  public void countAnswer(String guideId) {
    count(guideId, 0);
  }

  @Override
  public List<GuideDay> guideDays(LocalDate since) {
    List<GuideDay> result = new ArrayList<>();
    days.forEach(
        (d, c) -> {
          if (!d.day.isBefore(since)) {
            result.add(new GuideDay(d.guideId, d.day, c[0], c[1], c[2]));
          }
        });
    result.sort(Comparator.comparing(GuideDay::day).thenComparing(GuideDay::guideId));
    return result;
  }

  @Override
  public int purge(Instant now, Duration retention) {
    Instant cutoff = now.minus(retention);
    int before = chats.size() + days.size();
    chats.entrySet().removeIf(e -> e.getValue().changedAt.isBefore(cutoff));
    LocalDate oldestDay = LocalDate.ofInstant(cutoff, clock.getZone());
    days.keySet().removeIf(d -> d.day.isBefore(oldestDay));
    int deleted = before - chats.size() - days.size();
    Instant followUps = ChatStore.followUpCutoff(now);
    for (Map<String, Dated<Reminder>> chat : reminders.values()) {
      int size = chat.size();
      chat.values().removeIf(d -> d.setAt().isBefore(followUps));
      deleted += size - chat.size();
    }
    for (Map<String, Watch> chat : watches.values()) {
      int size = chat.size();
      chat.values().removeIf(w -> w.since().isBefore(followUps));
      deleted += size - chat.size();
    }
    return deleted;
  }

  /** Feedback counts by "guideId:up" and "guideId:down", for tests. */
  public Map<String, Integer> feedback() {
    Map<String, Integer> counts = new TreeMap<>();
    for (GuideDay d : guideDays(LocalDate.MIN)) {
      counts.merge(d.guideId() + ":up", d.helpful(), Integer::sum);
      counts.merge(d.guideId() + ":down", d.unhelpful(), Integer::sum);
    }
    counts.values().removeIf(n -> n == 0);
    return counts;
  }

  private void update(String chatId, UnaryOperator<Entry> change) {
    chats.compute(
        chatId,
        (id, e) -> {
          Entry next =
              change.apply(e == null ? new Entry(ChatState.EMPTY, Map.of(), clock.instant()) : e);
          return next.isEmpty() ? null : next;
        });
  }

  /** Counts are never changed in place: each update puts a new array, so readers need no lock. */
  private void count(String guideId, int column) {
    Tokens.check(guideId, "guideId");
    days.compute(
        new Day(guideId, LocalDate.now(clock)),
        (d, c) -> {
          int[] next = c == null ? new int[3] : c.clone();
          next[column]++;
          return next;
        });
  }

  private static List<ChecklistItem> sorted(Map<String, ChecklistItem> items) {
    return items.values().stream().sorted(Comparator.comparing(ChecklistItem::platformId)).toList();
  }
}
