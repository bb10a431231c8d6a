package ch.optout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.KnowledgeCopy;
import ch.optout.TestPipeline;
import ch.optout.store.DatabaseUrl;
import ch.optout.store.LeaderLock;
import ch.optout.store.PostgresChatStore;
import ch.optout.store.TestPostgres;
import ch.optout.telegram.BotThreads;
import ch.optout.telegram.BotToken;
import ch.optout.telegram.FakeBotApi;
import ch.optout.telegram.Updates;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code telegram} command, as {@code java -jar optout.jar telegram} runs it, against the
 * fake Bot API.
 */
class TelegramCommandTest {
  private static final long CHAT = 4_242L;
  private static final String SECRET =
      FakeBotApi.TOKEN.substring(FakeBotApi.TOKEN.indexOf(':') + 1);

  private final WatchedWriter out = new WatchedWriter();
  private final StringWriter err = new StringWriter();
  private final Map<String, String> env =
      new HashMap<>(Map.of("OPTOUT_KNOWLEDGE_DIR", TestPipeline.fixtureDir().toString()));

  @TempDir Path temp;

  private int run(String... args) {
    env.putIfAbsent("OPTOUT_DATA_DIR", temp.resolve("data").toString());
    return Main.run(
        args,
        env,
        new ByteArrayInputStream(new byte[0]),
        new PrintWriter(out, true),
        new PrintWriter(err, true));
  }

  @Test
  void telegram_withoutToken_isAUsageErrorSayingWhatToSet() {
    assertThat(run("telegram")).isEqualTo(2);
    assertThat(err.toString()).contains("telegram needs TELEGRAM_BOT_TOKEN").contains("@BotFather");
  }

  @Test
  void telegram_malformedToken_isAUsageErrorThatDoesNotRepeatIt() {
    env.put("TELEGRAM_BOT_TOKEN", "123:TopSecretButMalformed");

    assertThat(run("telegram")).isEqualTo(2);
    assertThat(err.toString())
        .contains("TELEGRAM_BOT_TOKEN does not look like a bot token")
        .doesNotContain("TopSecret");
  }

  @Test
  void telegram_apiUrlWithAPath_isAUsageError() {
    env.put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
    env.put("TELEGRAM_API_URL", "https://api.telegram.org/bot" + FakeBotApi.TOKEN);

    assertThat(run("telegram")).isEqualTo(2);
    assertThat(err.toString())
        .contains("TELEGRAM_API_URL must be a base URL without path")
        .doesNotContain(SECRET);
  }

  @Test
  void telegram_tokenRefusedByTheApi_exitsOneWithAClearMessage() throws Exception {
    try (FakeBotApi api = new FakeBotApi()) {
      env.put("TELEGRAM_BOT_TOKEN", "987654321:AAHsomeOtherBotsTokenNotKnownHere_0000");
      env.put("TELEGRAM_API_URL", api.url());

      assertThat(run("telegram")).isEqualTo(1);
      assertThat(err.toString())
          .contains("refused the token (401 Unauthorized)")
          .doesNotContain("AAHsomeOther", "at ch.optout");
    }
  }

  @Test
  void telegram_tokenRevokedWhileRunning_exitsSixWithAClearMessage() throws Exception {
    try (FakeBotApi api = new FakeBotApi()) {
      env.put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
      env.put("TELEGRAM_API_URL", api.url());
      env.put("OPTOUT_RETRIEVAL", "bm25");
      AtomicInteger exit = new AtomicInteger(-1);
      Thread cli = new Thread(() -> exit.set(run("telegram")), "cli-telegram");
      cli.start();
      awaitOutput("OptOut answers on Telegram as @" + FakeBotApi.USERNAME);

      String unauthorized = "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}";
      for (int i = 0; i < 10; i++) {
        api.fail("getupdates", FakeBotApi.Fault.status(401, unauthorized));
      }
      cli.join(Duration.ofSeconds(30).toMillis());

      assertThat(cli.isAlive()).isFalse();
      assertThat(exit.get()).isEqualTo(6);
      assertThat(err.toString())
          .contains("Telegram refused the bot's token 3 times in a row (401)")
          .contains("TELEGRAM_BOT_TOKEN")
          .doesNotContain(SECRET);
      awaitNoBotThreads();
    }
  }

