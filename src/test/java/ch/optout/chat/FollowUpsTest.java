package ch.optout.chat;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.KnowledgeCopy;
import ch.optout.MutableClock;
import ch.optout.TestPipeline;
import ch.optout.answer.AnswerKind;
import ch.optout.chat.Choice.ReminderAnswer.Outcome;
import ch.optout.knowledge.Language;
import ch.optout.store.ChatStore;
import ch.optout.store.ChecklistItem;
import ch.optout.store.ChecklistStatus;
import ch.optout.store.InMemoryChatStore;
import ch.optout.store.Reminder;
import ch.optout.store.SqliteChatStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Follow-through in the assistant, over the fixture knowledge: the reminder after a letter and its
 * three answers, following a platform, the dates of "where was I?", and what /mydata and /forget
 * say of them.
 */
class FollowUpsTest {
  private static final TestPipeline PIPELINE = TestPipeline.fixture();
  private static final String CHAT = "tg:42";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
  private final InMemoryChatStore store = new InMemoryChatStore(clock);
  private final Assistant assistant = PIPELINE.assistant(store, clock);

  @TempDir Path temp;

  private Reply say(String text) {
    return assistant.reply(CHAT, text);
  }

  private static List<String> commands(Reply r) {
    return r.choices().stream().map(o -> o.choice().command()).toList();
  }

  @Test
  void letter_offersTheReminder_inEnglishAndFrench() {
    say("/region eu");

    Reply letter = say("/letter tiktok");

    assertThat(letter.answer().kind()).isEqualTo(AnswerKind.LETTER);
    assertThat(letter.choices())
        .containsExactly(
            new Reply.Offer(
                "🔔 Remind me in a month",
                new Choice.RemindMe("tiktok", Reminder.Kind.LETTER, Optional.empty())));
    Reply french = say("lettre d'opposition pour TikTok");
    assertThat(french.choices())
        .extracting(Reply.Offer::label)
        .containsExactly("🔔 Me le rappeler dans un mois");
  }

  @Test
  void remind_keepsTheCompanyTwoDaysAndTheState_dueAMonthLater() {
    Reply set = say("/remind tiktok");

    assertThat(set.answer().lead())
        .contains("on 3 January 2027 I will ask you whether TikTok answered your objection")
        .contains("3 December 2026");
    assertThat(store.reminders(CHAT))
        .containsExactly(
            new Reminder(
                "tiktok",
                Reminder.Kind.LETTER,
                "en",
                LocalDate.parse("2026-12-03"),
                LocalDate.parse("2027-01-03"),
                Reminder.State.WAITING));
  }

  @Test
  void remind_unknownCompany_keepsNothing() {
    Reply r = say("/remind <script>");

    assertThat(r.answer().lead()).startsWith("Which platform or company?");
    assertThat(store.reminders(CHAT)).isEmpty();
  }

  @Test
  void question_onItsDay_asksWhetherThePlatformAnswered_withThreeChoices() {
    say("/remind tiktok");
    clock.advance(Duration.ofDays(31));

    Reply q = assistant.followUps().question(store.reminders(CHAT).get(0));

    assertThat(q.answer().lead())
        .startsWith("Did TikTok answer your objection of 3 December 2026?");
    assertThat(q.choices())
        .containsExactly(
            new Reply.Offer("✅ Yes, done", new Choice.ReminderAnswer(Outcome.DONE, "tiktok")),
            new Reply.Offer("⏳ No answer", new Choice.ReminderAnswer(Outcome.NONE, "tiktok")),
            new Reply.Offer(
                "❌ They refused", new Choice.ReminderAnswer(Outcome.REFUSED, "tiktok")));
  }

  @Test
  void question_inFrench_forAFormSent() {
    assistant.reply(CHAT, "/lang fr");
    say("/remind meta form");

    Reply q = assistant.followUps().question(store.reminders(CHAT).get(0));

    assertThat(q.answer().lead())
        .startsWith(
            "Meta (Facebook, Instagram) a-t-elle répondu au formulaire d'opposition envoyé le 3"
                + " décembre 2026 ?");
    assertThat(q.choices())
        .extracting(Reply.Offer::label)
        .containsExactly("✅ Oui, c'est fait", "⏳ Pas de réponse", "❌ Ils ont refusé");
  }

