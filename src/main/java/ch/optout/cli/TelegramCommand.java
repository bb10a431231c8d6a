package ch.optout.cli;

import ch.optout.telegram.AdminIds;
import ch.optout.telegram.ApiUrl;
import ch.optout.telegram.BotToken;
import ch.optout.telegram.TelegramBot;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.telegram.telegrambots.meta.TelegramUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "telegram",
    mixinStandardHelpOptions = true,
    description = {
      "Runs OptOut as a Telegram bot (long polling) until stopped with Ctrl-C or SIGTERM.",
      "Needs TELEGRAM_BOT_TOKEN (from @BotFather); TELEGRAM_API_URL points it at another Bot API server."
    })
final class TelegramCommand implements Callable<Integer> {
  /** How long the shutdown hook waits for the bot to finish the replies under way. */
  private static final long SHUTDOWN_WAIT_SECONDS = 20;

  @ParentCommand OptOutCommand parent;

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
    PrintWriter out = parent.spec.commandLine().getOut();
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    // SIGTERM and Ctrl-C run shutdown hooks: this one asks the main thread to stop the bot, then
    // waits for it, as the JVM halts as soon as the hooks are done
    Thread hook =
        new Thread(
            () -> {
              stop.countDown();
              try {
                stopped.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "optout-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    boolean interrupted = false;
    try {
      java.util.OptionalInt httpPort = httpPort(settings.get("OPTOUT_HTTP_PORT"));
      try (Components c = Components.persistent(settings);
          TelegramBot bot = TelegramBot.start(c.assistant, c.messages, token, url, admins);
          HealthServer health =
              httpPort.isPresent()
                  ? HealthServer.start(
                      httpPort.getAsInt(), c.store, bot::polling, java.time.Clock.systemUTC())
                  : null) {
        out.println(
            "OptOut answers on Telegram as @"
                + bot.username()
                + ". Stop it with Ctrl-C. / OptOut répond sur Telegram en tant que @"
                + bot.username()
                + ". Ctrl-C l'arrête.");
        if (health != null) {
          out.println("Health: http://localhost:" + health.port() + "/healthz, /readyz, /metrics");
        }
        out.flush();
        try {
          stop.await();
        } catch (InterruptedException e) {
          // an interrupt is a stop request too (tests, embedding); the bot still closes cleanly
          interrupted = true;
        }
      }
      out.println("OptOut stopped. / OptOut est arrêté.");
      out.flush();
    } finally {
      // after this the shutdown hook returns and the JVM may halt at once: everything is closed by
      // now
      stopped.countDown();
      removeHook(hook);
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    return 0;
  }

  /** OPTOUT_HTTP_PORT: off unless set; 0 takes any free port (printed at start). */
  private static java.util.OptionalInt httpPort(java.util.Optional<String> raw) {
    if (raw.isEmpty()) {
      return java.util.OptionalInt.empty();
    }
    try {
      int port = Integer.parseInt(raw.get().strip());
      if (port >= 0 && port <= 65_535) {
        return java.util.OptionalInt.of(port);
      }
    } catch (NumberFormatException e) {
      // reported below with the value
    }
    throw new UsageProblem(
        "OPTOUT_HTTP_PORT takes a port number from 0 to 65535, not '" + raw.get() + "'");
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
