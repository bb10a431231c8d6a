package ch.optout.telegram;

import ch.optout.answer.Messages;
import ch.optout.chat.Assistant;
import ch.optout.store.Threads;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * What a {@link TelegramBot} is made of, wired here once: the sender and its threads, the handler
 * of updates (through the outbox for a leader), the dispatcher, the poller and the feed of
 * reminders and alerts.
 */
final class BotParts {
  private static final int SEND_THREADS = 4;

  /** The updates the bot asks Telegram for. */
  static final List<String> ALLOWED_UPDATES =
      List.of("message", "edited_message", "callback_query", "inline_query", "my_chat_member");

  final ScheduledExecutorService sendScheduler;
  final Sender sender;
  final Optional<DurableHandler> durable;
  final ScheduledExecutorService followUpExecutor;
  final Optional<FollowUpSender> followUps;

  /** Without an outbox: which updates may be confirmed to Telegram, their replies having left. */
  final Confirmations confirmations;

  final UpdateDispatcher dispatcher;
  final ScheduledExecutorService pollExecutor;

  /** The library's long polling, without an outbox; a leader polls with its own loop. */
  final Optional<TelegramBotsLongPollingApplication> polling;

  final Optional<LeaderPoller> leaderPoller;

  BotParts(
      TelegramBot.Builder b,
      BotHttp http,
      TelegramClient client,
      Incoming.Bot me,
      TelegramUrl url,
      Clock clock) {
    Limits limits = b.limits;
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    ChatRef chats = new ChatRef(salt);
    ScheduledThreadPoolExecutor scheduler =
        new ScheduledThreadPoolExecutor(SEND_THREADS, Threads.named("optout-tg-send"));
    scheduler.setRemoveOnCancelPolicy(true);
    this.sendScheduler = scheduler;
    EarlierReplies earlier = new EarlierReplies();
    Pacer pacer = new Pacer(clock, limits.perChat(), limits.global());
    this.sender = new Sender(client, sendScheduler, pacer, limits, clock, chats, b.counts, earlier);
    Function<Replies, UpdateDispatcher.Handler> handlers =
        replies ->
            new UpdateHandler(
                b.assistant,
                b.messages,
                new TelegramRenderer(b.messages),
                new Keyboards(b.messages),
                replies,
                me,
                chats,
                b.admins,
                b.counts,
                earlier);
    this.durable =
        b.shared.map(
            s ->
                new DurableHandler(
                    sender,
                    new Outbox(s.relay(), s.leader(), s.replica(), b.counts),
                    s.leader(),
                    handlers));
    ScheduledThreadPoolExecutor followUpThread =
        new ScheduledThreadPoolExecutor(1, Threads.named("optout-tg-followups"));
    // at close, the next look for what fell due is cancelled; a claim under way ends
    followUpThread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.followUpExecutor = followUpThread;
    this.followUps = b.followThrough.map(f -> followUpSender(b, f, pacer));
    this.confirmations = new Confirmations(clock);
    UpdateDispatcher.Handler handler =
        durable.isPresent()
            ? durable.get()
            : handlers.apply(new ConfirmedReplies(sender, confirmations));
    this.dispatcher = dispatcher(handler, limits, clock);
    this.pollExecutor = Executors.newSingleThreadScheduledExecutor(Threads.named("optout-tg-poll"));
    this.polling =
        b.shared.isPresent()
            ? Optional.empty()
            : Optional.of(
                new TelegramBotsLongPollingApplication(
                    ObjectMapper::new,
                    () -> http.poll,
                    () -> pollExecutor,
                    () -> new PollBackOff(limits.pollBackOff())));
    this.leaderPoller =
        b.shared.map(
            s ->
                new LeaderPoller(
                    new OkHttpTelegramClient(http.poll, b.token.value(), url),
                    s.relay(),
                    new OutgoingJson(),
                    dispatcher,
                    s.leader(),
                    limits,
                    ALLOWED_UPDATES));
  }

  private UpdateDispatcher dispatcher(
      UpdateDispatcher.Handler handler, Limits limits, Clock clock) {
    int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    // questions may wait for a language model: commands and taps have threads of their own
    ExecutorService quickPool =
        Executors.newFixedThreadPool(threads, Threads.named("optout-tg-chat"));
    ExecutorService questionPool =
        Executors.newFixedThreadPool(threads * 2, Threads.named("optout-tg-question"));
    return new UpdateDispatcher(
        new ChatLanes(quickPool, questionPool, clock), handler, limits, clock, confirmations);
  }

  /** Reminders and alerts, claimed into the outbox and sent behind answers, by the leader only. */
  private FollowUpSender followUpSender(
      TelegramBot.Builder b, TelegramBot.FollowThrough f, Pacer pacer) {
    BooleanSupplier leads = b.shared.map(TelegramBot.Shared::leader).orElse(() -> true);
    String replica = b.shared.map(TelegramBot.Shared::replica).orElse("local");
    Messages messages = b.messages;
    Assistant assistant = b.assistant;
    return new FollowUpSender(
        assistant.followUps(),
        f.queue(),
        new Outbox(f.outbox(), leads, replica, b.counts),
        new BulkFeed(sender, pacer, sendScheduler, b.limits.global()),
        new TelegramRenderer(messages),
        new Keyboards(messages),
        leads,
        f.clock(),
        followUpExecutor);
  }
}
