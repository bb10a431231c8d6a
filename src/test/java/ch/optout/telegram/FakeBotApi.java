package ch.optout.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * The Telegram Bot API on loopback, as far as OptOut uses it: {@code POST /bot<token>/<method>}
 * with JSON bodies, method names in lower case. getUpdates long-polls (held at most {@link
 * #MAX_HOLD}) and ends an earlier poll with 409 as Telegram does; sendMessage and editMessageText
 * check the HTML as Telegram would and answer 400 "can't parse entities" when it does not parse.
 * Faults can be scripted per method. Every call is recorded.
 */
public final class FakeBotApi implements AutoCloseable {
  public static final String TOKEN = "123456789:AAHfakeTokenForTests_0123456789abcdefXYZ";
  public static final long BOT_ID = 123456789L;
  public static final String USERNAME = "OptOutTestBot";
  static final Duration MAX_HOLD = Duration.ofMillis(300);

  /**
   * One request and what the fake answered.
   *
   * @param messageId the id given to a sent message, else 0
   */
  /**
   * One call as answered.
   *
   * @param agent the caller's User-Agent: which replica made it
   */
  public record Call(
      String method, JsonNode body, int status, long atNanos, int messageId, String agent) {
    public long chatId() {
      return body.path("chat_id").asLong();
    }

    public String text() {
      return body.path("text").asText();
    }

    public boolean ok() {
      return status == 200;
    }
  }

  /**
   * A scripted answer: an HTTP status and a body, or a dropped connection; the latter at once or
   * once {@link #releaseHung()} (or the server's close) ends a hang.
   */
  public record Fault(int status, String body, boolean drop, boolean hung) {
    public static Fault status(int status, String body) {
      return new Fault(status, body, false, false);
    }

    /**
     * No answer until the test calls {@link #releaseHung()} or the server closes, then the
     * connection is closed: a client with a timeout gives up first.
     */
    static Fault hang() {
      return new Fault(0, "", true, true);
    }

    static Fault tooManyRequests(int retryAfterSeconds) {
      return status(
          429,
          "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
              + retryAfterSeconds
              + "\",\"parameters\":{\"retry_after\":"
              + retryAfterSeconds
              + "}}");
    }

    static Fault serverError() {
      return status(
          500, "{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error\"}");
    }

    static Fault badGatewayPage() {
      return status(502, "<html><body><h1>502 Bad Gateway</h1></body></html>");
    }

    static Fault dropConnection() {
      return new Fault(0, "", true, false);
    }
  }

  private final ObjectMapper json = new ObjectMapper();
  private final HttpServer server;
  private final ExecutorService executor =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "fake-bot-api");
            t.setDaemon(true);
            return t;
          });
  private final Object lock = new Object();

  /** Released by {@link #close()}: ends every answer held back. */
  private final CountDownLatch closed = new CountDownLatch(1);

  /** Released by {@link #releaseHung()} or {@link #close()}: ends the hangs. */
  private final CountDownLatch hung = new CountDownLatch(1);

  private final List<Call> calls = new ArrayList<>();
  private final List<Arrival> arrivals = new ArrayList<>();

  /** The messages accepted into each chat, as {@link #calls} holds them. */
  private final Map<Long, List<Call>> deliveredTo = new HashMap<>();

  /** The User-Agent of the request this server thread is answering. */
  private final ThreadLocal<String> currentAgent = new ThreadLocal<>();

  /** A request as it arrived, before it was answered (a long poll is answered much later). */
  public record Arrival(long atNanos, String method, String agent) {}

  private final List<ObjectNode> updates = new ArrayList<>();
  private final Map<String, Deque<Fault>> faults = new HashMap<>();
  private final List<String> violations = new ArrayList<>();
  private final Map<Long, String> chatTypes = new HashMap<>();
  private int nextUpdateId = 1;
  private int nextMessageId = 5000;
  private long pollGeneration;
  private int confirmedBelow;

  /** Requests other than getUpdates that arrived and are not answered (and recorded) yet. */
  private int sendsUnderWay;

  public FakeBotApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  TelegramUrl telegramUrl() {
    return new TelegramUrl("http", "127.0.0.1", server.getAddress().getPort(), false);
  }

  /** Queues an update for getUpdates; returns its update_id. */
  public int push(ObjectNode update) {
    synchronized (lock) {
      int id = nextUpdateId++;
      update.put("update_id", id);
      JsonNode chat = update.path("message").path("chat");
      if (!chat.isMissingNode()) {
        chatTypes.put(chat.path("id").asLong(), chat.path("type").asText());
      }
      updates.add(update);
      lock.notifyAll();
      return id;
    }
  }

  /** The next calls of {@code method} get these answers, in order; later calls succeed. */
  public void fail(String method, Fault... scripted) {
    synchronized (lock) {
      Deque<Fault> queue =
          faults.computeIfAbsent(method.toLowerCase(Locale.ROOT), m -> new ArrayDeque<>());
      queue.addAll(List.of(scripted));
    }
  }

  private volatile Optional<String> unanswered = Optional.empty();

  /**
   * From now on the sends of this replica (named in its User-Agent) get no answer, ever: as when
   * its process is killed with them under way and Telegram never took them.
   */
  public void neverAnswer(String replica) {
    unanswered = Optional.of("(replica " + replica + ")");
  }

  private volatile Duration sendLatency = Duration.ZERO;

  /** Every sendMessage is answered this long after it arrives (and counted as sent then). */
  public void sendLatency(Duration latency) {
    this.sendLatency = latency;
  }

  /** Every request in the order it arrived. */
  public List<Arrival> arrivals() {
    synchronized (lock) {
      return List.copyOf(arrivals);
    }
  }

  public List<Call> calls() {
    synchronized (lock) {
      return List.copyOf(calls);
    }
  }

  public List<Call> calls(String method) {
    return calls().stream().filter(c -> c.method().equals(method)).toList();
  }

  /** Messages Telegram accepted into the chat, in order. */
  public List<Call> delivered(long chatId) {
    synchronized (lock) {
      return List.copyOf(deliveredTo.getOrDefault(chatId, List.of()));
    }
  }

  /** Everything Telegram would have refused or we promise never to send. */
  public List<String> violations() {
    synchronized (lock) {
      return List.copyOf(violations);
    }
  }

  /** The updates below this id were confirmed by a getUpdates offset. */
  public int confirmedBelow() {
    synchronized (lock) {
      return confirmedBelow;
    }
  }

  /**
   * Waits until {@code count} calls match, woken by each call recorded; fails the test with what
   * was seen otherwise.
   */
  List<Call> await(Predicate<Call> filter, int count, Duration timeout)
      throws InterruptedException {
    List<Call> matching = new ArrayList<>();
    if (awaitRecorded(
        () -> {
          matching.clear();
          calls.stream().filter(filter).forEach(matching::add);
          return matching.size() >= count;
        },
        timeout)) {
      return List.copyOf(matching);
    }
    throw new AssertionError(
        "expected "
            + count
            + " matching calls within "
            + timeout
            + ", saw "
            + matching.size()
            + "; all calls: "
            + calls().stream().map(c -> c.method() + " " + c.status() + " " + c.body()).toList());
  }

  /** Waits until {@code count} messages were accepted into the chat; fails the test otherwise. */
  public List<Call> awaitDelivered(long chatId, int count) throws InterruptedException {
    // the chat's own list: many askers waiting at once do not each scan every call
    if (awaitRecorded(
        () -> deliveredTo.getOrDefault(chatId, List.of()).size() >= count, Duration.ofSeconds(8))) {
      return delivered(chatId);
    }
    return await(
        c -> c.method().equals("sendmessage") && c.ok() && c.chatId() == chatId,
        count,
        Duration.ZERO);
  }

  /**
   * Waits until {@code condition} holds, checking it again each time a call is recorded: for a
   * condition on what this server was asked, such as {@link #calls()}.
   *
   * @return whether it held within {@code timeout}
   */
  public boolean awaitRecorded(BooleanSupplier condition, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (!condition.getAsBoolean()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
      return true;
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      String prefix = "/bot" + TOKEN + "/";
      if (!path.startsWith(prefix)) {
        respond(ex, 401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
        return;
      }
      String method = path.substring(prefix.length()).toLowerCase(Locale.ROOT);
      String agent = String.valueOf(ex.getRequestHeaders().getFirst("User-Agent"));
      currentAgent.set(agent);
      boolean send = !method.equals("getupdates");
      synchronized (lock) {
        arrivals.add(new Arrival(System.nanoTime(), method, agent));
        if (send) {
          sendsUnderWay++;
        }
      }
      try {
        answer(ex, method);
      } finally {
        if (send) {
          synchronized (lock) {
            sendsUnderWay--;
            lock.notifyAll();
          }
        }
      }
    }
  }

  /**
   * Waits until every request but getUpdates that arrived has been answered and recorded, e.g. a
   * send from a killed replica, still held by the send latency.
   */
  public boolean awaitNoSendsUnderWay(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (sendsUnderWay > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        lock.wait(Math.max(1, left / 1_000_000));
      }
      return true;
    }
  }

  private void answer(HttpExchange ex, String method) throws IOException {
    try {
      byte[] raw = ex.getRequestBody().readAllBytes();
      if (method.equals("sendmessage") && !sendLatency.isZero()) {
        // Telegram takes a while to answer: a replica killed now leaves this send under way. The
        // network's latency as the client meets it, not a wait for the client; it ends at close
        closed.await(sendLatency.toNanos(), TimeUnit.NANOSECONDS);
      }
      JsonNode body = raw.length == 0 ? json.createObjectNode() : json.readTree(raw);
      if (method.equals("sendmessage")
          && unanswered.filter(currentAgent.get()::contains).isPresent()) {
        record(method, body, 0, 0);
        closed.await(); // no answer ever: the exchange ends when the server closes
        return;
      }
      Fault fault;
      synchronized (lock) {
        Deque<Fault> queue = faults.get(method);
        fault = queue == null ? null : queue.poll();
      }
      if (fault != null) {
        record(method, body, fault.drop() ? 0 : fault.status(), 0);
        if (fault.hung()) {
          hung.await();
        }
        if (fault.drop()) {
          return; // closing the exchange without an answer: the client sees the connection end
        }
        respond(ex, fault.status(), fault.body());
        return;
      }
      switch (method) {
        case "getupdates" -> getUpdates(ex, body);
        case "getme" ->
            ok(
                ex,
                method,
                body,
                "{\"id\":"
                    + BOT_ID
                    + ",\"is_bot\":true,\"first_name\":\"OptOut\",\"username\":\""
                    + USERNAME
                    + "\"}");
        case "sendmessage", "editmessagetext" -> message(ex, method, body);
        case "deletewebhook",
            "setmycommands",
            "setmydescription",
            "setmyshortdescription",
            "answerinlinequery",
            "sendchataction",
            "answercallbackquery",
            "editmessagereplymarkup" ->
            ok(ex, method, body, "true");
        default -> {
          record(method, body, 404, 0);
          respond(
              ex,
              404,
              "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found: method not found\"}");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void getUpdates(HttpExchange ex, JsonNode body) throws IOException, InterruptedException {
    int offset = body.path("offset").asInt(0);
    long holdMillis = Math.min(body.path("timeout").asLong(0) * 1000, MAX_HOLD.toMillis());
    ArrayNode result = json.createArrayNode();
    boolean conflict;
    synchronized (lock) {
      long generation = ++pollGeneration;
      lock.notifyAll();
      confirmedBelow = Math.max(confirmedBelow, offset);
      updates.removeIf(u -> u.path("update_id").asInt() < offset);
      long deadline = System.currentTimeMillis() + holdMillis;
      while (updates.isEmpty()
          && generation == pollGeneration
          && System.currentTimeMillis() < deadline) {
        lock.wait(Math.max(1, deadline - System.currentTimeMillis()));
      }
      conflict = generation != pollGeneration;
      if (!conflict) {
        updates.stream().limit(body.path("limit").asInt(100)).forEach(result::add);
      }
      record("getupdates", body, conflict ? 409 : 200, 0);
    }
    if (conflict) {
      respond(
          ex,
          409,
          "{\"ok\":false,\"error_code\":409,\"description\":\"Conflict: terminated by other getUpdates request;"
              + " make sure that only one bot instance is running\"}");
    } else {
      respond(ex, 200, "{\"ok\":true,\"result\":" + result + "}");
    }
  }

  /** sendMessage and editMessageText, checked as Telegram checks them. */
  private void message(HttpExchange ex, String method, JsonNode body) throws IOException {
    String text = body.path("text").asText("");
    boolean html = "HTML".equalsIgnoreCase(body.path("parse_mode").asText(""));
    List<String> problems = html ? HtmlRules.problems(text) : List.of();
    String visible = html && problems.isEmpty() ? HtmlRules.visibleText(text) : text;
    synchronized (lock) {
      problems.forEach(
          p -> violations.add(method + ": can't parse entities: " + p + " in " + text));
      if (text.length() > TelegramRenderer.MAX_LENGTH) {
        violations.add(method + ": " + text.length() + " characters of raw text");
      }
      if (text.contains("http")
          && !body.path("link_preview_options").path("is_disabled").asBoolean(false)) {
        violations.add(method + ": a link preview is not disabled");
      }
      for (JsonNode row : body.path("reply_markup").path("inline_keyboard")) {
        for (JsonNode button : row) {
          if (button.path("text").asText("").isBlank()
              || button.path("callback_data").asText("").getBytes(StandardCharsets.UTF_8).length
                  > 64) {
            violations.add(method + ": bad button " + button);
          }
        }
      }
    }
    if (text.isBlank()) {
      reject(ex, method, body, "Bad Request: message text is empty");
    } else if (!problems.isEmpty()) {
      reject(ex, method, body, "Bad Request: can't parse entities: " + problems.get(0));
    } else if (visible.length() > TelegramRenderer.MAX_LENGTH) {
      reject(ex, method, body, "Bad Request: message is too long");
    } else {
      long chatId = body.path("chat_id").asLong();
      int id;
      String type;
      synchronized (lock) {
        id = method.equals("sendmessage") ? nextMessageId++ : body.path("message_id").asInt();
        type = chatTypes.getOrDefault(chatId, "private");
      }
      ObjectNode message = json.createObjectNode();
      message.put("message_id", id);
      message.put("date", 1_767_000_000L);
      message.putObject("chat").put("id", chatId).put("type", type);
      message.put("text", visible);
      record(method, body, 200, id);
      respond(ex, 200, "{\"ok\":true,\"result\":" + message + "}");
    }
  }

  private void reject(HttpExchange ex, String method, JsonNode body, String description)
      throws IOException {
    record(method, body, 400, 0);
    respond(
        ex,
        400,
        json.createObjectNode()
            .put("ok", false)
            .put("error_code", 400)
            .put("description", description)
            .toString());
  }

  private void ok(HttpExchange ex, String method, JsonNode body, String result) throws IOException {
    record(method, body, 200, 0);
    respond(ex, 200, "{\"ok\":true,\"result\":" + result + "}");
  }

  private void record(String method, JsonNode body, int status, int messageId) {
    synchronized (lock) {
      Call call = new Call(method, body, status, System.nanoTime(), messageId, currentAgent.get());
      calls.add(call);
      if (method.equals("sendmessage") && call.ok()) {
        deliveredTo.computeIfAbsent(call.chatId(), c -> new ArrayList<>()).add(call);
      }
      lock.notifyAll();
    }
  }

  private static void respond(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders()
        .set("Content-Type", body.startsWith("<") ? "text/html" : "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Ends the hangs under way ({@link Fault#hang()}), and any later one at once. */
  public void releaseHung() {
    hung.countDown();
  }

  @Override
  public void close() {
    closed.countDown();
    hung.countDown();
    synchronized (lock) {
      pollGeneration++;
      lock.notifyAll();
    }
    server.stop(0);
    executor.shutdownNow();
  }
}
