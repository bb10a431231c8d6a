package ch.optout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A language-model server on loopback speaking just enough of the OpenAI chat-completions or the
 * Ollama chat API for the real LangChain4j clients; it records what it is sent and answers as told.
 */
public final class FakeLlmServer implements AutoCloseable {
  public enum Dialect {
    OPENAI,
    OLLAMA
  }

  /** One request as received. */
  public record Received(String method, String path, String authorization, JsonNode body) {
    public String message(String role) {
      for (JsonNode m : body.path("messages")) {
        if (m.path("role").asText().equals(role)) {
          return m.path("content").asText();
        }
      }
      throw new AssertionError("no " + role + " message in " + body);
    }
  }

  private record Behaviour(int status, String content, boolean hang) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Dialect dialect;
  private final HttpServer server;
  private final ExecutorService executor;
  private final List<Received> received = new CopyOnWriteArrayList<>();

  /** Fired as each request is added to {@link #received}. */
  private final Signal arrived = new Signal();

  /** Hanging handlers wait on this; closing releases them so no thread outlives the test. */
  private final CountDownLatch release = new CountDownLatch(1);

  private volatile Behaviour behaviour = new Behaviour(500, "no reply configured", false);

  private FakeLlmServer(Dialect dialect) {
    this.dialect = dialect;
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t =
                  new Thread(
                      r,
                      "fake-llm-" + dialect.name().toLowerCase() + "-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  public static FakeLlmServer openAi() {
    return new FakeLlmServer(Dialect.OPENAI);
  }

  public static FakeLlmServer ollama() {
    return new FakeLlmServer(Dialect.OLLAMA);
  }

  /** What to configure as the client's base URL: OpenAI clients expect the "/v1" in it. */
  public String baseUrl() {
    String root =
        "http://"
            + server.getAddress().getAddress().getHostAddress()
            + ":"
            + server.getAddress().getPort();
    return dialect == Dialect.OPENAI ? root + "/v1" : root;
  }

  /** Every later request gets this assistant message. */
  public FakeLlmServer replies(String content) {
    behaviour = new Behaviour(200, content, false);
    return this;
  }

  public FakeLlmServer fails(int status) {
    behaviour = new Behaviour(status, "{\"error\":{\"message\":\"fake failure\"}}", false);
    return this;
  }

  /** Requests are held until the server closes: the client's timeout must end the wait. */
  public FakeLlmServer hangs() {
    behaviour = new Behaviour(200, "too late [1]", true);
    return this;
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  /** Waits until {@code count} requests have arrived: the model is then busy with them. */
  public void awaitRequests(int count) throws InterruptedException {
    if (!arrived.await(() -> received.size() >= count, java.time.Duration.ofSeconds(10))) {
      throw new AssertionError("expected " + count + " requests, saw " + received.size());
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] in = exchange.getRequestBody().readAllBytes();
      JsonNode body = in.length == 0 ? JSON.createObjectNode() : JSON.readTree(in);
      received.add(
          new Received(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              exchange.getRequestHeaders().getFirst("Authorization"),
              body));
      arrived.fire();
      Behaviour b = behaviour;
      if (b.hang()) {
        release.await(10, TimeUnit.SECONDS);
      }
      String expected = dialect == Dialect.OPENAI ? "/v1/chat/completions" : "/api/chat";
      if (!exchange.getRequestURI().getPath().equals(expected)) {
        send(exchange, 404, "{\"error\":\"no such path\"}");
      } else if (b.status() != 200) {
        send(exchange, b.status(), b.content());
      } else {
        send(
            exchange,
            200,
            JSON.writeValueAsString(
                dialect == Dialect.OPENAI ? openAi(b.content()) : ollama(b.content())));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the client gave up (timeout test): nothing to answer
    }
  }

  private static ObjectNode openAi(String content) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "chatcmpl-fake")
        .put("object", "chat.completion")
        .put("created", 1_700_000_000L)
        .put("model", "fake");
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0).put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").put("content", content);
    root.putObject("usage")
        .put("prompt_tokens", 10)
        .put("completion_tokens", 10)
        .put("total_tokens", 20);
    return root;
  }

  private static ObjectNode ollama(String content) {
    ObjectNode root = JSON.createObjectNode();
    root.put("model", "fake")
        .put("created_at", "2025-11-20T10:00:00Z")
        .put("done", true)
        .put("done_reason", "stop");
    root.putObject("message").put("role", "assistant").put("content", content);
    root.put("prompt_eval_count", 10).put("eval_count", 10);
    return root;
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
