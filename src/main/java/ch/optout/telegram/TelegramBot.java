package ch.optout.telegram;

import ch.optout.answer.Messages;
import ch.optout.chat.Assistant;
import ch.optout.store.FollowUpQueue;
import ch.optout.store.Relay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * OptOut on Telegram: long polling with the telegrambots library, updates handed to {@link
 * ChatLanes} (chats in parallel, each in order), replies through the {@link Sender} (paced,
 * retried). Every thread is a named daemon; {@link #close()} stops polling, finishes the replies
 * under way within a bounded wait, and confirms to Telegram only the updates whose replies left:
 * nothing is answered twice after a restart, and an update whose reply could not leave in time
 * comes back instead of being lost ({@link Confirmations}).
 *
 * <p>As the leader of replicas sharing PostgreSQL ({@link Builder#shared}), it polls with its own
 * loop ({@link LeaderPoller}) into the inbox, and replies go through the outbox ({@link
 * DurableHandler}); {@link #close()} then ends the sends under way and leaves the rest to the next
 * leader.
 */
public final class TelegramBot implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TelegramBot.class);

  private final Limits limits;
  private final Clock clock;
  private final TelegramUrl url;
  private final BotToken token;
  private final BotHttp http;
  private final TelegramClient client;
  private final Incoming.Bot me;
  private final BotProfile profile;
  private final BotParts parts;
  private final PollOffsets offsets;
  private final Optional<Shared> shared;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * How a replica that holds the leader lock works with the others: updates through the inbox,
   * replies through the outbox.
   *
   * @param leader whether this replica still holds the lock; polling and sending stop when not
   * @param replica this replica's name, recorded with each send attempt and in the User-Agent
   */
  public record Shared(Relay relay, BooleanSupplier leader, String replica) {
    public Shared {
      Objects.requireNonNull(relay, "relay");
      Objects.requireNonNull(leader, "leader");
      Objects.requireNonNull(replica, "replica");
    }
  }

  /**
   * Where reminders and alerts come from and go: the store's queue of what falls due, and the
   * outbox they are claimed into and sent from.
   *
   * @param clock "now" for what falls due (moved by OPTOUT_CLOCK_OFFSET)
   */
  public record FollowThrough(FollowUpQueue queue, Relay outbox, Clock clock) {
    public FollowThrough {
      Objects.requireNonNull(queue, "queue");
      Objects.requireNonNull(outbox, "outbox");
      Objects.requireNonNull(clock, "clock");
    }
  }

  /**
   * Connects to the Bot API, registers the commands and starts polling, once {@link Builder#start}
   * is called.
   */
  public static Builder builder(
      Assistant assistant, Messages messages, BotToken token, TelegramUrl url) {
    return new Builder(assistant, messages, token, url);
  }

  /** What a bot is built from; all but the first four have defaults. */
  public static final class Builder {
    final Assistant assistant;
    final Messages messages;
    final BotToken token;
    final TelegramUrl url;
    Limits limits = Limits.TELEGRAM;
    Clock clock = Clock.systemUTC();
    AdminIds admins = AdminIds.NONE;
    TelegramCounts counts = new TelegramCounts();
    Optional<Shared> shared = Optional.empty();
    Optional<FollowThrough> followThrough = Optional.empty();

    private Builder(Assistant assistant, Messages messages, BotToken token, TelegramUrl url) {
      this.assistant = Objects.requireNonNull(assistant, "assistant");
      this.messages = Objects.requireNonNull(messages, "messages");
      this.token = Objects.requireNonNull(token, "token");
      this.url = Objects.requireNonNull(url, "url");
    }

    /** The users allowed the admin commands (/stats); none by default. */
    public Builder admins(AdminIds admins) {
      this.admins = Objects.requireNonNull(admins, "admins");
      return this;
    }

    /** Where the bot counts its answers and sends, for metrics. */
    public Builder counts(TelegramCounts counts) {
      this.counts = Objects.requireNonNull(counts, "counts");
      return this;
    }

    /**
     * Makes the bot the leader of replicas sharing one database: it finishes the replies and
     * updates its predecessor left, then polls into the inbox.
     */
    public Builder shared(Shared shared) {
      this.shared = Optional.of(shared);
      return this;
    }

    /** Where the reminders and alerts this bot sends come from. */
    public Builder followThrough(FollowThrough followThrough) {
      this.followThrough = Optional.of(followThrough);
      return this;
    }

    Builder limits(Limits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** "Now" for pacing, flood control and timeouts; the system's by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * @throws TelegramStartException when the API cannot be reached or refuses the token
     */
    public TelegramBot start() {
      BotHttp http = new BotHttp(limits, shared.map(Shared::replica), clock, messages);
      TelegramBot bot;
      try {
        TelegramClient client = new OkHttpTelegramClient(http.send, token.value(), url);
        bot = new TelegramBot(this, http, client, BotProfile.whoAmI(client, url, limits));
      } catch (RuntimeException e) {
        http.close();
        throw e;
      }
      try {
        bot.begin();
        return bot;
      } catch (RuntimeException e) {
        bot.close();
        throw e;
      }
    }
  }

  private TelegramBot(Builder b, BotHttp http, TelegramClient client, Incoming.Bot me) {
    this.limits = b.limits;
    this.shared = b.shared;
    this.clock = b.clock;
    this.url = b.url;
    this.token = b.token;
    this.http = http;
    this.client = client;
    this.me = me;
    this.profile = new BotProfile(client, b.messages, limits);
    this.parts = new BotParts(b, http, client, me, url, clock);
    this.offsets = new PollOffsets(client, limits, parts.confirmations);
    LOG.debug("bot {} built for {}", token, ApiUrl.describe(url));
  }

  /**
   * Whether the bot still polls Telegram: started, not closed, and not stopped by Telegram (a
   * revoked token, another process polling).
   */
  public boolean polling() {
    return !closed.get()
        && !http.watch.fatal().isDone()
        && parts.leaderPoller.map(LeaderPoller::running).orElse(true);
  }

  /**
   * Completes when Telegram makes going on pointless — the token refused, or another process
   * polling the bot for a minute — with a message for the operator. The bot must then be closed.
   */
  public java.util.concurrent.CompletionStage<String> failure() {
    return http.watch.fatal().minimalCompletionStage();
  }

  /** The bot's @username, without the @. */
  public String username() {
    return me.username();
  }

  private void begin() {
    if (shared.isPresent()) {
      LeaderTakeover.run(shared.get(), client, limits, url, parts, me);
      parts.followUps.ifPresent(FollowUpSender::start);
      // the menu and descriptions can wait: a takeover answers first
      parts.sendScheduler.execute(profile::register);
      return;
    }
    profile.register();
    try {
      // deleteWebhook, then getUpdates in a loop on the poll thread
      parts
          .polling
          .orElseThrow()
          .registerBot(token.value(), () -> url, offsets::nextPoll, parts.dispatcher);
    } catch (TelegramApiException e) {
      throw TelegramStartException.cannotPoll(url, e);
    }
    LOG.info("Telegram bot @{} is polling {}", me.username(), ApiUrl.describe(url));
    parts.followUps.ifPresent(FollowUpSender::start);
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    http.quiet.closing();
    parts.leaderPoller.ifPresent(LeaderPoller::stop);
    parts.followUps.ifPresent(FollowUpSender::stop);
    parts.followUpExecutor.shutdown();
    try {
      if (parts.polling.isPresent()) {
        parts.polling.get().close();
      } else {
        // the long poll under way: nothing it brings back would be saved now
        http.poll.dispatcher().cancelAll();
      }
    } catch (Exception e) {
      LOG.debug("stopping the poller", e);
    }
    try {
      if (!parts.followUpExecutor.awaitTermination(
          limits.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("a claim of reminders and alerts was still under way at shutdown");
      }
      Instant begun = clock.instant();
      Instant deadline = begun.plus(limits.drainTimeout());
      parts.dispatcher.stop(limits.drainTimeout());
      Instant handled = clock.instant();
      if (shared.isPresent()) {
        // the outbox keeps what is queued, and the next leader sends it at once: waiting here
        // would only delay it. Sends under way end first, so that none is made twice.
        parts.sender.stopStarting();
        if (!parts.sender.awaitQuiet(limits.requestTimeout())) {
          LOG.error("a send was still under way at shutdown: its reply may arrive twice");
        }
        LOG.info(
            "stopping: updates under way handled in {} ms, sends under way ended in {} ms",
            Duration.between(begun, handled).toMillis(),
            Duration.between(handled, clock.instant()).toMillis());
      } else {
        Duration left = Duration.between(handled, deadline);
        if (!parts.sender.drain(left.isNegative() ? Duration.ZERO : left)) {
          LOG.warn(
              "{} replies could not be sent before shutdown: their updates are not confirmed, so"
                  + " Telegram sends them again at the next start",
              parts.sender.pending());
        }
        int done = parts.confirmations.confirmable();
        if (done > 0) {
          offsets.confirm(done);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warn("shutdown interrupted: replies under way may be lost");
    } finally {
      parts.followUpExecutor.shutdownNow();
      parts.sendScheduler.shutdownNow();
      parts.pollExecutor.shutdownNow();
      http.close();
    }
    LOG.info("Telegram bot @{} stopped", me.username());
  }

  @Override
  public String toString() {
    return "TelegramBot[@" + me.username() + " " + ApiUrl.describe(url) + "]";
  }

  /** Waits for the poll thread to end after close(); for tests. */
  boolean awaitPollerStopped(Duration timeout) throws InterruptedException {
    return parts.pollExecutor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Waits until a leader's poll loop has ended (the lock lost, or closed); for tests. The loop
   * holds the one poll thread while it runs, so a task queued behind it runs once it has ended.
   */
  boolean awaitLeaderPollEnded(Duration timeout) throws InterruptedException {
    return afterTasksOf(parts.pollExecutor, timeout);
  }

  /**
   * Waits until the look for reminders and alerts under way has ended, the one started with the bot
   * included: what it claimed is in the outbox and handed to the sender; for tests. Looks run in
   * turn on the one follow-up thread, so a task queued now runs once this one has ended, and before
   * the next look (due a second or a minute later).
   */
  boolean awaitFollowUpLook(Duration timeout) throws InterruptedException {
    return afterTasksOf(parts.followUpExecutor, timeout);
  }

  private static boolean afterTasksOf(ExecutorService oneThread, Duration timeout)
      throws InterruptedException {
    try {
      oneThread.submit(() -> {}).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException | ExecutionException | RejectedExecutionException e) {
      return false;
    }
  }
}
