package ch.optout.store;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ChatStore} does; each implementation's test extends this. */
abstract class ChatStoreContract {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  final MutableClock clock = new MutableClock(T0);
  ChatStore store;

  abstract ChatStore open(MutableClock clock);

  @BeforeEach
  void openStore() {
    store = open(clock);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void load_unknownChat_isEmpty() {
    assertThat(store.load("nobody")).isEqualTo(ChatState.EMPTY);
    assertThat(store.export("nobody").isEmpty()).isTrue();
    assertThat(store.checklist("nobody")).isEmpty();
  }

  @Test
  void save_thenLoad_returnsTheSameState() {
    ChatState state =
        ChatState.EMPTY
            .withLanguage("fr")
            .withDevice("mobile")
            .withRegion(Region.CH)
            .withContext("linkedin", "HOW_TO", T0.minusSeconds(60));

    store.save("c1", state);

    assertThat(store.load("c1")).isEqualTo(state);
    assertThat(store.load("c2")).isEqualTo(ChatState.EMPTY);
  }

  @Test
  void load_contextOlderThanAnHour_isLeftOutButPreferencesStay() {
    store.save("c1", ChatState.EMPTY.withLanguage("fr").withContext("linkedin", "HOW_TO", T0));

    clock.advance(Duration.ofMinutes(59));
    assertThat(store.load("c1").lastPlatform()).contains("linkedin");

    clock.advance(Duration.ofMinutes(2));
    assertThat(store.load("c1")).isEqualTo(ChatState.EMPTY.withLanguage("fr"));
    assertThat(store.export("c1").context()).isEmpty();
  }

  @Test
  void checklist_markUpdateAndReset_keepThePreferences() {
    store.save("c1", ChatState.EMPTY.withLanguage("fr"));
    store.markChecklist("c1", "meta", ChecklistStatus.LATER);
    store.markChecklist("c1", "linkedin", ChecklistStatus.DONE);
    clock.advance(Duration.ofDays(1));
    store.markChecklist("c1", "linkedin", ChecklistStatus.SKIPPED);

    assertThat(store.checklist("c1"))
        .containsExactly(
            new ChecklistItem("linkedin", ChecklistStatus.SKIPPED, LocalDate.parse("2026-03-02")),
            new ChecklistItem("meta", ChecklistStatus.LATER, LocalDate.parse("2026-03-01")));
    assertThat(store.checklist("c2")).isEmpty();

    store.resetChecklist("c1");

    assertThat(store.checklist("c1")).isEmpty();
    assertThat(store.load("c1").language()).contains("fr");
  }

  @Test
  void export_showsEverythingKeptWithTheContextExpiry() {
    store.save(
        "c1",
        ChatState.EMPTY
            .withLanguage("en")
            .withRegion(Region.EU)
            .withContext("tiktok", "LEGAL", T0));
    store.markChecklist("c1", "tiktok", ChecklistStatus.DONE);

    ChatExport export = store.export("c1");

    assertThat(export.language()).contains("en");
    assertThat(export.device()).isEmpty();
    assertThat(export.region()).contains(Region.EU);
    assertThat(export.context())
        .contains(new ChatExport.Context("tiktok", "LEGAL", T0, T0.plus(Duration.ofHours(1))));
    assertThat(export.checklist())
        .containsExactly(
            new ChecklistItem("tiktok", ChecklistStatus.DONE, LocalDate.parse("2026-03-01")));
    assertThat(export.lastChange()).contains(T0);
  }

  @Test
  void forget_erasesTheChatOnly() {
    for (String chat : new String[] {"a", "b"}) {
      store.save(chat, ChatState.EMPTY.withLanguage("fr").withContext("meta", "HOW_TO", T0));
      store.markChecklist(chat, "meta", ChecklistStatus.DONE);
    }

    store.forget("a");

    assertThat(store.export("a").isEmpty()).isTrue();
    assertThat(store.load("a")).isEqualTo(ChatState.EMPTY);
    assertThat(store.checklist("a")).isEmpty();
    assertThat(store.load("b").language()).contains("fr");
    assertThat(store.checklist("b")).hasSize(1);
  }

  @Test
  void feedbackAndAnswers_areCountedPerGuideAndDay() {
    store.countAnswer("linkedin");
    store.countAnswer("linkedin");
    store.recordFeedback("linkedin", true);
    store.recordFeedback("linkedin", false);
    store.recordFeedback("linkedin", true);
    clock.advance(Duration.ofDays(1));
    store.countAnswer("meta");

    assertThat(store.guideDays(LocalDate.parse("2026-03-01")))
        .containsExactly(
            new GuideDay("linkedin", LocalDate.parse("2026-03-01"), 2, 2, 1),
            new GuideDay("meta", LocalDate.parse("2026-03-02"), 1, 0, 0));
    assertThat(store.guideDays(LocalDate.parse("2026-03-02")))
        .extracting(GuideDay::guideId)
        .containsExactly("meta");
  }

  @Test
  void purge_deletesOnlyWhatIsOlderThanTheRetention() {
    Duration retention = Duration.ofDays(90);
    store.save("old", ChatState.EMPTY.withLanguage("fr").withContext("meta", "HOW_TO", T0));
    store.markChecklist("old", "meta", ChecklistStatus.DONE);
    store.countAnswer("meta");
    clock.advance(Duration.ofDays(80));
    store.save("recent", ChatState.EMPTY.withLanguage("en"));
    store.markChecklist("recent", "linkedin", ChecklistStatus.LATER);
    store.countAnswer("linkedin");
    clock.advance(Duration.ofDays(11));

    assertThat(store.purge(clock.instant(), retention)).isPositive();

    assertThat(store.export("old").isEmpty()).isTrue();
    assertThat(store.load("recent").language()).contains("en");
    assertThat(store.checklist("recent")).hasSize(1);
    assertThat(store.guideDays(LocalDate.MIN))
        .extracting(GuideDay::guideId)
        .containsExactly("linkedin");
    assertThat(store.purge(clock.instant(), retention)).isZero();
  }

  static Reminder reminder(String subject, String sentOn, String dueOn) {
    return new Reminder(
        subject,
        Reminder.Kind.LETTER,
        "en",
        LocalDate.parse(sentOn),
        LocalDate.parse(dueOn),
        Reminder.State.WAITING);
  }

  @Test
  void reminders_setAskedReplacedAndDeleted_perChat() {
    store.remind("c1", "telegram", reminder("linkedin", "2026-03-01", "2026-04-01"));
    store.remind("c1", "telegram", reminder("svc-duolingo", "2026-03-01", "2026-04-01"));
    store.remind("c2", "telegram", reminder("linkedin", "2026-03-02", "2026-04-02"));

    assertThat(store.reminders("c1"))
        .extracting(Reminder::subject)
        .containsExactly("linkedin", "svc-duolingo");
    assertThat(store.reminderAsked("c1", "linkedin")).isTrue();
    assertThat(store.reminderAsked("c1", "linkedin")).isFalse();
    assertThat(store.reminders("c1").get(0).state()).isEqualTo(Reminder.State.ASKED);

    store.remind(
        "c1", "telegram", store.reminders("c1").get(0).dueAgain(LocalDate.parse("2026-05-01")));
    assertThat(store.reminders("c1").get(0))
        .isEqualTo(
            new Reminder(
                "linkedin",
                Reminder.Kind.LETTER,
                "en",
                LocalDate.parse("2026-03-01"),
                LocalDate.parse("2026-05-01"),
                Reminder.State.WAITING));

    assertThat(store.deleteReminder("c1", "linkedin")).isTrue();
    assertThat(store.deleteReminder("c1", "linkedin")).isFalse();
    assertThat(store.reminders("c1")).extracting(Reminder::subject).containsExactly("svc-duolingo");
    assertThat(store.reminders("c2")).hasSize(1);
  }

  @Test
  void watches_followRenewAndStop() {
    store.watch("c1", "telegram", new Watch("meta", "fr", T0), List.of("2025-04-14"));
    store.watch("c1", "telegram", new Watch("linkedin", "fr", T0), List.of());
    clock.advance(Duration.ofDays(3));
    store.watch("c1", "telegram", new Watch("meta", "en", clock.instant()), List.of("2025-04-14"));

    assertThat(store.watches("c1"))
        .containsExactly(new Watch("linkedin", "fr", T0), new Watch("meta", "en", clock.instant()));
    assertThat(store.unwatch("c1", "meta")).isTrue();
    assertThat(store.unwatch("c1", "meta")).isFalse();
    assertThat(store.watches("c1")).extracting(Watch::platformId).containsExactly("linkedin");
    assertThat(store.watches("c2")).isEmpty();
  }

  @Test
  void tell_aChangeOnce_onlyToAFollower_andNeverOneKnownWhenFollowingBegan() {
    store.watch("c1", "terminal", new Watch("meta", "en", T0), List.of("2025-04-14"));

    assertThat(store.tell("c1", "meta", "2025-04-14")).as("known when following began").isFalse();
    assertThat(store.tell("c1", "meta", "2026-12-10")).isTrue();
    assertThat(store.tell("c1", "meta", "2026-12-10")).as("told before").isFalse();
    assertThat(store.tell("c2", "meta", "2026-12-10")).as("not a follower").isFalse();
    assertThat(store.tell("c1", "linkedin", "2026-12-10")).as("not followed").isFalse();
  }

  @Test
  void export_showsRemindersAndWatches_andForgetErasesThem() {
    store.remind("c1", "telegram", reminder("linkedin", "2026-03-01", "2026-04-01"));
    store.watch("c1", "telegram", new Watch("meta", "fr", T0), List.of());

    ChatExport export = store.export("c1");

    assertThat(export.isEmpty()).isFalse();
    assertThat(export.reminders())
        .containsExactly(reminder("linkedin", "2026-03-01", "2026-04-01"));
    assertThat(export.watches()).containsExactly(new Watch("meta", "fr", T0));

    store.forget("c1");

    assertThat(store.export("c1").isEmpty()).isTrue();
    assertThat(store.reminders("c1")).isEmpty();
    assertThat(store.watches("c1")).isEmpty();
  }

  @Test
  void checklist_dayALetterWasSent_isKeptWhenTheStatusChangesLater() {
    store.markChecklist(
        "c1",
        "linkedin",
        ChecklistStatus.DONE,
        java.util.Optional.of(LocalDate.parse("2026-01-05")));
    clock.advance(Duration.ofDays(2));
    store.markChecklist("c1", "linkedin", ChecklistStatus.LATER);

    assertThat(store.checklist("c1"))
        .containsExactly(
            new ChecklistItem(
                "linkedin",
                ChecklistStatus.LATER,
                LocalDate.parse("2026-03-03"),
                java.util.Optional.of(LocalDate.parse("2026-01-05"))));
  }

  @Test
  void purge_keepsRemindersAndWatchesPastTheRetention_butNotPastThirteenMonths() {
    store.remind("c1", "telegram", reminder("linkedin", "2026-03-01", "2026-04-01"));
    store.watch("c1", "telegram", new Watch("meta", "fr", T0), List.of());
    clock.advance(Duration.ofDays(200));
    store.purge(clock.instant(), Duration.ofDays(90));

    assertThat(store.reminders("c1")).hasSize(1);
    assertThat(store.watches("c1")).hasSize(1);

    clock.set(T0.atZone(java.time.ZoneOffset.UTC).plusMonths(13).plusDays(1).toInstant());
    assertThat(store.purge(clock.instant(), Duration.ofDays(90))).isGreaterThanOrEqualTo(2);

    assertThat(store.reminders("c1")).isEmpty();
    assertThat(store.watches("c1")).isEmpty();
    assertThat(store.export("c1").isEmpty()).isTrue();
  }
}
