package ch.optout.chat;

import ch.optout.answer.Answer;
import ch.optout.answer.Messages;
import ch.optout.chat.Choice.ReminderAnswer.Outcome;
import ch.optout.knowledge.Guide;
import ch.optout.knowledge.KnowledgeBase;
import ch.optout.knowledge.Language;
import ch.optout.knowledge.OptOutKind;
import ch.optout.search.PlatformMatcher;
import ch.optout.store.ChatExport;
import ch.optout.store.ChatStore;
import ch.optout.store.ChecklistStatus;
import ch.optout.store.Reminder;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Follow-through, opt-in only: a reminder a month after an objection ({@code /remind}), asking then
 * whether the company answered and giving the complaint if not ({@code /followup}); and alerts when
 * a followed platform's guide records a change of rules ({@code /watch}). The commands, the buttons
 * that offer them, and the messages a channel sends when they fall due.
 */
public final class FollowUps {
  /** Chats reached through Telegram, whose leader sends what falls due. */
  public static final String TELEGRAM = "telegram";

  /** The terminal, which shows what is due when a conversation starts. */
  public static final String TERMINAL = "terminal";

  /** What a reminder waits: the month the law gives the company to answer (Art. 12(3) GDPR). */
  static final Period DELAY = Period.ofMonths(1);

  private static final DateTimeFormatter COMPACT = DateTimeFormatter.BASIC_ISO_DATE;

  private final KnowledgeBase knowledge;
  private final PlatformMatcher platforms;
  private final Letters letters;
  private final Messages messages;
  private final ChatStore store;
  private final Clock clock;
  private final ComplaintDraft complaints;
  private final Watches watches;

  FollowUps(
      KnowledgeBase knowledge,
      PlatformMatcher platforms,
      Letters letters,
      Messages messages,
      ChatStore store,
      Clock clock) {
    this.knowledge = knowledge;
    this.platforms = platforms;
    this.letters = letters;
    this.messages = messages;
    this.store = store;
    this.clock = clock;
    this.complaints = new ComplaintDraft(knowledge, messages, clock);
    this.watches = new Watches(knowledge, platforms, letters::displayName, messages, store, clock);
  }

  /** Where a chat is reached later: its id says so ("tg:42" is Telegram's). */
  static String channel(String chatId) {
    return chatId.startsWith("tg:") ? TELEGRAM : TERMINAL;
  }

  /** A dated change of a platform, as the knowledge holds it now. */
  public record Known(String platformId, String changeId) {}

  /** Every change the guides record, oldest first per platform. */
  public List<Known> changes() {
    return watches.changes();
  }

  /** /watch: what the chat follows; /watch linkedin follows it; /watch off linkedin stops. */
  Reply watch(String chatId, String argument, Language language) {
    return watches.command(chatId, argument, language);
  }

  /** Follows a platform, named by its id or its name. */
  Reply follow(String chatId, String platform, Language language) {
    return watches.follow(chatId, platform, language);
  }

  /** Stops following a platform, named by its id or its name. */
  Reply unfollow(String chatId, String platform, Language language) {
    return watches.unfollow(chatId, platform, language);
  }

  /**
   * The message telling a follower of a change: what changed, what to do, by when, where; empty
   * when the guide or the change is no longer in the knowledge.
   */
  public Optional<Reply> alert(String platformId, String changeId, Language language) {
    return watches.alert(platformId, changeId, language);
  }

  /**
   * /remind linkedin, /remind meta form (a form the user sent), /remind linkedin 20261203 (again,
   * for an objection of that day).
   */
  Reply remind(String chatId, String argument, Language language) {
    String[] words = argument.strip().toLowerCase(Locale.ROOT).split("\\s+");
    String detail = words.length > 1 ? words[1] : "";
    Reminder.Kind kind = detail.equals("form") ? Reminder.Kind.FORM : Reminder.Kind.LETTER;
    return remind(chatId, words[0], kind, day(detail), language);
  }

  /**
   * A reminder a month from today about a guide or a service ({@code word}: its id or token), for
   * an objection sent today or on {@code sentOn} (a day to come counts as today).
   */
  Reply remind(
      String chatId,
      String word,
      Reminder.Kind kind,
      Optional<LocalDate> sentOnDay,
      Language language) {
    Optional<String> subject = word.isEmpty() ? Optional.empty() : subject(word);
    if (subject.isEmpty()) {
      return Reply.of(Answer.message(language, "", messages.get(language, "remind.unknown")));
    }
    LocalDate today = LocalDate.now(clock);
    LocalDate sentOn = sentOnDay.filter(d -> !d.isAfter(today)).orElse(today);
    LocalDate due = today.plus(DELAY);
    store.remind(
        chatId,
        channel(chatId),
        new Reminder(subject.get(), kind, language.code(), sentOn, due, Reminder.State.WAITING));
    String key = channel(chatId).equals(TELEGRAM) ? "remind.set" : "remind.set.terminal";
    return Reply.of(
        Answer.message(
            language,
            "",
            messages.get(
                language,
                key,
                Timeline.day(due, language),
                name(subject.get()),
                Timeline.day(sentOn, language))));
  }

  /** /followup done|none|refused linkedin: the answer to a reminder's question. */
  Reply outcome(String chatId, String argument, Language language) {
    String[] words = argument.strip().toLowerCase(Locale.ROOT).split("\\s+");
    if (words.length != 2) {
      return gone("—", language);
    }
    Outcome outcome =
        switch (words[0]) {
          case "done" -> Outcome.DONE;
          case "refused" -> Outcome.REFUSED;
          default -> Outcome.NONE;
        };
    return outcome(chatId, outcome, words[1], language);
  }

