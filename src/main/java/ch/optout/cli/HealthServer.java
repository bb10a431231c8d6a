package ch.optout.cli;

import ch.optout.store.ChatStore;
import ch.optout.telegram.TelegramCounts;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * {@code GET /healthz} (the process answers), {@code /readyz} (it leads or stands by, and its store
 * answers) and {@code /metrics} (Prometheus text) on {@code OPTOUT_HTTP_PORT}, so that a container
 * or a load balancer can ask without starting a second JVM. Nothing about any chat is served.
 */
final class HealthServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;

  private HealthServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
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

  /**
   * The replica's state for the endpoints.
   *
   * @param backlog updates not handled plus replies not sent in the shared inbox and outbox, when
   *     there is one
   */
  record Status(Role role, TelegramCounts counts, OptionalLong backlog) {}

  /**
   * @param port 0 for any free port
   */
  static HealthServer start(int port, ChatStore store, Supplier<Status> status, Clock clock) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
      ExecutorService executor =
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, "optout-health");
                t.setDaemon(true);
                return t;
              });
      server.setExecutor(executor);
      server.createContext("/healthz", ex -> reply(ex, 200, "ok\n"));
      server.createContext(
          "/readyz",
          ex -> {
            boolean storeUp = storeUp(store);
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
            boolean storeUp = storeUp(store);
            long answers =
                storeUp
                    ? store.guideDays(LocalDate.now(clock)).stream()
                        .mapToLong(d -> d.answers())
                        .sum()
                    : 0;
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
            if (now.backlog().isPresent()) {
              gauge(
                  b,
                  "optout_relay_backlog",
                  "Updates not handled plus replies not sent, in the shared inbox and outbox.",
                  now.backlog().getAsLong());
            }
            reply(ex, 200, b.toString());
          });
      server.start();
      return new HealthServer(server, executor);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve health checks on port " + port, e);
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

  private static boolean storeUp(ChatStore store) {
    try {
      store.load("healthz");
      return true;
    } catch (RuntimeException e) {
      return false;
    }
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
  }
}
