package ch.optout.telegram;

import ch.optout.answer.Messages;
import ch.optout.chat.Assistant;
import ch.optout.knowledge.Language;
import ch.optout.store.FollowUpQueue;
import ch.optout.store.Relay;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.description.SetMyDescription;
import org.telegram.telegrambots.meta.api.methods.description.SetMyShortDescription;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeDefault;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * OptOut on Telegram: long polling with the telegrambots library, updates handed to {@link
 * ChatLanes} (chats in parallel, each in order), replies through the {@link Sender} (paced,
 * retried). Every thread is a named daemon; {@link #close()} stops polling, finishes the replies
 * under way within a bounded wait, and confirms to Telegram only the updates whose replies left:
 * nothing is answered twice after a restart, and an update whose reply could not leave in time
 * comes back instead of being lost ({@link Confirmations}).
 *
 * <p>As the leader of replicas sharing PostgreSQL ({@link #startLeader}), it polls with its own
 * loop ({@link LeaderPoller}) into the inbox, and replies go through the outbox ({@link
 * DurableHandler}); {@link #close()} then ends the sends under way and leaves the rest to the next
 * leader.
 */
public final class TelegramBot implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TelegramBot.class);

  /** The smaller menu of groups: what makes sense in front of others. */
  static final List<String> GROUP_COMMANDS =
      List.of("help", "platforms", "lang", "mydata", "forget");

  /** The commands shown in Telegram's menu, in this order; descriptions from the bundles. */
  static final List<String> COMMANDS =
      List.of(
          "start",
          "help",
          "platforms",
          "lang",
          "about",
          "checklist",
          "letter",
          "region",
          "watch",
          "mydata",
          "forget");

  private static final int SEND_THREADS = 4;

  /**
   * A shutdown waits no longer than this to confirm the last updates: a restart at worst answers
   * them twice.
   */
  private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(3);

  /**
   * How long a poll waits for the oldest update under way to be done with before asking again:
   * those are not confirmed yet, so Telegram sends them back at once.
   */
  private static final Duration POLL_PAUSE = Duration.ofMillis(250);

  private final Limits limits;
  private final Clock clock;
  private final TelegramUrl url;
  private final Http http;
  private final TelegramClient client;
  private final Incoming.Bot me;
  private final ScheduledExecutorService sendScheduler;
  private final Sender sender;
  private final UpdateDispatcher dispatcher;
  private final ScheduledExecutorService pollExecutor;
  private final TelegramBotsLongPollingApplication polling;
  private final Optional<Shared> shared;
  private final Optional<DurableHandler> durable;
  private final Optional<LeaderPoller> leaderPoller;
  private final Optional<FollowUpSender> followUps;
  private final ScheduledExecutorService followUpExecutor;
  private final AtomicBoolean closed = new AtomicBoolean();

  /** Without an outbox: which updates may be confirmed to Telegram, their replies having left. */
  private final Confirmations confirmations;

  /** What the last getUpdates confirmed; only the poll thread reads and writes it. */
  private int polledUpTo;

  /** The updates the bot asks Telegram for. */
  private static final List<String> ALLOWED_UPDATES =
      List.of("message", "edited_message", "callback_query", "inline_query", "my_chat_member");

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
   * Connects to the Bot API, registers the commands and starts polling.
   *
   * @throws TelegramStartException when the API cannot be reached or refuses the token
   */
  public static TelegramBot start(
      Assistant assistant, Messages messages, BotToken token, TelegramUrl url) {
    return start(assistant, messages, token, url, AdminIds.NONE);
  }

  /**
   * @param admins the users allowed the admin commands (/stats)
   */
  public static TelegramBot start(
      Assistant assistant, Messages messages, BotToken token, TelegramUrl url, AdminIds admins) {
    return start(assistant, messages, token, url, Limits.TELEGRAM, Clock.systemUTC(), admins);
  }

  /**
   * @param counts where the bot counts its answers and sends, for metrics
   */
  public static TelegramBot start(
      Assistant assistant,
      Messages messages,
      BotToken token,
      TelegramUrl url,
      AdminIds admins,
      TelegramCounts counts) {
    return start(
        assistant,
        messages,
        token,
        url,
        Limits.TELEGRAM,
        Clock.systemUTC(),
        admins,
        counts,
        Optional.empty());
  }

  /**
   * @param followThrough where the reminders and alerts this bot sends come from
   */
  public static TelegramBot start(
      Assistant assistant,
      Messages messages,
      BotToken token,
      TelegramUrl url,
      AdminIds admins,
      TelegramCounts counts,
      FollowThrough followThrough) {
    return start(
        assistant,
        messages,
        token,
        url,
        Limits.TELEGRAM,
        Clock.systemUTC(),
        admins,
        counts,
        Optional.empty(),
        Optional.of(followThrough));
  }

  /**
   * Starts the leader of replicas sharing one database: it finishes the replies and updates its
   * predecessor left, then polls into the inbox.
   */
  public static TelegramBot startLeader(
      Assistant assistant,
      Messages messages,
      BotToken token,
      TelegramUrl url,
      AdminIds admins,
      TelegramCounts counts,
      Shared shared) {
    return start(
        assistant,
        messages,
        token,
        url,
        Limits.TELEGRAM,
        Clock.systemUTC(),
        admins,
        counts,
        Optional.of(shared));
  }

  /**
   * @param followThrough where the reminders and alerts the leader sends come from
   */
  public static TelegramBot startLeader(
      Assistant assistant,
      Messages messages,
      BotToken token,
      TelegramUrl url,
      AdminIds admins,
      TelegramCounts counts,
      Shared shared,
      FollowThrough followThrough) {
    return start(
        assistant,
        messages,
        token,
        url,
        Limits.TELEGRAM,
        Clock.systemUTC(),
        admins,
        counts,
        Optional.of(shared),
        Optional.of(followThrough));
  }

  static TelegramBot start(
      Assistant assistant,
      Messages messages,
      BotToken token,
      TelegramUrl url,
      Limits limits,
      Clock clock) {
    return start(assistant, messages, token, url, limits, clock, AdminIds.NONE);
  }

  static TelegramBot start(
      Assistant assistant,
      Messages messages,
      BotToken token,
      TelegramUrl url,
      Limits limits,
      Clock clock,
      AdminIds admins) {
    return start(
        assistant,
        messages,
        token,
        url,
        limits,
        clock,
        admins,
        new TelegramCounts(),
        Optional.empty());
  }

  static TelegramBot start(
      Assistant assistant,
      Messages messages,
      BotToken token,
      TelegramUrl url,
      Limits limits,
      Clock clock,
      AdminIds admins,
      TelegramCounts counts,
      Optional<Shared> shared) {
    return start(
        assistant, messages, token, url, limits, clock, admins, counts, shared, Optional.empty());
  }

  static TelegramBot start(
      Assistant assistant,
      Messages messages,
      BotToken token,
      TelegramUrl url,
      Limits limits,
      Clock clock,
      AdminIds admins,
      TelegramCounts counts,
      Optional<Shared> shared,
      Optional<FollowThrough> followThrough) {
    Http http = new Http(limits, shared.map(Shared::replica), clock);
    TelegramBot bot;
    try {
      TelegramClient client = new OkHttpTelegramClient(http.send, token.value(), url);
      bot =
          new TelegramBot(
              assistant,
              messages,
              token,
              url,
              limits,
              clock,
              http,
              client,
              whoAmI(client, url, limits),
              admins,
              counts,
              shared,
              followThrough);
    } catch (RuntimeException e) {
      http.close();
      throw e;
    }
    try {
      bot.begin(messages, token);
      return bot;
    } catch (RuntimeException e) {
      bot.close();
      throw e;
    }
  }

  private TelegramBot(
      Assistant assistant,
      Messages messages,
      BotToken token,
      TelegramUrl url,
      Limits limits,
      Clock clock,
      Http http,
      TelegramClient client,
      Incoming.Bot me,
      AdminIds admins,
      TelegramCounts counts,
      Optional<Shared> shared,
      Optional<FollowThrough> followThrough) {
    this.limits = limits;
    this.shared = shared;
    this.clock = clock;
    this.url = url;
    this.http = http;
    this.client = client;
    this.me = me;
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    ChatRef chats = new ChatRef(salt);
    ScheduledThreadPoolExecutor scheduler =
        new ScheduledThreadPoolExecutor(SEND_THREADS, new Threads("optout-tg-send"));
    scheduler.setRemoveOnCancelPolicy(true);
    this.sendScheduler = scheduler;
    EarlierReplies earlier = new EarlierReplies();
    Pacer pacer = new Pacer(clock, limits.perChat(), limits.global());
    this.sender = new Sender(client, sendScheduler, pacer, limits, clock, chats, counts, earlier);
    Function<Replies, UpdateDispatcher.Handler> handlers =
        replies ->
            new UpdateHandler(
                assistant,
                messages,
                new TelegramRenderer(messages),
                new Keyboards(messages),
                replies,
                me,
                chats,
                admins,
                counts,
                earlier);
    this.durable =
        shared.map(
            s ->
                new DurableHandler(
                    sender,
                    new Outbox(s.relay(), s.leader(), s.replica(), counts),
                    s.leader(),
                    handlers));
    BooleanSupplier leads = shared.map(Shared::leader).orElse(() -> true);
    String replica = shared.map(Shared::replica).orElse("local");
    ScheduledThreadPoolExecutor followUpThread =
        new ScheduledThreadPoolExecutor(1, new Threads("optout-tg-followups"));
    // at close, the next look for what fell due is cancelled; a claim under way ends
    followUpThread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.followUpExecutor = followUpThread;
    this.followUps =
        followThrough.map(
            f ->
                new FollowUpSender(
                    assistant.followUps(),
                    f.queue(),
                    new Outbox(f.outbox(), leads, replica, counts),
                    new BulkFeed(sender, pacer, sendScheduler, limits.global()),
                    new TelegramRenderer(messages),
                    new Keyboards(messages),
                    leads,
                    f.clock(),
                    followUpExecutor));
    this.confirmations = new Confirmations(clock);
    UpdateDispatcher.Handler handler =
        durable.isPresent()
            ? durable.get()
            : handlers.apply(new ConfirmedReplies(sender, confirmations));
    int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    // questions may wait for a language model: commands and taps have threads of their own
    ExecutorService quickPool =
        Executors.newFixedThreadPool(threads, new Threads("optout-tg-chat"));
    ExecutorService questionPool =
        Executors.newFixedThreadPool(threads * 2, new Threads("optout-tg-question"));
    this.dispatcher =
        new UpdateDispatcher(
            new ChatLanes(quickPool, questionPool, clock), handler, limits, clock, confirmations);
    this.pollExecutor = Executors.newSingleThreadScheduledExecutor(new Threads("optout-tg-poll"));
    this.polling =
        shared.isPresent()
            ? null
            : new TelegramBotsLongPollingApplication(
                ObjectMapper::new,
                () -> http.poll,
                () -> pollExecutor,
                () -> new PollBackOff(limits.pollBackOffMin(), limits.pollBackOffMax()));
    this.leaderPoller =
        shared.map(
            s ->
                new LeaderPoller(
                    new OkHttpTelegramClient(http.poll, token.value(), url),
                    s.relay(),
                    new OutgoingJson(),
                    dispatcher,
                    s.leader(),
                    limits,
                    ALLOWED_UPDATES));
    LOG.debug("bot {} built for {}", token, ApiUrl.describe(url));
  }

  /**
   * Whether the bot still polls Telegram: started, not closed, and not stopped by Telegram (a
   * revoked token, another process polling).
   */
  public boolean polling() {
    return !closed.get()
        && !http.watch.fatal().isDone()
        && leaderPoller.map(LeaderPoller::running).orElse(true);
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

  private void begin(Messages messages, BotToken token) {
    if (shared.isPresent()) {
      takeOver(shared.get());
      followUps.ifPresent(FollowUpSender::start);
      // the menu and descriptions can wait: a takeover answers first
      sendScheduler.execute(
          () -> {
            registerCommands(messages);
            registerDescriptions(messages);
          });
      return;
    }
    registerCommands(messages);
    registerDescriptions(messages);
    try {
      // deleteWebhook, then getUpdates in a loop on the poll thread
      polling.registerBot(token.value(), () -> url, this::nextPoll, dispatcher);
    } catch (TelegramApiException e) {
      throw new TelegramStartException(
          "cannot start polling the Telegram Bot API at "
              + ApiUrl.describe(url)
              + ": "
              + Failure.of(e).description(),
          e);
    }
    LOG.info("Telegram bot @{} is polling {}", me.username(), ApiUrl.describe(url));
    followUps.ifPresent(FollowUpSender::start);
  }

  /**
   * The leader's start: no webhook may stand in the way of getUpdates; then what the predecessor
   * left — replies first, as they answer earlier updates — then polling.
   */
  private void takeOver(Shared s) {
    try {
      ApiCalls.call(client, DeleteWebhook.builder().build(), limits.callTimeout());
    } catch (TelegramApiException e) {
      throw new TelegramStartException(
          "cannot start polling the Telegram Bot API at "
              + ApiUrl.describe(url)
              + ": "
              + Failure.of(e).description(),
          e);
    }
    // follow-ups (negative ids) wait behind answers: the FollowUpSender resumes them
    List<Relay.Pending> unsent =
        s.relay().unsent().stream().filter(p -> p.updateId() >= 0).toList();
    List<Relay.Received> unhandled = s.relay().unhandled();
    if (!unsent.isEmpty() || !unhandled.isEmpty()) {
      LOG.info(
          "taking over: {} replies to send and {} updates to handle, left by the previous leader",
          unsent.size(),
          unhandled.size());
    }
    unsent.forEach(durable.orElseThrow()::resume);
    OutgoingJson json = new OutgoingJson();
    List<Update> updates = new ArrayList<>();
    for (Relay.Received r : unhandled) {
      try {
        updates.add(json.readUpdate(r.payload()));
      } catch (IllegalArgumentException e) {
        LOG.error(
            "update {} in the inbox cannot be read ({}); dropped", r.updateId(), e.getMessage());
        s.relay().handled(r.updateId(), List.of());
      }
    }
    dispatcher.consume(updates);
    pollExecutor.execute(leaderPoller.orElseThrow());
    LOG.info(
        "Telegram bot @{} is polling {} as the leader ({})",
        me.username(),
        ApiUrl.describe(url),
        s.replica());
  }

  /**
   * The next getUpdates. Its offset confirms only the updates done with, replies sent: one whose
   * reply is still queued at a shutdown comes back at the next start. Those under way come back
   * with each poll too (the library drops the ones it has seen), so a poll first waits a little for
   * them.
   *
   * @param lastReceived the highest update id received so far (0 at start)
   */
  private GetUpdates nextPoll(Integer lastReceived) {
    try {
      confirmations.awaitBeyond(polledUpTo, POLL_PAUSE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    polledUpTo = Math.min(lastReceived, confirmations.confirmableWhilePolling());
    return GetUpdates.builder()
        .offset(polledUpTo + 1)
        .limit(100)
        .timeout(limits.pollTimeoutSeconds())
        .allowedUpdates(ALLOWED_UPDATES)
        .build();
  }

  /**
   * What a new user sees before the first message (the description, in the empty chat) and on the
   * bot's profile (the short description), in English by default and in French for French apps.
   */
  private void registerDescriptions(Messages messages) {
    for (Language language : Language.values()) {
      String code = language == Language.EN ? null : language.code();
      var description =
          SetMyDescription.builder().description(messages.get(language, "telegram.description"));
      var shortDescription =
          SetMyShortDescription.builder()
              .shortDescription(messages.get(language, "telegram.shortDescription"));
      if (code != null) {
        description.languageCode(code);
        shortDescription.languageCode(code);
      }
      try {
        ApiCalls.call(client, description.build(), limits.callTimeout());
        ApiCalls.call(client, shortDescription.build(), limits.callTimeout());
      } catch (TelegramApiException e) {
        // the bot works without them: say so and go on
        LOG.warn("setMyDescription ({}) failed: {}", language.code(), Failure.of(e).description());
      }
    }
  }

  /** The command menu in English (the default) and in French for French-speaking apps. */
  private void registerCommands(Messages messages) {
    for (Language language : Language.values()) {
      List<BotCommand> commands =
          COMMANDS.stream()
              .map(c -> new BotCommand(c, messages.get(language, "telegram.command." + c)))
              .toList();
      var b = SetMyCommands.builder().commands(commands).scope(new BotCommandScopeDefault());
      List<BotCommand> groupCommands =
          GROUP_COMMANDS.stream()
              .map(c -> new BotCommand(c, messages.get(language, "telegram.command." + c)))
              .toList();
      var g =
          SetMyCommands.builder()
              .commands(groupCommands)
              .scope(
                  org.telegram.telegrambots.meta.api.objects.commands.scope
                      .BotCommandScopeAllGroupChats.builder()
                      .build());
      if (language != Language.EN) {
        b.languageCode(language.code());
        g.languageCode(language.code());
      }
      try {
        ApiCalls.call(client, b.build(), limits.callTimeout());
        ApiCalls.call(client, g.build(), limits.callTimeout());
      } catch (TelegramApiException e) {
        // the bot works without its menu: say so and go on
        LOG.warn("setMyCommands ({}) failed: {}", language.code(), Failure.of(e).description());
      }
    }
  }

  private static Incoming.Bot whoAmI(TelegramClient client, TelegramUrl url, Limits limits) {
    try {
      User me = ApiCalls.call(client, new GetMe(), limits.callTimeout());
      if (me == null || me.getUserName() == null || me.getUserName().isBlank()) {
        throw new TelegramStartException(
            "the Telegram Bot API at " + ApiUrl.describe(url) + " did not say the bot's username",
            null);
      }
      return new Incoming.Bot(me.getId(), me.getUserName());
    } catch (TelegramApiException e) {
      if (e instanceof TelegramApiRequestException r
          && r.getErrorCode() != null
          && (r.getErrorCode() == 401 || r.getErrorCode() == 404)) {
        throw new TelegramStartException(
            "the Telegram Bot API at "
                + ApiUrl.describe(url)
                + " refused the token ("
                + Failure.of(e).description().strip()
                + "): check TELEGRAM_BOT_TOKEN",
            e);
      }
      throw new TelegramStartException(
          "cannot reach the Telegram Bot API at "
              + ApiUrl.describe(url)
              + ": "
              + Failure.of(e).description(),
          e);
    }
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    http.quiet.closing();
    leaderPoller.ifPresent(LeaderPoller::stop);
    followUps.ifPresent(FollowUpSender::stop);
    followUpExecutor.shutdown();
    try {
      if (polling != null) {
        polling.close();
      } else {
        // the long poll under way: nothing it brings back would be saved now
        http.poll.dispatcher().cancelAll();
      }
    } catch (Exception e) {
      LOG.debug("stopping the poller", e);
    }
    try {
      if (!followUpExecutor.awaitTermination(
          limits.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("a claim of reminders and alerts was still under way at shutdown");
      }
      Instant begun = clock.instant();
      Instant deadline = begun.plus(limits.drainTimeout());
      dispatcher.stop(limits.drainTimeout());
      Instant handled = clock.instant();
      if (shared.isPresent()) {
        // the outbox keeps what is queued, and the next leader sends it at once: waiting here
        // would only delay it. Sends under way end first, so that none is made twice.
        sender.stopStarting();
        if (!sender.awaitQuiet(limits.requestTimeout())) {
          LOG.error("a send was still under way at shutdown: its reply may arrive twice");
        }
        LOG.info(
            "stopping: updates under way handled in {} ms, sends under way ended in {} ms",
            Duration.between(begun, handled).toMillis(),
            Duration.between(handled, clock.instant()).toMillis());
      } else {
        Duration left = Duration.between(handled, deadline);
        if (!sender.drain(left.isNegative() ? Duration.ZERO : left)) {
          LOG.warn(
              "{} replies could not be sent before shutdown: their updates are not confirmed, so"
                  + " Telegram sends them again at the next start",
              sender.pending());
        }
        int done = confirmations.confirmable();
        if (done > 0) {
          confirm(done);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warn("shutdown interrupted: replies under way may be lost");
    } finally {
      followUpExecutor.shutdownNow();
      sendScheduler.shutdownNow();
      pollExecutor.shutdownNow();
      http.close();
    }
    LOG.info("Telegram bot @{} stopped", me.username());
  }

  /**
   * Tells Telegram the handled updates are done with. The library confirms a batch only with its
   * next getUpdates; without this, the last batch would be answered again after a restart.
   */
  private void confirm(int lastHandled) {
    try {
      ApiCalls.call(
          client,
          GetUpdates.builder().offset(lastHandled + 1).limit(1).timeout(0).build(),
          CONFIRM_TIMEOUT);
    } catch (TelegramApiException e) {
      LOG.warn(
          "could not confirm the last updates ({}); they may be answered again at the next start",
          Failure.of(e).description());
    }
  }

  /** The two HTTP clients: one for sends (our timeouts and retries), one for long polling. */
  private static final class Http {
    final QuietShutdown quiet = new QuietShutdown();
    final PollWatch watch;
    final OkHttpClient send;
    final OkHttpClient poll;

    Http(Limits limits, Optional<String> replica, Clock clock) {
      this.watch = new PollWatch(clock, limits.conflictLimit());
      Dispatcher dispatcher =
          new Dispatcher(Executors.newCachedThreadPool(new Threads("optout-tg-http")));
      dispatcher.setMaxRequests(64);
      dispatcher.setMaxRequestsPerHost(64);
      this.send =
          new OkHttpClient.Builder()
              .dispatcher(dispatcher)
              .connectTimeout(Duration.ofSeconds(10))
              .readTimeout(limits.requestTimeout())
              .writeTimeout(limits.requestTimeout())
              .callTimeout(limits.requestTimeout())
              // OkHttp retries at once on a pooled connection the server had closed; our policy
              // does the rest
              .retryOnConnectionFailure(true)
              .addInterceptor(
                  chain ->
                      chain.proceed(
                          replica
                              .map(
                                  r ->
                                      chain
                                          .request()
                                          .newBuilder()
                                          .header("User-Agent", "OptOut (replica " + r + ")")
                                          .build())
                              .orElse(chain.request())))
              .build();
      this.poll =
          send.newBuilder()
              .dispatcher(
                  new Dispatcher(Executors.newCachedThreadPool(new Threads("optout-tg-http-poll"))))
              .readTimeout(
                  Duration.ofSeconds(limits.pollTimeoutSeconds()).plus(Duration.ofSeconds(25)))
              .callTimeout(Duration.ZERO)
              .addInterceptor(quiet)
              .addInterceptor(watch)
              .build();
    }

    void close() {
      for (OkHttpClient c : List.of(send, poll)) {
        c.dispatcher().executorService().shutdownNow();
        c.connectionPool().evictAll();
      }
    }
  }

  @Override
  public String toString() {
    return "TelegramBot[@" + me.username() + " " + ApiUrl.describe(url) + "]";
  }

  /** Waits for the poll thread to end after close(); for tests. */
  boolean awaitPollerStopped(Duration timeout) throws InterruptedException {
    return pollExecutor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
