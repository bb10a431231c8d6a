package ch.optout.cli;

import ch.optout.answer.Messages;
import ch.optout.store.JdbcChatStore;
import ch.optout.store.LeaderLock;
import ch.optout.store.PostgresChatStore;
import ch.optout.store.Relay;
import ch.optout.store.Threads;
import ch.optout.telegram.AdminIds;
import ch.optout.telegram.BotToken;
import ch.optout.telegram.TelegramBot;
import ch.optout.telegram.TelegramCounts;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.telegram.telegrambots.meta.TelegramUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "telegram",
    mixinStandardHelpOptions = true,
    description = {
      "Runs OptOut as a Telegram bot (long polling) until stopped with Ctrl-C or SIGTERM.",
      "Needs TELEGRAM_BOT_TOKEN (from @BotFather); TELEGRAM_API_URL points it at another Bot API server.",
      "With OPTOUT_DATABASE_URL (PostgreSQL), several replicas may run: one answers, the others stand by",
      "and take over within seconds if it dies."
    })
final class TelegramCommand implements Callable<Integer> {
  /** How long the shutdown hook waits for the bot to finish the replies under way. */
  private static final long SHUTDOWN_WAIT_SECONDS = 20;

  /** The exit status of a leader that lost its lock: its supervisor restarts it as a standby. */
  static final int LOST_LEADERSHIP = 5;

  /**
   * The exit status when Telegram ends the run: the token was revoked, or another process polls the
   * bot. Restarting does not help; the operator must act.
   */
  static final int TELEGRAM_REFUSED = 6;

  @ParentCommand OptOutCommand parent;

  @Option(
      names = "--replica",
      description =
          "Refuse to start without OPTOUT_DATABASE_URL: a replica must share the others' PostgreSQL"
              + " database, or two bots would poll one token.")
  boolean replica;

