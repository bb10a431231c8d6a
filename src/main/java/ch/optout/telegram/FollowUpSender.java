package ch.optout.telegram;

import ch.optout.chat.FollowUps;
import ch.optout.chat.Reply;
import ch.optout.knowledge.Language;
import ch.optout.store.FollowUpQueue;
import ch.optout.store.Relay;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * The leader's follow-ups: reminders whose day has come and changes of followed platforms not yet
 * told. It looks at start and then every minute; each message is claimed and put in the outbox in
 * one transaction ({@link FollowUpQueue}), so that a replica that leads later neither loses it nor
 * sends it again, then goes out through the {@link BulkFeed} behind every answer. It claims more
 * only as the feed empties, so that what waits in memory stays small.
 */
final class FollowUpSender {
  private static final Logger LOG = LoggerFactory.getLogger(FollowUpSender.class);

  /** How often to look for what fell due when nothing is left to send. */
  static final Duration PERIOD = Duration.ofMinutes(1);

  /** How often to look again while the feed drains. */
  private static final Duration SOON = Duration.ofSeconds(1);

  /** Claims made at once, and the feed's level below which more are claimed. */
  static final int BATCH = 100;

  private final FollowUps followUps;
  private final FollowUpQueue queue;
  private final Outbox outbox;
  private final BulkFeed feed;
  private final TelegramRenderer renderer;
  private final Keyboards keyboards;
  private final BooleanSupplier leader;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final OutgoingJson json = new OutgoingJson();
  private volatile boolean stopped;

  /**
   * @param clock "now" for what falls due: the operator's, moved by OPTOUT_CLOCK_OFFSET
   * @param scheduler a thread of its own, so that claiming never holds a sending thread
   */
  FollowUpSender(
      FollowUps followUps,
      FollowUpQueue queue,
      Outbox outbox,
      BulkFeed feed,
      TelegramRenderer renderer,
      Keyboards keyboards,
      BooleanSupplier leader,
      Clock clock,
      ScheduledExecutorService scheduler) {
    this.followUps = followUps;
    this.queue = queue;
    this.outbox = outbox;
    this.feed = feed;
    this.renderer = renderer;
    this.keyboards = keyboards;
    this.leader = leader;
    this.clock = clock;
    this.scheduler = scheduler;
  }

  /** Sends what an earlier run or leader left in the outbox, then looks for what fell due. */
  void start() {
    try {
      scheduler.execute(
          () -> {
            resume();
            run();
          });
    } catch (RejectedExecutionException e) {
      LOG.debug("follow-ups not started: shutting down");
    }
  }

  /** Claims nothing more and hands nothing more to the sender. */
  void stop() {
    stopped = true;
    feed.stop();
  }