  @Test
  void noAnswer_givesTheComplaintToTheAuthorityWhereTheUserLives_filledIn() {
    say("I live in Belgium");
    say("/remind tiktok");
    clock.advance(Duration.ofDays(31));

    Reply r = say("/followup none tiktok");

    assertThat(r.answer().title())
        .isEqualTo(
            "Complaint to Autorité de protection des données de Belgique,"
                + " Gegevensbeschermingsautoriteit van België about TikTok");
    assertThat(r.answer().lead())
        .contains("TikTok Technology Limited had one month to answer your objection of 3 December")
        .contains("https://www.dataprotectionauthority.be/citizen/actions/lodge-a-complaint");
    assertThat(r.answer().document())
        .contains("On 3 December 2026 I objected, under Article 21 of the GDPR")
        .contains("It has not answered within the month the law allows.")
        .contains("[Your name]");
    assertThat(commands(r)).containsExactly("/remind tiktok 20261203");
    assertThat(store.reminders(CHAT)).as("answered: deleted").isEmpty();
  }

  @Test
  void refused_inSwitzerland_inFrench_citesTheFadpAndTheFdpic() {
    assistant.reply(CHAT, "/lang fr");
    say("/region ch");
    say("/remind tiktok");
    clock.advance(Duration.ofDays(40));

    Reply r = say("/followup refused tiktok");

    assertThat(r.answer().lead())
        .contains("a refusé votre opposition du 3 décembre 2026")
        .contains("EDÖB");
    assertThat(r.answer().document())
        .contains("art. 30, al. 2, let. b LPD")
        .contains("Elle a refusé mon opposition.");
  }

  @Test
  void remindAgain_keepsTheDayOfTheObjection() {
    say("/remind tiktok");
    clock.advance(Duration.ofDays(31));
    say("/followup none tiktok");

    say("/remind tiktok 20261203");

    Reminder again = store.reminders(CHAT).get(0);
    assertThat(again.sentOn()).isEqualTo(LocalDate.parse("2026-12-03"));
    assertThat(again.dueOn()).isEqualTo(LocalDate.parse("2027-02-03"));
  }

  @Test
  void yesDone_marksTheChecklistDoneWithTheDates_andWhereWasIShowsThem() {
    say("/remind meta form");
    clock.advance(Duration.ofDays(31));

    Reply done = say("/followup done meta");

    assertThat(done.answer().lead())
        .contains("marked done on your checklist on 3 January 2027 (objection of 3 December 2026)");
    assertThat(store.checklist(CHAT))
        .containsExactly(
            new ChecklistItem(
                "meta",
                ChecklistStatus.DONE,
                LocalDate.parse("2027-01-03"),
                Optional.of(LocalDate.parse("2026-12-03"))));
    assertThat(store.reminders(CHAT)).isEmpty();
    assertThat(say("where was I?").answer().lead())
        .contains(
            "Meta (Facebook, Instagram): done on 3 January 2027 · objection sent on 3 December"
                + " 2026");
  }

  @Test
  void whereWasI_showsAWaitingReminderWithItsDay() {
    say("/remind tiktok");

    assertThat(say("/checklist").answer().lead())
        .contains("TikTok: objection sent on 3 December 2026 · reminder on 3 January 2027");
  }

  @Test
  void answeringAReminderTwice_saysItIsGone() {
    say("/remind tiktok");
    say("/followup done tiktok");

    assertThat(say("/followup none tiktok").answer().lead())
        .startsWith("I have no reminder about TikTok any more");
  }

  @Test
  void guide_offersToFollowThePlatform_andAFormsReminder_untilTaken() {
    Reply meta = say("How do I stop Meta using my photos?");

    assertThat(commands(meta)).containsExactly("/watch meta", "/remind meta form");
    assertThat(commands(say("How do I stop LinkedIn using my CV?")))
        .as("a setting has no form to wait for")
        .containsExactly("/watch linkedin");

    say("/watch meta");
    say("/remind meta form");
    assertThat(commands(say("How do I stop Meta using my photos?"))).isEmpty();
  }

  @Test
  void watch_listsAndStops_inFrench() {
    assistant.reply(CHAT, "/lang fr");
    assertThat(say("/watch linkedin").answer().lead())
        .startsWith("C'est noté : je vous préviendrai, une fois pour chacun, quand LinkedIn");
    say("/watch instagram");

    Reply list = say("/watch");
    assertThat(list.answer().title()).isEqualTo("Ce que vous suivez");
    assertThat(list.answer().lead())
        .contains("LinkedIn, depuis le 3 décembre 2026")
        .contains("Meta (Facebook, Instagram), depuis le 3 décembre 2026");

    assertThat(say("/watch off linkedin").answer().lead())
        .isEqualTo("C'est fait : plus d'alertes sur LinkedIn.");
    assertThat(store.watches(CHAT)).extracting(w -> w.platformId()).containsExactly("meta");
    assertThat(say("/watch off linkedin").answer().lead())
        .isEqualTo("Vous ne suiviez pas LinkedIn.");
  }

