package ch.optout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactsCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @TempDir Path tmp;

  private int run(String... args) {
    return Main.run(
        args,
        Map.of(),
        new ByteArrayInputStream(new byte[0]),
        new PrintWriter(out, true),
        new PrintWriter(err, true));
  }

  private Path snapshot() throws IOException {
    Path dir = tmp.resolve("snapshot");
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("companies.jsonl"),
        "{\"slug\": \"duolingo\", \"name\": \"Duolingo, Inc.\", \"relevant-countries\": [\"all\"],"
            + " \"email\": \"privacy@duolingo.com\", \"address\": \"5900 Penn Avenue\\nPittsburgh\","
            + " \"quality\": \"verified\", \"sources\": [\"https://www.duolingo.com/privacy\"]}\n"
            + "{\"slug\": \"strava\", \"name\": \"Strava, Inc.\", \"relevant-countries\": [\"all\"],"
            + " \"email\": \"dpo@strava.com\", \"address\": \"208 Utah Street\","
            + " \"quality\": \"verified\", \"sources\": [\"https://www.strava.com/legal/privacy\"],"
            + " \"nsfw\": true}\n");
    Files.writeString(dir.resolve("authorities.jsonl"), "");
    return dir;
  }

  @Test
  void import_writesTheFilesAndPrintsWhatChanged() throws IOException {
    Path target = tmp.resolve("out");

    int code = run("contacts", "import", snapshot().toString(), "--out", target.toString());

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("companies: 1 (1 added, 0 removed, 0 changed)")
        .contains("  added: duolingo")
        .contains("authorities: 0 (0 added, 0 removed, 0 changed)")
        .contains("1 not-safe-for-work records left out");
    assertThat(Files.readString(target.resolve("companies.jsonl")))
        .startsWith("{\"slug\":\"duolingo\",\"name\":\"Duolingo, Inc.\"");
  }

  @Test
  void import_ofAFolderThatIsNoDatabase_isAUsageError() {
    int code = run("contacts", "import", tmp.toString(), "--out", tmp.resolve("o").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("checkout of datenanfragen/data");
  }

  @Test
  void knowledgeCheck_ofABrokenContactFile_failsWithFileAndLine() throws IOException {
    Path knowledge = tmp.resolve("knowledge");
    Files.createDirectories(knowledge.resolve("contacts"));
    Files.writeString(
        knowledge.resolve("contacts/companies.jsonl"),
        "{\"slug\":\"demo\",\"name\":\"Demo\",\"countries\":[\"all\"],\"email\":\"not-an-address\","
            + "\"address\":\"1 Road\",\"quality\":\"verified\",\"sources\":[\"https://demo.example/\"]}\n");
    Files.writeString(knowledge.resolve("notes.txt"), "A plain note about privacy.");

    int code = run("knowledge", "check", knowledge.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString())
        .contains("contacts/companies.jsonl:1: email 'not-an-address' is not valid");
  }
}
