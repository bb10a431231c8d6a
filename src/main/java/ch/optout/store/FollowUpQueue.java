package ch.optout.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What falls due for the channel that sends it (the Telegram leader): reminders whose day has come
 * and changes the followers of a platform have not been told. Claiming one and queueing its message
 * in the {@link Relay}'s outbox happen in one transaction, so two replicas that both see it due
 * never both queue it; the outbox then sends it as it sends replies, across restarts and a change
 * of leader. Follow-up messages sit in the outbox under negative update ids.
 */
public interface FollowUpQueue {
  /** A reminder due, with the chat id it goes to (opened from its sealed address). */
  record DueReminder(String chatId, Reminder reminder) {
    public DueReminder {
      Objects.requireNonNull(chatId, "chatId");
      Objects.requireNonNull(reminder, "reminder");
    }
  }

  /** A chat following a platform that has not been told of a change. */
  record Follower(String chatId, String platformId, String language) {
    public Follower {
      Objects.requireNonNull(chatId, "chatId");
      Tokens.check(platformId, "platformId");
      Tokens.check(language, "language");
    }
  }

  /** A message decided for one chat, to be claimed and queued together. */
  sealed interface Claim {
    String chatId();

    /** The Bot API calls, as the outbox keeps them, in order. */
    List<String> bodies();
  }

  /** The reminder's question: claimed by moving the reminder from waiting to asked. */
  record ReminderClaim(String chatId, String subject, LocalDate dueOn, List<String> bodies)
      implements Claim {
    public ReminderClaim {
      Objects.requireNonNull(chatId, "chatId");
      Tokens.check(subject, "subject");
      Objects.requireNonNull(dueOn, "dueOn");
      bodies = List.copyOf(bodies);
    }
  }

  /** A change told to a follower: claimed by recording that the watch has seen it. */
  record AlertClaim(String chatId, String platformId, String changeId, List<String> bodies)
      implements Claim {
    public AlertClaim {
      Objects.requireNonNull(chatId, "chatId");
      Tokens.check(platformId, "platformId");
      Tokens.check(changeId, "changeId");
      bodies = List.copyOf(bodies);
    }
  }

  /** A claim won: its messages are in the outbox under {@code updateId}, seq 0, 1… */
  record Queued(Claim claim, long updateId) {}

  /**
   * Reminders waiting whose day is {@code dueBy} or earlier, oldest day first.
   *
   * @param channel only the chats reached through this channel ("telegram")
   */
  List<DueReminder> dueReminders(String channel, LocalDate dueBy, int limit);

  /** Chats of the channel following the platform that have not seen the change. */
  List<Follower> followers(String channel, String platformId, String changeId, int limit);

  /**
   * Claims each message and queues it in the outbox, in one transaction.
   *
   * @return the claims won, in order; one already won (by another replica, or before) is left out
   */
  List<Queued> queue(List<? extends Claim> claims);

  /** The chat cannot be reached (it blocked the bot): its reminders and watches go. */
  void unreachable(String chatId);
}