  @Test
  void watch_aServiceWithoutAGuide_isDeclined() {
    Reply r = say("/watch Duolingo");

    assertThat(r.answer().kind()).isEqualTo(AnswerKind.DECLINE);
    assertThat(store.watches(CHAT)).isEmpty();
  }

  @Test
  void dueNow_inTheTerminal_showsTheReminderOnce_andOnlyChangesAddedAfterFollowing() {
    KnowledgeCopy copy =
        KnowledgeCopy.of(temp)
            .addChange(
                "linkedin",
                "2025-09-18",
                "LinkedIn trains on EU members' data from 3 November 2025.",
                "LinkedIn entraîne son IA sur les données des membres de l'UE dès le 3 novembre"
                    + " 2025.",
                "2025-11-03");
    Assistant before = copy.pipeline().assistant(store, clock);
    before.reply("terminal", "/remind tiktok");
    before.reply("terminal", "/watch linkedin");
    copy.addChange(
        "linkedin",
        "2026-12-10",
        "LinkedIn now also trains on private messages.",
        "LinkedIn entraîne désormais aussi son IA sur les messages privés.",
        "2027-01-15");
    clock.advance(Duration.ofDays(31));
    Assistant after = copy.pipeline().assistant(store, clock);

    List<Reply> due = after.followUps().dueNow("terminal");

    assertThat(due)
        .extracting(r -> r.answer().title() + "|" + r.answer().lead())
        .satisfiesExactly(
            q -> assertThat(q).startsWith("|Did TikTok answer your objection of 3 December 2026?"),
            alert ->
                assertThat(alert)
                    .startsWith("LinkedIn changes its rules|LinkedIn now also trains on private")
                    .contains("What to do: Settings & Privacy")
                    .contains("Deadline: 15 January 2027.")
                    .contains("/watch off linkedin")
                    .doesNotContain("3 November 2025"));
    assertThat(after.followUps().dueNow("terminal")).as("each shown once").isEmpty();
  }

  @Test
  void alert_afterItsDeadline_saysActingStillCoversWhatComesNext() {
    KnowledgeCopy copy =
        KnowledgeCopy.of(temp)
            .addChange("meta", "2025-04-14", "Meta trains on EU posts.", "Meta entraîne.", "");
    copy.addChange(
        "tiktok", "2025-05-01", "TikTok trains on videos.", "TikTok entraîne.", "2025-05-27");
    FollowUps f = copy.pipeline().assistant(store, clock).followUps();

    Reply tiktok = f.alert("tiktok", "2025-05-01", Language.EN).orElseThrow();

    assertThat(tiktok.answer().lead())
        .contains("The deadline was 27 May 2025: acting now still covers what comes next.")
        .contains("TikTok has no setting for it: object in writing, /letter tiktok");
    assertThat(tiktok.choices())
        .extracting(o -> o.choice().command())
        .containsExactly("/start tiktok", "/letter tiktok", "/watch off tiktok");
    assertThat(f.alert("meta", "2099-01-01", Language.EN)).as("no such change").isEmpty();
  }

  @Test
  void myData_showsRemindersAndWatches_andForgetErasesThem(@TempDir Path data) {
    try (ChatStore sqlite = new SqliteChatStore(data, clock)) {
      Assistant a = PIPELINE.assistant(sqlite, clock);
      a.reply(CHAT, "/remind tiktok");
      a.reply(CHAT, "/watch linkedin");

      String shown = a.reply(CHAT, "/mydata").answer().lead();

      assertThat(shown)
          .contains("Reminders:")
          .contains("TikTok: objection of 2026-12-03, reminder on 2027-01-03 (waiting for its day)")
          .contains("Platforms you follow (at most 13 months):")
          .contains("LinkedIn, since 2026-12-03")
          .contains("your chat's number, encrypted");

      a.reply(CHAT, "/forget");

      assertThat(sqlite.reminders(CHAT)).isEmpty();
      assertThat(sqlite.watches(CHAT)).isEmpty();
      assertThat(a.reply(CHAT, "/mydata").answer().lead()).contains("Nothing:");
    }
  }

  @Test
  void unreachable_deletesTheChatsRemindersAndWatches() {
    say("/remind tiktok");
    say("/watch linkedin");

    assistant.followUps().unreachable(CHAT);

    assertThat(store.reminders(CHAT)).isEmpty();
    assertThat(store.watches(CHAT)).isEmpty();
  }
}
