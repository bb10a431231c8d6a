package ch.optout.cli;

import ch.optout.store.ChatStore;
import ch.optout.store.Threads;
import ch.optout.telegram.TelegramCounts;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * {@code GET /healthz} (the process answers), {@code /readyz} (it leads or stands by, and its store
 * answers) and {@code /metrics} (Prometheus text) on {@code OPTOUT_HTTP_PORT}, so that a container
 * or a load balancer can ask without starting a second JVM. Nothing about any chat is served.
 *
 * <p>Requests are served by a few threads, and only the {@link StoreProbe}'s own thread ever talks
 * to the store: a store that hangs turns {@code /readyz} to 503 within {@link #STORE_WAIT}, and
 * {@code /healthz}, which never touches the store, keeps answering at once, so that a hung database
 * never gets a live process restarted.
 */
final class HealthServer implements AutoCloseable {
  /** How long a request waits for the store's answer before it calls the store unreachable. */
  static final Duration STORE_WAIT = Duration.ofSeconds(2);

  /** Request threads: a probe waiting on the store never holds up /healthz. */
  private static final int THREADS = 4;

  private final HttpServer server;
  private final ExecutorService executor;
  private final StoreProbe probe;

  private HealthServer(HttpServer server, ExecutorService executor, StoreProbe probe) {
    this.server = server;
    this.executor = executor;
    this.probe = probe;
  }

  /** What a replica is doing. */
  enum Role {
    /** Loading its index, opening its store. */
    STARTING,
    /** Waiting for the leader lock: ready to take over. */
    STANDBY,
    /** Polling Telegram and answering. */
    LEADER,
    /** Stopping, or stopped polling. */
    STOPPED
  }

  /** The replica's state for the endpoints, read without touching the store. */
  record Status(Role role, TelegramCounts counts) {}

  /**
   * @param host the address to listen on: loopback unless OPTOUT_HTTP_HOST says otherwise
   * @param port 0 for any free port
   */
  static HealthServer start(
      InetAddress host, int port, ChatStore store, Supplier<Status> status, Clock clock) {
    return start(host, port, store, status, OptionalLong::empty, clock);
  }

  /**
   * @param backlog updates not handled plus replies not sent in the shared inbox and outbox, when
   *     there is one; asked on the probe's thread, like the store
   */
  static HealthServer start(
      InetAddress host,
      int port,
      ChatStore store,
      Supplier<Status> status,
      Supplier<OptionalLong> backlog,
      Clock clock) {
    StoreProbe probe = new StoreProbe(store, backlog, clock, STORE_WAIT);
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
      ExecutorService executor =
          Executors.newFixedThreadPool(THREADS, Threads.named("optout-health"));
      server.setExecutor(executor);
      server.createContext("/healthz", ex -> reply(ex, 200, "ok\n"));
      server.createContext(
          "/readyz",
          ex -> {
            boolean storeUp = probe.now().up();
            Role role = status.get().role();
            boolean up = storeUp && (role == Role.LEADER || role == Role.STANDBY);
            reply(
                ex,
                up ? 200 : 503,
                (up ? "ready" : "not ready")
                    + ": "
                    + role.name().toLowerCase(Locale.ROOT)
                    + ", store "
                    + (storeUp ? "reachable" : "unreachable")
                    + "\n");
          });
      server.createContext(
          "/metrics",
          ex -> {
            Status now = status.get();
            StoreProbe.Result asked = probe.now();
            boolean storeUp = asked.up();
            long answers = asked.answersToday();
            StringBuilder b = new StringBuilder();
            gauge(b, "optout_up", "1 while the process runs.", 1);
            gauge(b, "optout_store_up", "1 when the chat store answers.", storeUp ? 1 : 0);
            gauge(
                b,
                "optout_leader",
                "1 while this replica polls Telegram and sends.",
                now.role() == Role.LEADER ? 1 : 0);
            gauge(
                b,
                "optout_standby",
                "1 while this replica waits to take over.",
                now.role() == Role.STANDBY ? 1 : 0);
            gauge(
                b,
                "optout_answers_today",
                "Answers given from a guide today (UTC), by every replica.",
                answers);
            TelegramCounts c = now.counts();
            counter(
                b,
                "optout_messages_answered",
                "Messages this process answered.",
                c.answeredTotal());
            counter(
                b,
                "optout_messages_declined",
                "Of those, declined: off topic, or a service without a guide.",
                c.declinedTotal());
            counter(b, "optout_sends", "Calls into chats Telegram accepted.", c.sentTotal());
            counter(
                b,
                "optout_send_retries",
                "Attempts repeated after a 429, a 5xx, a timeout or a reset.",
                c.retriedTotal());
            counter(
                b, "optout_send_failures", "Calls refused for good or given up.", c.failedTotal());
            counter(
                b,
                "optout_resends",
                "Replies a dead replica may have sent, sent again (possible duplicates).",
                c.resentTotal());
            if (asked.backlog().isPresent()) {
              gauge(
                  b,
                  "optout_relay_backlog",
                  "Updates not handled plus replies not sent, in the shared inbox and outbox.",
                  asked.backlog().getAsLong());
            }
            reply(ex, 200, b.toString());
          });
      server.start();
      return new HealthServer(server, executor, probe);
    } catch (IOException e) {
      probe.close();
      throw new UncheckedIOException(
          "cannot serve health checks on " + host.getHostAddress() + " port " + port, e);
    }
  }

  private static void gauge(StringBuilder b, String name, String help, long value) {
    metric(b, name, "gauge", help, value);
  }

  private static void counter(StringBuilder b, String name, String help, long value) {
    metric(b, name + "_total", "counter", help, value);
  }

  private static void metric(StringBuilder b, String name, String type, String help, long value) {
    b.append("# HELP ").append(name).append(' ').append(help).append('\n');
    b.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    b.append(name).append(' ').append(value).append('\n');
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** The address the server listens on. */
  InetAddress host() {
    return server.getAddress().getAddress();
  }

  private static void reply(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    boolean head = "HEAD".equalsIgnoreCase(ex.getRequestMethod());
    ex.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    ex.sendResponseHeaders(status, head ? -1 : bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      if (!head) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    probe.close();
  }

  /**
   * Asks the store, one question at a time, on a thread of its own. A request waits a bounded time
   * for the answer; while a question hangs, later requests wait on that same question instead of
   * queueing new ones, so a hung store holds one thread, whatever the polling rate.
   */
  static final class StoreProbe implements AutoCloseable {
    /**
     * What the store said: whether it answered, today's answers from guides (0 if not) and the
     * relay's backlog (when there is a relay and it answered).
     */
    record Result(boolean up, long answersToday, OptionalLong backlog) {
      static final Result DOWN = new Result(false, 0, OptionalLong.empty());
    }

    private final ChatStore store;
    private final Supplier<OptionalLong> backlog;
    private final Clock clock;
    private final Duration wait;
    private final ExecutorService thread =
        Executors.newSingleThreadExecutor(Threads.named("optout-health-store"));
    private Future<Result> asking;

    StoreProbe(ChatStore store, Supplier<OptionalLong> backlog, Clock clock, Duration wait) {
      this.store = store;
      this.backlog = backlog;
      this.clock = clock;
      this.wait = wait;
    }

    /** The store's answer, or down when it fails or does not answer within the wait. */
    Result now() {
      Future<Result> question = question();
      try {
        return question.get(wait.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException | ExecutionException e) {
        return Result.DOWN;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Result.DOWN;
      }
    }

    private synchronized Future<Result> question() {
      if (asking == null || asking.isDone()) {
        asking =
            thread.submit(
                () -> {
                  store.load("healthz");
                  long answers =
                      store.guideDays(LocalDate.now(clock)).stream()
                          .mapToLong(d -> d.answers())
                          .sum();
                  return new Result(true, answers, backlog.get());
                });
      }
      return asking;
    }

    @Override
    public void close() {
      thread.shutdownNow();
    }
  }
}
