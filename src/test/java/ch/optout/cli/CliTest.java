package ch.optout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.FakeLlmServer;
import ch.optout.TestPipeline;
import ch.optout.store.ChatState;
import ch.optout.store.SqliteChatStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  private final ObjectMapper json = new ObjectMapper();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final Map<String, String> env =
      new HashMap<>(Map.of("OPTOUT_KNOWLEDGE_DIR", TestPipeline.fixtureDir().toString()));

  @TempDir Path temp;

  private int run(String stdin, String... args) {
    env.putIfAbsent("OPTOUT_DATA_DIR", temp.resolve("data").toString());
    return Main.run(
        args,
        env,
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintWriter(out, true),
        new PrintWriter(err, true));
  }

  @Test
  void askJson_returnsTheDocumentedFields() throws Exception {
    int code =
        run("", "ask", "--json", "Comment empêcher LinkedIn d'utiliser mes données pour l'IA ?");

    assertThat(code).isZero();
    JsonNode node = json.readTree(out.toString().strip());
    assertThat(node.get("question").asText())
        .isEqualTo("Comment empêcher LinkedIn d'utiliser mes données pour l'IA ?");
    assertThat(node.get("language").asText()).isEqualTo("fr");
    assertThat(node.get("answered").asBoolean()).isTrue();
    assertThat(node.get("platform").asText()).isEqualTo("linkedin");
    assertThat(node.get("answer").asText()).contains("1. Cliquez sur Vous");
    assertThat(node.get("steps")).hasSize(3);
    assertThat(node.get("sources").get(0).get("url").asText())
        .startsWith("https://www.linkedin.com/");
    assertThat(node.get("sources").get(0).get("verified").asText()).isEqualTo("2025-11-20");
    assertThat(node.get("composer").asText()).isEqualTo("extractive");
    assertThat(node.get("took_ms").isNumber()).isTrue();
    assertThat(node.get("lead").asText()).startsWith("Que faire sur LinkedIn :");
    assertThat(node.get("more").asBoolean()).isTrue();
  }

  @Test
  void askJson_factQuestion_leadIsTheCardsAnswerAndFacetsAreListed() throws Exception {
    run("", "ask", "--json", "Is switching LinkedIn's setting off retroactive?");

    JsonNode node = json.readTree(out.toString().strip());
    assertThat(node.get("lead").asText()).startsWith("No. It only stops future training");
    assertThat(node.get("facets").get(0).asText()).isEqualTo("retroactive");
  }

  @Test
  void chat_withAPostgresUrl_keepsTheChatOnTheServer() throws Exception {
    ch.optout.store.TestPostgres.reset();
    ch.optout.store.DatabaseUrl url = ch.optout.store.TestPostgres.url();
    env.put(
        "OPTOUT_DATABASE_URL",
        "postgresql://" + url.jdbcUrl().substring("jdbc:postgresql://".length()));
    env.put("OPTOUT_DATABASE_USER", url.user().orElse(""));
    env.put("OPTOUT_DATABASE_PASSWORD", url.password().orElse(""));
    env.put("OPTOUT_SECRET_KEY", "a-test-secret-of-at-least-thirty-two-characters");

    assertThat(run("/lang fr\n", "chat")).isZero();
    out.getBuffer().setLength(0);
    assertThat(run("/mydata\n", "chat")).isZero();

    assertThat(out.toString()).contains("Langue choisie : fr");
    assertThat(java.nio.file.Files.exists(temp.resolve("data").resolve("optout.db"))).isFalse();
  }

  @Test
  void chat_withAPostgresUrlButNoSecretKey_isAUsageErrorAndKeepsNoSecretInTheDatabase() {
    ch.optout.store.TestPostgres.reset();
    ch.optout.store.DatabaseUrl url = ch.optout.store.TestPostgres.url();
    env.put(
        "OPTOUT_DATABASE_URL",
        "postgresql://" + url.jdbcUrl().substring("jdbc:postgresql://".length()));
    env.put("OPTOUT_DATABASE_USER", url.user().orElse(""));
    env.put("OPTOUT_DATABASE_PASSWORD", url.password().orElse(""));

    assertThat(run("/lang fr\n", "chat")).isEqualTo(2);
    assertThat(err.toString())
        .contains("OPTOUT_DATABASE_URL (PostgreSQL) needs OPTOUT_SECRET_KEY")
        .doesNotContain(url.password().orElse("no password"));
    assertThat(
            ch.optout.store.TestPostgres.count(
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'chat_secret'"))
        .isZero();
  }

  @Test
  void badDatabaseUrl_isAUsageErrorNamingTheVariable() {
    env.put("OPTOUT_DATABASE_URL", "mysql://db/optout");

    assertThat(run("", "chat")).isEqualTo(2);
    assertThat(err.toString()).contains("OPTOUT_DATABASE_URL must start with postgresql://");
  }

  @Test
  void chatJson_isOneObjectPerMessageOfTheSameConversation() throws Exception {
    int code =
        run(
            "comment empêcher LinkedIn d'utiliser mon profil ?\nc'est rétroactif ?\nmerci\n",
            "chat",
            "--json");

    assertThat(code).isZero();
    List<String> lines = out.toString().strip().lines().toList();
    assertThat(lines).hasSize(3);
    JsonNode retroactive = json.readTree(lines.get(1));
    assertThat(retroactive.get("question").asText()).isEqualTo("c'est rétroactif ?");
    assertThat(retroactive.get("language").asText()).isEqualTo("fr");
    assertThat(retroactive.get("platform").asText()).isEqualTo("linkedin");
    assertThat(retroactive.get("lead").asText()).startsWith("Non.");
    assertThat(json.readTree(lines.get(2)).get("act").asText()).isEqualTo("thanks");
  }

  @Test
  void askWithoutQuestion_answersEachLineOfStandardInput() throws Exception {
    int code =
        run(
            "How do I stop LinkedIn using my CV?\n\nWhat's the weather?\nTikTok ?\n",
            "ask",
            "--json");

    assertThat(code).isZero();
    List<String> lines = out.toString().strip().lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(json.readTree(lines.get(0)).get("answered").asBoolean()).isTrue();
    assertThat(json.readTree(lines.get(1)).get("answered").asBoolean()).isFalse();
    assertThat(json.readTree(lines.get(2)).get("answered").asBoolean()).isFalse();
    assertThat(json.readTree(lines.get(3)).get("platform").asText()).isEqualTo("tiktok");
  }

  @Test
  void askText_printsNumberedStepsAndSources() {
    run("", "ask", "How", "do", "I", "stop", "LinkedIn", "using", "my", "CV?");

    assertThat(out.toString())
        .contains(" 1. Click Me, then Settings & Privacy.")
        .contains("https://www.linkedin.com/help/linkedin/answer/a6278444");
  }

  @Test
  void askLang_forcesTheAnswerLanguage() throws Exception {
    run("", "ask", "--json", "--lang", "fr", "How do I stop LinkedIn?");
    assertThat(json.readTree(out.toString().strip()).get("language").asText()).isEqualTo("fr");
  }

  @Test
  void askJson_letterWithRegion_givesTheLetterAndTheContactAsSource() throws Exception {
    int code = run("", "ask", "--json", "--region", "ch", "write an objection letter to TikTok");

    assertThat(code).isZero();
    JsonNode node = json.readTree(out.toString().strip());
    assertThat(node.get("kind").asText()).isEqualTo("letter");
    assertThat(node.get("letter").asText())
        .contains("Regime swiss-fadp in en")
        .contains("privacy@tiktok.example");
    assertThat(node.get("answer").asText()).contains("Regime swiss-fadp in en");
    assertThat(node.get("sources").get(0).get("url").asText())
        .isEqualTo("mailto:privacy@tiktok.example");
  }

  @Test
  void askJson_everywhere_givesTheChecklistInAnswerAndSteps() throws Exception {
    run("", "ask", "--json", "How do I stop every social network from using my data?");

    JsonNode node = json.readTree(out.toString().strip());
    assertThat(node.get("kind").asText()).isEqualTo("checklist");
    assertThat(node.get("steps")).hasSize(3);
    assertThat(node.get("steps").get(0).asText()).startsWith("LinkedIn — ");
    assertThat(node.get("answer").asText()).contains(" 3. TikTok — ");
  }

  @Test
  void askBadRegion_isAUsageError() {
    assertThat(run("", "ask", "--region", "mars", "LinkedIn")).isEqualTo(2);
    assertThat(err.toString()).contains("--region takes eu, uk or ch");
  }

  @Test
  void askBadLang_isAUsageError() {
    assertThat(run("", "ask", "--lang", "de", "LinkedIn")).isEqualTo(2);
    assertThat(err.toString()).contains("--lang takes fr or en");
  }

  @Test
  void askHostileQuestions_exitZeroWithAnAnswer() {
    String hostile =
        "LinkedIn\" AND (title:[* TO *] OR *:*) ~2 ^3\n<script>alert(1)</script>\n\u0007\u0000\n"
            + "x".repeat(100_000)
            + "\n";
    assertThat(run(hostile, "ask", "--json")).isZero();
    assertThat(out.toString().strip().lines()).hasSize(4);
    assertThat(err.toString()).doesNotContain("Exception");
  }

  @Test
  void askJson_withAnOpenAiCompatibleServer_givesACitedLlmAnswerWithoutForeignLinks()
      throws Exception {
    try (FakeLlmServer server = FakeLlmServer.openAi()) {
      server.replies(
          "Switch off the setting, see https://evil.example/steal [1].\n\n1. Click **Me**, then **Settings & Privacy** [1].\n2. Switch off **Data for Generative AI Improvement** [1].");
      env.putAll(
          Map.of(
              "OPTOUT_LLM",
              "openai",
              "OPENAI_BASE_URL",
              server.baseUrl(),
              "OPTOUT_LLM_TIMEOUT",
              "5"));

      int code = run("", "ask", "--json", "How do I stop LinkedIn using my CV?");

      assertThat(code).isZero();
      JsonNode node = json.readTree(out.toString().strip());
      assertThat(node.get("composer").asText()).isEqualTo("llm");
      assertThat(node.get("answer").asText())
          .contains("Switch off the setting, see [1].")
          .doesNotContain("evil.example");
      assertThat(node.get("steps")).hasSize(2);
      assertThat(node.get("sources")).hasSize(1);
      assertThat(node.get("sources").get(0).get("url").asText())
          .isEqualTo("https://www.linkedin.com/help/linkedin/answer/a6278444");
      assertThat(server.received()).hasSize(1);
    }
  }

  @Test
  void askJson_modelServerDown_fallsBackToTheExtractiveAnswer() throws Exception {
    try (FakeLlmServer server = FakeLlmServer.openAi()) {
      server.fails(503);
      env.putAll(
          Map.of(
              "OPTOUT_LLM",
              "openai",
              "OPENAI_BASE_URL",
              server.baseUrl(),
              "OPENAI_API_KEY",
              "sk-test"));

      assertThat(run("", "ask", "--json", "How do I stop LinkedIn using my CV?")).isZero();
      assertThat(json.readTree(out.toString().strip()).get("composer").asText())
          .isEqualTo("extractive");
      assertThat(err.toString()).doesNotContain("sk-test").doesNotContain("at dev.langchain4j");
    }
  }

  @Test
  void ask_badLlmSetting_isAUsageErrorNamingTheVariable() {
    env.put("OPTOUT_LLM", "chatgpt");

    assertThat(run("", "ask", "LinkedIn")).isEqualTo(2);
    assertThat(err.toString().strip().lines())
        .containsExactly(
            "Usage error / Erreur d'utilisation (--help):",
            "  OPTOUT_LLM must be none, openai or ollama, not 'chatgpt'");
  }

  @Test
  void chat_answersUntilEndOfInput() {
    int code = run("LinkedIn ?\n/lang fr\n/quit\n", "chat");

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("Hello, I am OptOut.")
        .contains("Data for Generative AI Improvement")
        .contains("Désormais je réponds en français.");
  }

  @Test
  void chat_remembersChoicesAcrossRuns_andMydataShowsThem() {
    assertThat(run("/lang fr\nLinkedIn ?\n/quit\n", "chat")).isZero();
    out.getBuffer().setLength(0);

    assertThat(run("/mydata\n", "chat")).isZero();

    assertThat(out.toString())
        .contains("Langue choisie : fr")
        .contains("LinkedIn, type de question")
        .contains("gardée jusqu'au");
    assertThat(temp.resolve("data/optout.db")).exists();
    assertThat(temp.resolve("data/secret.key")).exists();
  }

  @Test
  void chat_forget_erasesWhatWasKept() {
    run("/lang fr\n", "chat");
    out.getBuffer().setLength(0);

    run("/forget\n/mydata\n", "chat");

    assertThat(out.toString())
        .contains("est effacé")
        .contains("Nothing: I keep no data about this chat.");
  }

  @Test
  void chat_showsAReminderWhenTheConversationStartsOnOrAfterItsDay_once() {
    run("/remind tiktok\n", "chat");
    assertThat(out.toString()).contains("when you open this chat on or after");
    out.getBuffer().setLength(0);

    run("/quit\n", "chat");
    assertThat(out.toString()).doesNotContain("Did TikTok answer");

    env.put("OPTOUT_CLOCK_OFFSET", "P31D");
    run("/quit\n", "chat");
    assertThat(out.toString())
        .contains("Did TikTok answer your objection of")
        .contains("/followup none tiktok");
    out.getBuffer().setLength(0);

    run("/followup none tiktok\n", "chat");
    assertThat(out.toString())
        .doesNotContain("Did TikTok answer")
        .contains("had one month to answer your objection");
  }

  @Test
  void chat_purgesRowsOlderThanTheRetentionAtStart() {
    Path data = temp.resolve("data");
    try (SqliteChatStore old =
        new SqliteChatStore(
            data, Clock.fixed(Instant.parse("2020-01-01T00:00:00Z"), ZoneOffset.UTC))) {
      old.save(ChatCommand.CHAT_ID, ChatState.EMPTY.withLanguage("fr"));
    }
    env.put("OPTOUT_RETENTION_DAYS", "36500");
    run("/mydata\n", "chat");
    assertThat(out.toString()).contains("Langue choisie : fr");
    out.getBuffer().setLength(0);

    env.remove("OPTOUT_RETENTION_DAYS");
    run("/mydata\n", "chat");

    assertThat(out.toString()).contains("Nothing: I keep no data about this chat.");
  }

  @Test
  void chat_damagedDatabase_exitsFourWithAClearMessageAndKeepsTheFile() throws Exception {
    Path db = Files.createDirectories(temp.resolve("data")).resolve("optout.db");
    byte[] junk =
        "this is not a database, but someone's precious file"
            .repeat(100)
            .getBytes(StandardCharsets.UTF_8);
    Files.write(db, junk);

    assertThat(run("LinkedIn ?\n", "chat")).isEqualTo(4);

    assertThat(err.toString())
        .contains(db.toString())
        .contains("damaged")
        .contains("left untouched")
        .doesNotContain("at ch.optout");
    assertThat(Files.readAllBytes(db)).isEqualTo(junk);
  }

  @Test
  void chat_dataDirectoryIsAFile_exitsFourWithAClearMessage() throws Exception {
    Path file = Files.writeString(temp.resolve("not-a-dir"), "x");
    env.put("OPTOUT_DATA_DIR", file.toString());

    assertThat(run("", "chat")).isEqualTo(4);
    assertThat(err.toString())
        .contains(file.toString())
        .contains("not a directory")
        .contains("OPTOUT_DATA_DIR");
  }

  @Test
  void chat_badRetentionDays_isAUsageError() {
    env.put("OPTOUT_RETENTION_DAYS", "ninety");

    assertThat(run("", "chat")).isEqualTo(2);
    assertThat(err.toString()).contains("OPTOUT_RETENTION_DAYS").contains("'ninety'");
  }

  @Test
  void ask_keepsNothingOnDisk() {
    run("", "ask", "LinkedIn ?");
    assertThat(temp.resolve("data")).doesNotExist();
  }

  @Test
  void knowledgeCheck_validFolder_exitsZero() throws Exception {
    env.put("OPTOUT_KNOWLEDGE_DIR", checkFixture().toString());

    assertThat(run("", "knowledge", "check")).isZero();
    assertThat(out.toString()).contains("2 files, 2 guides, 0 companies, 0 authorities, 0 errors");
  }

  @Test
  void knowledgeCheck_plantedShortLink_failsNamingTheFile() throws Exception {
    Path dir = copyOfCheckFixture();
    replace(
        dir.resolve("guides/demo.fr.md"), "https://help.demo.example/fr/ai", "https://bit.ly/3x");

    assertThat(run("", "knowledge", "check", dir.toString())).isEqualTo(1);
    assertThat(err.toString())
        .contains(
            "guides/demo.fr.md:1: source 'Aide Demo — Données pour l'IA' points to a link"
                + " shortener or redirect (bit.ly)");
  }

  @Test
  void knowledgeCheck_sourcePublishedAfterVerified_failsWithFileAndLine() throws Exception {
    Path dir = copyOfCheckFixture();
    replace(dir.resolve("guides/demo.en.md"), "published: 2025-07", "published: 2026-01-15");

    assertThat(run("", "knowledge", "check", dir.toString())).isEqualTo(1);
    assertThat(err.toString())
        .contains(
            "guides/demo.en.md:12: source published 2026-01-15, after the file's verified date"
                + " 2025-11-20");
  }

  @Test
  void knowledgeCheck_anotherFolder_isCheckedAgainstTheBundledListOfServicesWithoutAGuide()
      throws Exception {
    String listed = firstListedService();
    Path dir = copyOfCheckFixture();
    for (String twin : List.of("guides/demo.en.md", "guides/demo.fr.md")) {
      replace(dir.resolve(twin), "platform: Demo", "platform: " + listed);
    }

    assertThat(run("", "knowledge", "check", dir.toString())).isEqualTo(1);
    assertThat(err.toString())
        .contains(
            "src/main/resources/coverage/uncovered.txt:",
            ": '" + listed + "' has a guide (guides/demo.en.md)");
  }

  @Test
  void knowledgeCheck_brokenFolder_exitsNonZeroWithFileAndLine() throws Exception {
    Path dir = temp.resolve("k");
    Files.createDirectories(dir.resolve("guides"));
    Files.writeString(
        dir.resolve("guides/x.en.md"),
        "---\nid: x\nlang: en\nplatform: X\ntitle: T\nverified: 2025-01-01\nsources:\n  - title: a\n    url: http://x.com\n---\n## Steps (web)\n1. a\n");

    assertThat(run("", "knowledge", "check", dir.toString())).isEqualTo(1);
    assertThat(err.toString())
        .contains("guides/x.en.md:1: source 'a' must use https")
        .contains("no French twin");
  }

  @Test
  void knowledgeCheckStale_warnsWithoutFailing() throws Exception {
    env.put("OPTOUT_KNOWLEDGE_DIR", checkFixture().toString());

    assertThat(run("", "knowledge", "check", "--stale", "30")).isZero();
    assertThat(out.toString()).contains("warning: verified 2025-");
  }

  @Test
  void knowledgeCheckStale180_warnsOnlyAboutTheFileVerifiedLongAgo() throws Exception {
    Path dir = copyOfCheckFixture();
    String today = LocalDate.now(Clock.systemUTC()).toString();
    replace(dir.resolve("guides/demo.fr.md"), "verified: 2025-11-20", "verified: " + today);
    replace(dir.resolve("guides/demo.en.md"), "verified: 2025-11-20", "verified: 2024-01-10");
    replace(dir.resolve("guides/demo.en.md"), "published: 2025-07", "published: 2023-07");

    assertThat(run("", "knowledge", "check", "--stale", "180", dir.toString())).isZero();
    assertThat(out.toString())
        .contains("guides/demo.en.md:1: warning: verified 2024-01-10, ")
        .contains("days ago (more than 180): check it again")
        .doesNotContain("guides/demo.fr.md:1: warning: verified");
  }

  @Test
  void brokenKnowledgeAtStart_isAClearErrorNotAStackTrace() throws Exception {
    Path dir = temp.resolve("broken");
    Files.createDirectories(dir.resolve("guides"));
    Files.writeString(dir.resolve("guides/x.en.md"), "---\nid: [oops\n---\n");
    env.put("OPTOUT_KNOWLEDGE_DIR", dir.toString());

    assertThat(run("", "ask", "LinkedIn")).isEqualTo(3);
    assertThat(err.toString()).contains("guides/x.en.md:").doesNotContain("at ch.optout");
  }

  private static Path checkFixture() throws Exception {
    return Path.of(CliTest.class.getResource("/check-knowledge").toURI());
  }

  /** The folder that passes every rule, copied to plant one defect. */
  private Path copyOfCheckFixture() throws Exception {
    Path dir = temp.resolve("check");
    Path fixture = checkFixture();
    try (var files = Files.walk(fixture)) {
      for (Path from : files.filter(Files::isRegularFile).toList()) {
        Path to = dir.resolve(fixture.relativize(from).toString());
        Files.createDirectories(to.getParent());
        Files.copy(from, to);
      }
    }
    return dir;
  }

  private static void replace(Path file, String old, String replacement) throws Exception {
    String text = Files.readString(file);
    assertThat(text).contains(old);
    Files.writeString(file, text.replace(old, replacement));
  }

  /** A service the bundled list says has no guide, read from the list itself. */
  private static String firstListedService() throws Exception {
    try (var in = CliTest.class.getClassLoader().getResourceAsStream("coverage/uncovered.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .findFirst()
          .orElseThrow()
          .split("\\|")[0]
          .strip();
    }
  }
}