  @Override
  public Integer call() {
    Settings settings = parent.settings();
    BotToken token = TelegramSettings.token(settings);
    TelegramUrl url = TelegramSettings.apiUrl(settings);
    AdminIds admins = TelegramSettings.adminIds(settings);
    if (replica && settings.get("OPTOUT_DATABASE_URL").isEmpty()) {
      throw new UsageProblem(
          "telegram --replica needs OPTOUT_DATABASE_URL (postgresql://…): replicas share one"
              + " PostgreSQL database, and one of them answers at a time. See README, 'More than one"
              + " machine'.");
    }
    OptionalInt httpPort = TelegramSettings.httpPort(settings.get("OPTOUT_HTTP_PORT"));
    InetAddress httpHost = TelegramSettings.httpHost(settings.get("OPTOUT_HTTP_HOST"));
    PrintWriter out = parent.spec.commandLine().getOut();
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    // a standby waiting for the lock is woken by closing it
    AtomicReference<LeaderLock> waiting = new AtomicReference<>();
    // SIGTERM and Ctrl-C run shutdown hooks: this one asks the main thread to stop the bot, then
    // waits for it, as the JVM halts as soon as the hooks are done (a hook runs to its end, daemon
    // or not)
    Thread hook =
        Threads.single("optout-shutdown")
            .newThread(
                () -> {
                  stop.countDown();
                  LeaderLock standby = waiting.get();
                  if (standby != null) {
                    standby.close();
                  }
                  try {
                    stopped.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    Runtime.getRuntime().addShutdownHook(hook);
    boolean interrupted = false;
    int status = 0;
    // what Telegram said when it ended the run, if it did
    AtomicReference<String> refused = new AtomicReference<>();
    try {
      RunState role = new RunState();
      TelegramCounts counts = new TelegramCounts();
      try (Components c = Components.persistent(settings)) {
        Optional<PostgresChatStore> shared =
            c.store instanceof PostgresChatStore pg ? Optional.of(pg) : Optional.empty();
        Optional<Relay> relay = shared.map(PostgresChatStore::relay);
        Supplier<HealthServer.Status> health = () -> new HealthServer.Status(role.now(), counts);
        try (HealthServer server =
            httpPort.isPresent()
                ? HealthServer.start(
                    httpHost,
                    httpPort.getAsInt(),
                    c.store,
                    health,
                    () -> relay.map(TelegramCommand::backlog).orElse(OptionalLong.empty()),
                    c.clock)
                : null) {
          if (server != null) {
            out.println(
                "Health: http://"
                    + TelegramSettings.hostForUrl(server.host())
                    + ":"
                    + server.port()
                    + "/healthz, /readyz, /metrics");
            out.flush();
          }
          if (shared.isPresent()) {
            String replicaName = TelegramSettings.replicaName(settings);
            AtomicBoolean wasInterrupted = new AtomicBoolean();
            status =
                replica(
                    c,
                    shared.get(),
                    token,
                    url,
                    admins,
                    counts,
                    role,
                    new Leadership(
                        shared.get(), replicaName, role, stop, waiting, out, c.messages, c.clock),
                    stop,
                    wasInterrupted,
                    replicaName,
                    out,
                    refused);
            interrupted = wasInterrupted.get();
          } else {
            interrupted = single(c, token, url, admins, counts, role, stop, out, refused);
          }
        }
      }
      if (refused.get() != null) {
        PrintWriter err = parent.spec.commandLine().getErr();
        err.println(new Messages().inEveryLanguage("console.refused"));
        err.println("  " + refused.get());
        err.flush();
        status = TELEGRAM_REFUSED;
      }
      out.println(new Messages().inEveryLanguage("console.stopped"));
      out.flush();
    } catch (InterruptedException e) {
      interrupted = true;
    } finally {
      // after this the shutdown hook returns and the JVM may halt at once: everything is closed by
      // now
      stopped.countDown();
      removeHook(hook);
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    return status;
  }

  /**
   * One of several replicas sharing a PostgreSQL database: stand by until the leader lock is ours,
   * then answer until stopped — or until the lead is lost, when the process ends (exit status 5) so
   * that its supervisor restarts it as a standby.
   */
  private static int replica(
      Components c,
      PostgresChatStore pg,
      BotToken token,
      TelegramUrl url,
      AdminIds admins,
      TelegramCounts counts,
      RunState role,
      Leadership leadership,
      CountDownLatch stop,
      AtomicBoolean interrupted,
      String replica,
      PrintWriter out,
      AtomicReference<String> refused)
      throws InterruptedException {
    Relay relay = pg.relay();
    boolean lost =
        leadership.standByThenLead(
            token.botId(),
            lock -> {
              try (TelegramBot bot =
                  TelegramBot.builder(c.assistant, c.messages, token, url)
                      .admins(admins)
                      .counts(counts)
                      .shared(new TelegramBot.Shared(relay, lock::held, replica))
                      .followThrough(new TelegramBot.FollowThrough(pg.followUps(), relay, c.clock))
                      .clock(c.clock)
                      .start()) {
                // an interrupt is a stop request too; the bot still closes cleanly
                interrupted.set(serve(bot, role, refused, stop, out, c.messages));
              }
            });
    if (lost && refused.get() == null) {
      out.println(c.messages.inEveryLanguage("console.lostLeadership"));
      out.flush();
      return LOST_LEADERSHIP;
    }
    return 0;
  }

  /**
   * The only bot on its database (SQLite): it sends the reminders and alerts too, through the
   * store's outbox, which it clears as the leader of replicas does.
   *
   * @return whether the wait was interrupted
   */
  private static boolean single(
      Components c,
      BotToken token,
      TelegramUrl url,
      AdminIds admins,
      TelegramCounts counts,
      RunState role,
      CountDownLatch stop,
      PrintWriter out,
      AtomicReference<String> refused) {
    Optional<JdbcChatStore> jdbc =
        c.store instanceof JdbcChatStore j ? Optional.of(j) : Optional.empty();
    Optional<Relay> relay = jdbc.map(JdbcChatStore::relay);
    ScheduledExecutorService purging =
        Executors.newSingleThreadScheduledExecutor(Threads.single("optout-outbox-purge"));
    relay.ifPresent(
        r ->
            purging.scheduleWithFixedDelay(
                () -> Leadership.purge(r, c.clock),
                0,
                Leadership.RELAY_PURGE_PERIOD.toMinutes(),
                TimeUnit.MINUTES));
    TelegramBot.Builder builder =
        TelegramBot.builder(c.assistant, c.messages, token, url)
            .admins(admins)
            .counts(counts)
            .clock(c.clock);
    jdbc.ifPresent(
        j ->
            builder.followThrough(
                new TelegramBot.FollowThrough(j.followUps(), relay.get(), c.clock)));
    try (TelegramBot bot = builder.start()) {
      return serve(bot, role, refused, stop, out, c.messages);
    } finally {
      purging.shutdownNow();
    }
  }

  /**
   * Serves until a stop request: Telegram ending the run, the lead lost, a signal.
   *
   * @return whether the wait was interrupted, which stops too
   */
  private static boolean serve(
      TelegramBot bot,
      RunState role,
      AtomicReference<String> refused,
      CountDownLatch stop,
      PrintWriter out,
      Messages messages) {
    role.lead(bot::polling);
    watch(bot, refused, stop);
    started(out, bot, messages);
    boolean interrupted = !await(stop);
    role.set(HealthServer.Role.STOPPED);
    return interrupted;
  }

  private static OptionalLong backlog(Relay relay) {
    try {
      return OptionalLong.of(relay.backlog());
    } catch (RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  /** Telegram ending the run (token refused, another poller) stops the process. */
  private static void watch(TelegramBot bot, AtomicReference<String> refused, CountDownLatch stop) {
    bot.failure()
        .thenAccept(
            message -> {
              refused.set(message);
              stop.countDown();
            });
  }

  private static void started(PrintWriter out, TelegramBot bot, Messages messages) {
    out.println(messages.inEveryLanguage("console.started", bot.username()));
    out.flush();
  }

  /** Waits for a stop request; false when interrupted (tests, embedding), which stops too. */
  private static boolean await(CountDownLatch stop) {
    try {
      stop.await();
      return true;
    } catch (InterruptedException e) {
      return false;
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running: nothing to remove
    }
  }
}