  @Test
  void telegram_withAnHttpPort_servesHealthReadinessAndMetrics() throws Exception {
    try (FakeBotApi api = new FakeBotApi()) {
      env.put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
      env.put("TELEGRAM_API_URL", api.url());
      env.put("OPTOUT_HTTP_PORT", "0");
      AtomicInteger exit = new AtomicInteger(-1);
      Thread cli = new Thread(() -> exit.set(run("telegram")), "cli-telegram");
      cli.start();
      api.push(Updates.privateText(CHAT, "en", "How do I stop LinkedIn using my CV?"));
      api.awaitDelivered(CHAT, 1);
      java.util.regex.Matcher port =
          java.util.regex.Pattern.compile("http://localhost:(\\d+)/healthz")
              .matcher(out.toString());
      assertThat(port.find()).as(out.toString()).isTrue();
      java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
      String base = "http://localhost:" + port.group(1);

      java.net.http.HttpResponse<String> health = get(http, base + "/healthz");
      java.net.http.HttpResponse<String> ready = get(http, base + "/readyz");
      java.net.http.HttpResponse<String> metrics = get(http, base + "/metrics");
      cli.interrupt();
      cli.join(Duration.ofSeconds(10).toMillis());

      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.body()).startsWith("ready: leader, store reachable");
      assertThat(metrics.body())
          .contains("optout_up 1")
          .contains("optout_store_up 1")
          .contains("optout_leader 1")
          .contains("optout_answers_today 1");
      assertThat(exit.get()).isZero();
    }
  }

  @Test
  void telegram_replicaWithoutADatabase_isAUsageError() {
    env.put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);

    assertThat(run("telegram", "--replica")).isEqualTo(2);
    assertThat(err.toString()).contains("telegram --replica needs OPTOUT_DATABASE_URL");
  }

  @Test
  void telegram_onPostgres_standsByWhileAnotherReplicaLeads_thenTakesOverAndAnswers()
      throws Exception {
    TestPostgres.reset();
    DatabaseUrl db = TestPostgres.url();
    try (FakeBotApi api = new FakeBotApi();
        PostgresChatStore other =
            new PostgresChatStore(db, java.util.Optional.empty(), java.time.Clock.systemUTC());
        LeaderLock leader = other.leaderLock(new BotToken(FakeBotApi.TOKEN).botId())) {
      assertThat(leader.await()).isTrue();
      env.put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
      env.put("TELEGRAM_API_URL", api.url());
      env.put("OPTOUT_HTTP_PORT", "0");
      env.put("OPTOUT_DATABASE_URL", db.jdbcUrl().replaceFirst("^jdbc:", ""));
      db.user().ifPresent(u -> env.put("OPTOUT_DATABASE_USER", u));
      db.password().ifPresent(p -> env.put("OPTOUT_DATABASE_PASSWORD", p));
      env.put("OPTOUT_SECRET_KEY", "a-test-secret-of-at-least-thirty-two-characters");
      env.put("OPTOUT_SECRET_KEY", "a-test-secret-of-at-least-thirty-two-characters");
      env.put("OPTOUT_REPLICA", "cli-test");
      env.put("OPTOUT_RETRIEVAL", "bm25");
      AtomicInteger exit = new AtomicInteger(-1);
      Thread cli = new Thread(() -> exit.set(run("telegram", "--replica")), "cli-telegram");
      cli.start();
      awaitOutput("Standby cli-test");
      String base = "http://localhost:" + healthPort();
      java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();

      assertThat(get(http, base + "/readyz").body()).startsWith("ready: standby");
      assertThat(get(http, base + "/metrics").body())
          .contains("optout_standby 1")
          .contains("optout_leader 0");
      assertThat(api.calls()).as("a standby never talks to Telegram").isEmpty();

      leader.close();
      awaitOutput("OptOut answers on Telegram as @" + FakeBotApi.USERNAME);
      api.push(Updates.privateText(CHAT, "en", "How do I stop LinkedIn using my CV?"));
      api.awaitDelivered(CHAT, 1);
      java.net.http.HttpResponse<String> ready = get(http, base + "/readyz");
      String metrics = get(http, base + "/metrics").body();
      cli.interrupt();
      cli.join(Duration.ofSeconds(10).toMillis());

      assertThat(ready.body()).startsWith("ready: leader");
      assertThat(metrics)
          .contains("optout_leader 1")
          .contains("optout_standby 0")
          .contains("optout_messages_answered_total 1")
          .contains("optout_relay_backlog ");
      assertThat(api.calls("sendmessage")).allMatch(c -> c.agent().contains("replica cli-test"));
      assertThat(exit.get()).isZero();
      assertThat(out.toString()).contains("OptOut stopped. / OptOut est arrêté.");
      assertThat(out.toString() + err).doesNotContain(SECRET);
      awaitNoBotThreads();
    }
  }

  @Test
  void telegram_leaderWhoseLockSessionIsCut_stopsAndExitsFiveForItsSupervisor() throws Exception {
    TestPostgres.reset();
    DatabaseUrl db = TestPostgres.url();
    try (FakeBotApi api = new FakeBotApi()) {
      env.put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
      env.put("TELEGRAM_API_URL", api.url());
      env.put("OPTOUT_DATABASE_URL", db.jdbcUrl().replaceFirst("^jdbc:", ""));
      db.user().ifPresent(u -> env.put("OPTOUT_DATABASE_USER", u));
      db.password().ifPresent(p -> env.put("OPTOUT_DATABASE_PASSWORD", p));
      env.put("OPTOUT_SECRET_KEY", "a-test-secret-of-at-least-thirty-two-characters");
      env.put("OPTOUT_SECRET_KEY", "a-test-secret-of-at-least-thirty-two-characters");
      env.put("OPTOUT_RETRIEVAL", "bm25");
      AtomicInteger exit = new AtomicInteger(-1);
      Thread cli = new Thread(() -> exit.set(run("telegram", "--replica")), "cli-telegram");
      cli.start();
      awaitOutput("OptOut answers on Telegram as @" + FakeBotApi.USERNAME);

      // what the server does to a leader it finds idle, or an operator to a stuck one
      TestPostgres.execute(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
              + " WHERE application_name = 'optout-leader'");
      cli.join(Duration.ofSeconds(15).toMillis());

      assertThat(cli.isAlive()).isFalse();
      assertThat(exit.get()).isEqualTo(5);
      assertThat(out.toString()).contains("OptOut lost the leader lock");
      // no polling after the lock is lost: every thread that could poll has ended
      awaitNoBotThreads();
    }
  }

  @Test
  void composeHealthcheck_passesAgainstTheRunningProcess_andFailsWithoutIt() throws Exception {
    String compose = Files.readString(Path.of("docker-compose.yml"));
    java.util.regex.Matcher check =
        java.util.regex.Pattern.compile("\"(exec 3<>/dev/tcp/127\\.0\\.0\\.1/8080[^\"]*)\"")
            .matcher(compose);
    assertThat(check.find()).as("the healthcheck asks /healthz over bash's /dev/tcp").isTrue();
    // as YAML's double quotes unescape it
    String command = check.group(1).replace("\\\\", "\\");
    try (HealthServer server =
        HealthServer.start(
            java.net.InetAddress.getLoopbackAddress(),
            0,
            new ch.optout.store.InMemoryChatStore(),
            () ->
                new HealthServer.Status(
                    HealthServer.Role.STANDBY, new ch.optout.telegram.TelegramCounts()),
            java.time.Clock.systemUTC())) {
      String here = command.replace("/8080", "/" + server.port());
      assertThat(new ProcessBuilder("bash", "-c", here).start().waitFor()).isZero();
      int closedPort;
      try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
        closedPort = s.getLocalPort();
      }
      String nobody = command.replace("/8080", "/" + closedPort);
      assertThat(new ProcessBuilder("bash", "-c", nobody).start().waitFor()).isNotZero();
    }
  }

  private void awaitOutput(String text) throws InterruptedException {
    out.awaitContains(text, Duration.ofSeconds(30));
    assertThat(out.toString()).as(err.toString()).contains(text);
  }

  private String healthPort() {
    java.util.regex.Matcher port =
        java.util.regex.Pattern.compile("http://localhost:(\\d+)/healthz").matcher(out.toString());
    assertThat(port.find()).as(out.toString()).isTrue();
    return port.group(1);
  }

  @Test
  void telegram_badHttpPort_isAUsageError() {
    env.put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
    env.put("OPTOUT_HTTP_PORT", "eighty");

    assertThat(run("telegram")).isEqualTo(2);
    assertThat(err.toString()).contains("OPTOUT_HTTP_PORT takes a port number from 0 to 65535");
  }

  private static java.net.http.HttpResponse<String> get(java.net.http.HttpClient http, String url)
      throws Exception {
    return http.send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void telegram_restartedWithTheClockAMonthAhead_asksTheReminderOnce() throws Exception {
    KnowledgeCopy knowledge = KnowledgeCopy.of(Files.createDirectory(temp.resolve("knowledge")));
    try (FakeBotApi api = new FakeBotApi()) {
      env.put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
      env.put("TELEGRAM_API_URL", api.url());
      env.put("OPTOUT_RETRIEVAL", "bm25");
      env.put("OPTOUT_KNOWLEDGE_DIR", knowledge.dir().toString());
      Thread first = new Thread(() -> run("telegram"), "cli-telegram-1");
      first.start();
      api.push(Updates.privateText(CHAT, "en", "/remind tiktok"));
      api.push(Updates.privateText(CHAT, "en", "/watch linkedin"));
      api.awaitDelivered(CHAT, 2);
      first.interrupt();
      first.join(Duration.ofSeconds(10).toMillis());

      // the marker: a change the chat follows, new to the second start. Its alert is claimed in the
      // same look as the reminder, after the reminders, and goes to the chat after them
      knowledge.addChange("linkedin", "2026-12-20", "LinkedIn changes.", "LinkedIn change.", "");
      env.put("OPTOUT_CLOCK_OFFSET", "P31D");
      Thread second = new Thread(() -> run("telegram"), "cli-telegram-2");
      second.start();
      List<FakeBotApi.Call> told = api.awaitDelivered(CHAT, 4);
      second.interrupt();
      second.join(Duration.ofSeconds(10).toMillis());

      assertThat(told.get(2).text()).startsWith("Did TikTok answer your objection of");
      assertThat(told.get(3).text()).contains("LinkedIn changes.");
      assertThat(api.delivered(CHAT)).hasSize(4);
      assertThat(second.isAlive()).isFalse();
      assertThat(api.violations()).isEmpty();
    }
  }

  @Test
  void telegram_answersAQuestionThenStopsCleanly() throws Exception {
    try (FakeBotApi api = new FakeBotApi()) {
      env.put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
      env.put("TELEGRAM_API_URL", api.url());
      AtomicInteger exit = new AtomicInteger(-1);
      Thread cli = new Thread(() -> exit.set(run("telegram")), "cli-telegram");
      cli.start();

      int update = api.push(Updates.privateText(CHAT, "en", "How do I stop LinkedIn using my CV?"));
      FakeBotApi.Call reply = api.awaitDelivered(CHAT, 1).get(0);
      cli.interrupt();
      cli.join(Duration.ofSeconds(10).toMillis());

      assertThat(reply.text())
          .startsWith("<b>Stop LinkedIn training AI on your profile</b>")
          .contains("<a href=\"https://www.linkedin.com/");
      assertThat(cli.isAlive()).isFalse();
      assertThat(exit.get()).isZero();
      assertThat(out.toString())
          .contains("OptOut answers on Telegram as @" + FakeBotApi.USERNAME)
          .contains("OptOut stopped. / OptOut est arrêté.");
      assertThat(out.toString() + err).doesNotContain(SECRET);
      assertThat(api.violations()).isEmpty();
      assertThat(api.confirmedBelow())
          .as("handled updates confirmed on the way out")
          .isGreaterThan(update);
      awaitNoBotThreads();
    }
  }

  @Test
  void telegram_brokenKnowledgeFile_exitsThreeNamingTheFileBeforeTheBotStarts() throws Exception {
    // a copy of the fixture with one guide whose front matter is cut short
    Path knowledge = temp.resolve("knowledge");
    try (var files = Files.walk(TestPipeline.fixtureDir())) {
      for (Path from : files.toList()) {
        Path to = knowledge.resolve(TestPipeline.fixtureDir().relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to);
        }
      }
    }
    Files.writeString(knowledge.resolve("guides/tiktok.fr.md"), "---\nid: [tiktok\nlang: fr\n");
    try (FakeBotApi api = new FakeBotApi()) {
      env.put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
      env.put("TELEGRAM_API_URL", api.url());
      env.put("OPTOUT_KNOWLEDGE_DIR", knowledge.toString());

      assertThat(run("telegram")).isEqualTo(3);

      assertThat(err.toString())
          .contains("The knowledge folder has errors")
          .contains("guides/tiktok.fr.md")
          .doesNotContain("at ch.optout", SECRET);
      assertThat(out.toString()).doesNotContain("OptOut answers on Telegram");
      assertThat(api.calls()).as("no half-started bot: not even getMe").isEmpty();
      assertThat(botThreads()).isZero();
    }
  }

  @Test
  void telegram_adminIdsThatAreNotIds_isAUsageErrorBeforeAnythingStarts() throws Exception {
    try (FakeBotApi api = new FakeBotApi()) {
      env.put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
      env.put("TELEGRAM_API_URL", api.url());
      env.put("OPTOUT_ADMIN_IDS", "12345,@alice");

      assertThat(run("telegram")).isEqualTo(2);
      assertThat(err.toString())
          .contains("OPTOUT_ADMIN_IDS takes Telegram user ids")
          .contains("'@alice'");
      assertThat(api.calls()).isEmpty();
    }
  }

  private static void awaitNoBotThreads() throws InterruptedException {
    assertThat(BotThreads.awaitNone(Duration.ofSeconds(3))).isEmpty();
  }

  private static long botThreads() {
    return BotThreads.alive().size();
  }
}