  /** The answer to the question of the reminder about {@code subject}. */
  Reply outcome(String chatId, Outcome outcome, String subject, Language language) {
    Optional<Reminder> reminder =
        store.reminders(chatId).stream().filter(r -> r.subject().equals(subject)).findFirst();
    if (reminder.isEmpty()) {
      return gone(subject(subject).map(this::name).orElse("—"), language);
    }
    Reminder r = reminder.get();
    String name = name(r.subject());
    store.deleteReminder(chatId, r.subject());
    if (outcome == Outcome.DONE) {
      if (watches.isGuide(r.subject())) {
        store.markChecklist(chatId, r.subject(), ChecklistStatus.DONE, Optional.of(r.sentOn()));
        return Reply.of(
            Answer.message(
                language,
                "",
                messages.get(
                    language,
                    "followup.done",
                    name,
                    Timeline.day(LocalDate.now(clock), language),
                    Timeline.day(r.sentOn(), language))));
      }
      return Reply.of(
          Answer.message(language, "", messages.get(language, "followup.done.service", name)));
    }
    Answer complaint =
        complaints.answer(r, name, outcome == Outcome.REFUSED, store.load(chatId), language);
    return Reply.of(
        complaint,
        Reply.Offer.ifFits(
                messages.get(language, "choice.remind.again"),
                new Choice.RemindMe(r.subject(), Reminder.Kind.LETTER, Optional.of(r.sentOn())))
            .stream()
            .toList());
  }

  private Reply gone(String shown, Language language) {
    return Reply.of(Answer.message(language, "", messages.get(language, "followup.gone", shown)));
  }

  /**
   * What a guide answer offers next: to follow the platform (unless the chat does), and, where its
   * opt-out is a form, a reminder once the form is sent.
   */
  List<Reply.Offer> afterGuide(String chatId, String platformId, Language language) {
    List<Reply.Offer> out = new ArrayList<>();
    if (!watches.isGuide(platformId)) {
      return out;
    }
    watches.offer(chatId, platformId, language).ifPresent(out::add);
    boolean form =
        knowledge
            .findAny(platformId, language)
            .flatMap(Guide::optOut)
            .filter(k -> k == OptOutKind.FORM)
            .isPresent();
    boolean reminded =
        store.reminders(chatId).stream().anyMatch(r -> r.subject().equals(platformId));
    if (form && !reminded) {
      Reply.Offer.ifFits(
              messages.get(language, "choice.remind.form"),
              new Choice.RemindMe(platformId, Reminder.Kind.FORM, Optional.empty()))
          .ifPresent(out::add);
    }
    return out;
  }

  /** The question a reminder asks on its day, with the three answers as choices. */
  public Reply question(Reminder r) {
    Language language = Language.fromCode(r.language()).orElse(Language.fallback());
    String key = r.kind() == Reminder.Kind.FORM ? "remind.question.form" : "remind.question";
    String lead =
        messages.get(language, key, name(r.subject()), Timeline.day(r.sentOn(), language))
            + "\n\n"
            + messages.get(language, "remind.question.body");
    List<Reply.Offer> choices = new ArrayList<>();
    for (Outcome outcome : Outcome.values()) {
      Reply.Offer.ifFits(
              messages.get(language, "choice.followup." + outcome.name().toLowerCase(Locale.ROOT)),
              new Choice.ReminderAnswer(outcome, r.subject()))
          .ifPresent(choices::add);
    }
    return Reply.of(Answer.message(language, "", lead), choices);
  }

  /**
   * For a channel that shows what is due when a chat opens (the terminal): the questions of the
   * reminders whose day has come, then the changes of followed platforms not told yet; each is then
   * marked asked or told, so that it is shown once.
   */
  public List<Reply> dueNow(String chatId) {
    List<Reply> due = new ArrayList<>();
    LocalDate today = LocalDate.now(clock);
    for (Reminder r : store.reminders(chatId)) {
      if (r.state() == Reminder.State.WAITING
          && !r.dueOn().isAfter(today)
          && store.reminderAsked(chatId, r.subject())) {
        due.add(question(r));
      }
    }
    due.addAll(watches.untold(chatId));
    return due;
  }

  /** The chat blocked the bot: what OptOut kept to write to it later goes. */
  public void unreachable(String chatId) {
    store.reminders(chatId).forEach(r -> store.deleteReminder(chatId, r.subject()));
    store.watches(chatId).forEach(w -> store.unwatch(chatId, w.platformId()));
  }

  /** /mydata's lines about reminders and watches, and the sealed chat number they need. */
  List<String> describe(ChatExport data, Language language) {
    List<String> lines = new ArrayList<>();
    if (!data.reminders().isEmpty()) {
      StringBuilder b = new StringBuilder(messages.get(language, "mydata.reminders"));
      for (Reminder r : data.reminders()) {
        b.append("\n   – ")
            .append(
                messages.get(
                    language,
                    "mydata.reminder.item",
                    name(r.subject()),
                    r.sentOn(),
                    r.dueOn(),
                    messages.get(language, "mydata.reminder." + r.state().name())));
      }
      lines.add(b.toString());
    }
    watches.describe(data.watches(), language).ifPresent(lines::add);
    if (!lines.isEmpty()) {
      lines.add(messages.get(language, "mydata.address"));
    }
    return lines;
  }

  /** A guide id or a service token a reminder may be about: never free text. */
  private Optional<String> subject(String word) {
    if (word.startsWith(Letters.SERVICE)) {
      return letters.serviceToken(letters.displayName(word)).filter(word::equals);
    }
    return watches.guide(word);
  }

  private String name(String subject) {
    return letters.displayName(subject);
  }

  private static Optional<LocalDate> day(String word) {
    if (!word.matches("\\d{8}")) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(word, COMPACT));
    } catch (java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