  /** Follow-ups queued and not sent: they were claimed by a leader that stopped or died. */
  private void resume() {
    try {
      List<Relay.Pending> left =
          outbox.relay().unsent().stream().filter(p -> p.updateId() < 0).toList();
      if (!left.isEmpty()) {
        LOG.info("{} reminders and alerts claimed before and not sent: sending them", left.size());
      }
      for (Relay.Pending p : left) {
        try {
          Outgoing call = json.read(p.body());
          feed.add(call, delivery(p.updateId(), p.seq(), call.chatId()));
        } catch (IllegalArgumentException e) {
          LOG.error("a follow-up in the outbox cannot be read ({}); dropped", e.getMessage());
          outbox.done(p.updateId(), p.seq(), "unreadable");
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("cannot read the follow-ups left in the outbox ({}); next time", e.getMessage());
    }
  }

  private void run() {
    if (stopped) {
      return;
    }
    boolean more = false;
    if (leader.getAsBoolean()) {
      try {
        more = claim();
      } catch (RuntimeException e) {
        LOG.warn("reminders and alerts could not be claimed ({}); next time", e.getMessage());
      }
    }
    try {
      scheduler.schedule(this::run, (more ? SOON : PERIOD).toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      LOG.debug("follow-ups stopped: shutting down");
    }
  }

  /**
   * Claims what falls due while the feed has room.
   *
   * @return whether more may be left
   */
  boolean claim() {
    while (!stopped && leader.getAsBoolean()) {
      if (feed.waiting() >= BATCH) {
        return true;
      }
      int won = claimReminders();
      if (won < 0) {
        won = claimAlerts();
      }
      if (won < 0) {
        return false;
      }
      if (won == 0) {
        // all taken meanwhile (a /forget, a /watch off): look again in a minute rather than spin
        return false;
      }
    }
    return false;
  }

  /**
   * @return the claims won, or -1 when no reminder is due
   */
  private int claimReminders() {
    List<FollowUpQueue.DueReminder> due =
        queue.dueReminders(FollowUps.TELEGRAM, LocalDate.now(clock), BATCH);
    if (due.isEmpty()) {
      return -1;
    }
    List<FollowUpQueue.Claim> claims = new ArrayList<>();
    for (FollowUpQueue.DueReminder d : due) {
      bodies(d.chatId(), followUps.question(d.reminder()))
          .ifPresent(
              b ->
                  claims.add(
                      new FollowUpQueue.ReminderClaim(
                          d.chatId(), d.reminder().subject(), d.reminder().dueOn(), b)));
    }
    return send(claims);
  }

  /**
   * @return the claims won, or -1 when every follower knows every change
   */
  private int claimAlerts() {
    for (FollowUps.Known change : followUps.changes()) {
      List<FollowUpQueue.Follower> followers =
          queue.followers(FollowUps.TELEGRAM, change.platformId(), change.changeId(), BATCH);
      if (followers.isEmpty()) {
        continue;
      }
      // one alert per language, rendered once for all the followers who read it
      Map<String, Optional<Reply>> alerts = new HashMap<>();
      List<FollowUpQueue.Claim> claims = new ArrayList<>();
      for (FollowUpQueue.Follower f : followers) {
        Optional<Reply> alert =
            alerts.computeIfAbsent(
                f.language(),
                code ->
                    followUps.alert(
                        change.platformId(),
                        change.changeId(),
                        Language.fromCode(code).orElse(Language.fallback())));
        alert
            .flatMap(a -> bodies(f.chatId(), a))
            .ifPresent(
                b ->
                    claims.add(
                        new FollowUpQueue.AlertClaim(
                            f.chatId(), change.platformId(), change.changeId(), b)));
      }
      return send(claims);
    }
    return -1;
  }

  /** Claims and queues, then hands what was won to the feed. */
  private int send(List<FollowUpQueue.Claim> claims) {
    List<FollowUpQueue.Queued> won = queue.queue(claims);
    for (FollowUpQueue.Queued q : won) {
      List<String> bodies = q.claim().bodies();
      for (int seq = 0; seq < bodies.size(); seq++) {
        Outgoing call = json.read(bodies.get(seq));
        feed.add(call, delivery(q.updateId(), seq, call.chatId()));
      }
    }
    if (!won.isEmpty()) {
      LOG.info("{} reminders and alerts queued", won.size());
    }
    return won.size();
  }

  /** An outbox row whose 403 ends the chat's reminders and watches. */
  private Delivery delivery(long updateId, int seq, long chatId) {
    return outbox.row(
        updateId,
        seq,
        outcome -> {
          if (outcome.equals(Sender.BLOCKED)) {
            try {
              queue.unreachable(ChatRef.assistantKey(chatId));
              LOG.info("a chat blocked the bot: its reminders and watches are deleted");
            } catch (RuntimeException e) {
              LOG.warn("could not delete a blocked chat's follow-ups ({})", e.getMessage());
            }
          }
        });
  }

  /** The Bot API calls of a reply to a Telegram chat, as the outbox keeps them. */
  private Optional<List<String>> bodies(String chatKey, Reply reply) {
    Optional<Long> chat = ChatRef.telegramChat(chatKey);
    if (chat.isEmpty()) {
      return Optional.empty();
    }
    List<String> chunks = renderer.render(reply.answer());
    if (chunks.isEmpty()) {
      return Optional.empty();
    }
    Optional<InlineKeyboardMarkup> keyboard =
        keyboards.withChoices(reply.answer().language(), reply.choices(), Optional.empty());
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < chunks.size(); i++) {
      boolean last = i == chunks.size() - 1;
      bodies.add(
          json.write(
              new Outgoing.Text(
                  chat.get(),
                  Optional.empty(),
                  chunks.get(i),
                  true,
                  last ? keyboard : Optional.empty(),
                  Optional.empty())));
    }
    return Optional.of(bodies);
  }
}
