package ch.optout.cli;

import ch.optout.answer.Messages;
import ch.optout.store.JdbcChatStore;
import ch.optout.store.LeaderLock;
import ch.optout.store.PostgresChatStore;
import ch.optout.store.Relay;
import ch.optout.telegram.AdminIds;
import ch.optout.telegram.ApiUrl;
import ch.optout.telegram.BotToken;
import ch.optout.telegram.TelegramBot;
import ch.optout.telegram.TelegramCounts;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
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
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

  /** Handled updates and sent replies stay this long in the shared tables, then go. */
  private static final Duration RELAY_KEEP = Duration.ofHours(1);

  private static final Duration RELAY_PURGE_PERIOD = Duration.ofMinutes(10);

  private static final Logger LOG = LoggerFactory.getLogger(TelegramCommand.class);

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
    BotToken token =
        settings
            .telegramToken()
            .map(
                t ->
                    BotToken.parse(t)
                        .orElseThrow(
                            () ->
                                new UsageProblem(
                                    "TELEGRAM_BOT_TOKEN does not look like a bot token: expected the bot's number, a colon and a secret"
                                        + " of letters, digits, - and _, as @BotFather gives it")))
            .orElseThrow(
                () ->
                    new UsageProblem(
                        "telegram needs TELEGRAM_BOT_TOKEN: create a bot with @BotFather on Telegram and set its token"));
    TelegramUrl url =
        settings.telegramApiUrl().map(TelegramCommand::apiUrl).orElse(TelegramUrl.DEFAULT_URL);
    AdminIds admins = adminIds(settings.get("OPTOUT_ADMIN_IDS").orElse(""));
    if (replica && settings.get("OPTOUT_DATABASE_URL").isEmpty()) {
      throw new UsageProblem(
          "telegram --replica needs OPTOUT_DATABASE_URL (postgresql://…): replicas share one"
              + " PostgreSQL database, and one of them answers at a time. See README, 'More than one"
              + " machine'.");
    }
    OptionalInt httpPort = httpPort(settings.get("OPTOUT_HTTP_PORT"));
    InetAddress httpHost = httpHost(settings.get("OPTOUT_HTTP_HOST"));
    PrintWriter out = parent.spec.commandLine().getOut();
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    // a standby waiting for the lock is woken by closing it
    AtomicReference<LeaderLock> waiting = new AtomicReference<>();
    // SIGTERM and Ctrl-C run shutdown hooks: this one asks the main thread to stop the bot, then
    // waits for it, as the JVM halts as soon as the hooks are done
    Thread hook =
        new Thread(
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
            },
            "optout-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    boolean interrupted = false;
    int status = 0;
    // what Telegram said when it ended the run, if it did
    AtomicReference<String> refused = new AtomicReference<>();
    try {
      State role = new State();
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
                    Clock.systemUTC())
                : null) {
          if (server != null) {
            out.println(
                "Health: http://"
                    + hostForUrl(server.host())
                    + ":"
                    + server.port()
                    + "/healthz, /readyz, /metrics");
            out.flush();
          }
          if (shared.isPresent()) {
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
                    waiting,
                    stop,
                    wasInterrupted,
                    replicaName(settings),
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
   * then answer until stopped — or until the lock is lost, when the process ends (exit status 5) so
   * that its supervisor restarts it as a standby.
   */
  private static int replica(
      Components c,
      PostgresChatStore pg,
      BotToken token,
      TelegramUrl url,
      AdminIds admins,
      TelegramCounts counts,
      State role,
      AtomicReference<LeaderLock> waiting,
      CountDownLatch stop,
      AtomicBoolean interrupted,
      String replica,
      PrintWriter out,
      AtomicReference<String> refused)
      throws InterruptedException {
    try (LeaderLock lock = pg.leaderLock(token.botId())) {
      waiting.set(lock);
      role.set(HealthServer.Role.STANDBY);
      // "Standby" leads the line whatever the language: scripts and tests wait for it
      out.println("Standby " + replica + ": " + c.messages.inEveryLanguage("console.standby"));
      out.flush();
      LOG.info("replica {} is standing by for the leader lock", replica);
      if (stop.getCount() == 0 || !lock.await()) {
        return 0;
      }
      waiting.set(null);
      if (stop.getCount() == 0) {
        return 0;
      }
      LOG.info("replica {} holds the leader lock", replica);
      ScheduledExecutorService beat =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "optout-leader-heartbeat");
                t.setDaemon(true);
                return t;
              });
      AtomicBoolean lost = new AtomicBoolean();
      Relay relay = pg.relay();
      try {
        beat.scheduleWithFixedDelay(
            () -> {
              if (!lock.heartbeat() && lost.compareAndSet(false, true)) {
                LOG.error(
                    "replica {} lost the leader lock: it stops polling and sending, another replica"
                        + " takes over",
                    replica);
                stop.countDown();
              } else if (role.now() == HealthServer.Role.STOPPED
                  && stop.getCount() > 0
                  && lost.compareAndSet(false, true)) {
                // a leader that no longer polls must not keep the lock from the standbys
                LOG.error("replica {} stopped polling: it gives the lead to a standby", replica);
                stop.countDown();
              }
            },
            LeaderLock.HEARTBEAT.toMillis(),
            LeaderLock.HEARTBEAT.toMillis(),
            TimeUnit.MILLISECONDS);
        beat.scheduleWithFixedDelay(
            () -> purge(relay, c.clock),
            RELAY_PURGE_PERIOD.toMinutes(),
            RELAY_PURGE_PERIOD.toMinutes(),
            TimeUnit.MINUTES);
        purge(relay, c.clock);
        try (TelegramBot bot =
            TelegramBot.builder(c.assistant, c.messages, token, url)
                .admins(admins)
                .counts(counts)
                .shared(new TelegramBot.Shared(relay, lock::held, replica))
                .followThrough(new TelegramBot.FollowThrough(pg.followUps(), relay, c.clock))
                .start()) {
          role.lead(bot::polling);
          watch(bot, refused, stop);
          started(out, bot, c.messages);
          // an interrupt is a stop request too; the bot still closes cleanly
          interrupted.set(!await(stop));
          role.set(HealthServer.Role.STOPPED);
        }
      } finally {
        beat.shutdownNow();
      }
      if (lost.get() && refused.get() == null) {
        out.println(c.messages.inEveryLanguage("console.lostLeadership"));
        out.flush();
        return LOST_LEADERSHIP;
      }
      return 0;
    }
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
      State role,
      CountDownLatch stop,
      PrintWriter out,
      AtomicReference<String> refused) {
    Optional<JdbcChatStore> jdbc =
        c.store instanceof JdbcChatStore j ? Optional.of(j) : Optional.empty();
    Optional<Relay> relay = jdbc.map(JdbcChatStore::relay);
    ScheduledExecutorService purging =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "optout-outbox-purge");
              t.setDaemon(true);
              return t;
            });
    relay.ifPresent(
        r ->
            purging.scheduleWithFixedDelay(
                () -> purge(r, c.clock), 0, RELAY_PURGE_PERIOD.toMinutes(), TimeUnit.MINUTES));
    TelegramBot.Builder builder =
        TelegramBot.builder(c.assistant, c.messages, token, url).admins(admins).counts(counts);
    jdbc.ifPresent(
        j ->
            builder.followThrough(
                new TelegramBot.FollowThrough(j.followUps(), relay.get(), c.clock)));
    try (TelegramBot bot = builder.start()) {
      role.lead(bot::polling);
      watch(bot, refused, stop);
      started(out, bot, c.messages);
      boolean interrupted = !await(stop);
      role.set(HealthServer.Role.STOPPED);
      return interrupted;
    } finally {
      purging.shutdownNow();
    }
  }

  /** What the replica does, for the health endpoints: set by the main thread, read by others. */
  private static final class State {
    private volatile HealthServer.Role role = HealthServer.Role.STARTING;
    private volatile BooleanSupplier polling = () -> false;

    void set(HealthServer.Role role) {
      this.role = role;
    }

    void lead(BooleanSupplier polling) {
      this.polling = polling;
      this.role = HealthServer.Role.LEADER;
    }

    /** A leader whose polling ended (lock lost, or a failure) is no longer ready. */
    HealthServer.Role now() {
      HealthServer.Role r = role;
      return r == HealthServer.Role.LEADER && !polling.getAsBoolean()
          ? HealthServer.Role.STOPPED
          : r;
    }
  }

  /** Deletes what the relay is done with, by the store's clock (which wrote its times). */
  private static void purge(Relay relay, Clock clock) {
    try {
      int n = relay.purge(clock.instant().minus(RELAY_KEEP));
      if (n > 0) {
        LOG.debug("relay: deleted {} handled updates and sent replies", n);
      }
    } catch (RuntimeException e) {
      LOG.warn("relay purge failed ({}); next time", e.getMessage());
    }
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

  /**
   * OPTOUT_REPLICA, else the host's name (a container's id) and the process id: recorded with each
   * send attempt, shown in logs and in the User-Agent of Bot API calls.
   */
  static String replicaName(Settings settings) {
    String name =
        settings
            .get("OPTOUT_REPLICA")
            .filter(n -> !n.isBlank())
            .orElseGet(
                () ->
                    settings.get("HOSTNAME").orElse("replica")
                        + "-"
                        + ProcessHandle.current().pid());
    String clean = name.strip().replaceAll("[^A-Za-z0-9._-]", "_");
    return clean.length() > 64 ? clean.substring(0, 64) : clean;
  }

  /** OPTOUT_HTTP_PORT: off unless set; 0 takes any free port (printed at start). */
  private static OptionalInt httpPort(Optional<String> raw) {
    if (raw.isEmpty()) {
      return OptionalInt.empty();
    }
    try {
      int port = Integer.parseInt(raw.get().strip());
      if (port >= 0 && port <= 65_535) {
        return OptionalInt.of(port);
      }
    } catch (NumberFormatException e) {
      // reported below with the value
    }
    throw new UsageProblem(
        "OPTOUT_HTTP_PORT takes a port number from 0 to 65535, not '" + raw.get() + "'");
  }

  /**
   * OPTOUT_HTTP_HOST: the address the health server listens on; loopback unless set (a container
   * sets 0.0.0.0 so that its network may ask).
   */
  static InetAddress httpHost(Optional<String> raw) {
    if (raw.isEmpty()) {
      return InetAddress.getLoopbackAddress();
    }
    String host = raw.get().strip();
    // an address, not a name: looking a name up could hang the start or pick an unexpected one
    if (host.matches("[0-9.]+|\\[?[0-9A-Fa-f:.]+]?")) {
      try {
        return InetAddress.getByName(host.replace("[", "").replace("]", ""));
      } catch (java.net.UnknownHostException e) {
        // reported below with the value
      }
    }
    if (host.equalsIgnoreCase("localhost")) {
      return InetAddress.getLoopbackAddress();
    }
    throw new UsageProblem(
        "OPTOUT_HTTP_HOST takes an IP address such as 127.0.0.1 or 0.0.0.0, not '" + host + "'");
  }

  /** "localhost" for loopback, as before; else the address, bracketed for IPv6. */
  private static String hostForUrl(InetAddress host) {
    if (host.isLoopbackAddress()) {
      return "localhost";
    }
    String address = host.getHostAddress();
    return address.contains(":") ? "[" + address + "]" : address;
  }

  private static TelegramUrl apiUrl(String text) {
    try {
      return ApiUrl.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UsageProblem("TELEGRAM_API_URL " + e.getMessage());
    }
  }

  private static AdminIds adminIds(String text) {
    try {
      return AdminIds.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UsageProblem("OPTOUT_ADMIN_IDS " + e.getMessage());
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
