package ch.optout.cli;

import ch.optout.store.ChatStore;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /healthz} (the process answers), {@code /readyz} (it polls Telegram and its store
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

  /**
   * @param port 0 for any free port
   * @param polling whether the bot is polling Telegram (the one replica there is, for now)
   */
  static HealthServer start(int port, ChatStore store, BooleanSupplier polling, Clock clock) {
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
            boolean up = storeUp && polling.getAsBoolean();
            reply(
                ex,
                up ? 200 : 503,
                (up ? "ready" : "not ready")
                    + ": "
                    + (polling.getAsBoolean() ? "leader" : "not polling")
                    + ", store "
                    + (storeUp ? "reachable" : "unreachable")
                    + "\n");
          });
      server.createContext(
          "/metrics",
          ex -> {
            boolean storeUp = storeUp(store);
            long answers =
                storeUp
                    ? store.guideDays(LocalDate.now(clock)).stream()
                        .mapToLong(d -> d.answers())
                        .sum()
                    : 0;
            reply(
                ex,
                200,
                "# HELP optout_up 1 while the process runs.\n"
                    + "# TYPE optout_up gauge\noptout_up 1\n"
                    + "# HELP optout_store_up 1 when the chat store answers.\n"
                    + "# TYPE optout_store_up gauge\noptout_store_up "
                    + (storeUp ? 1 : 0)
                    + "\n# HELP optout_leader 1 while this replica polls Telegram.\n"
                    + "# TYPE optout_leader gauge\noptout_leader "
                    + (polling.getAsBoolean() ? 1 : 0)
                    + "\n# HELP optout_answers_today Answers given from a guide today (UTC).\n"
                    + "# TYPE optout_answers_today gauge\noptout_answers_today "
                    + answers
                    + "\n");
          });
      server.start();
      return new HealthServer(server, executor);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve health checks on port " + port, e);
    }
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
