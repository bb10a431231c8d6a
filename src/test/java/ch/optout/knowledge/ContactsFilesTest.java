package ch.optout.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContactsFilesTest {
  private static final String GOOD =
      "{\"slug\":\"demo\",\"name\":\"Demo Ltd.\",\"countries\":[\"all\"],"
          + "\"email\":\"privacy@demo.example\",\"address\":\"1 Road\\nTown\",\"quality\":\"verified\","
          + "\"sources\":[\"https://demo.example/privacy\"]}";

  @TempDir Path root;

  private List<Problem> read(String companies) throws IOException {
    Files.createDirectories(root.resolve("contacts"));
    Files.writeString(root.resolve("contacts/companies.jsonl"), companies);
    List<Problem> problems = new ArrayList<>();
    new ContactsFiles().read(root, problems);
    return problems;
  }

  @Test
  void read_goodRecord_hasNoProblem() throws IOException {
    assertThat(read(GOOD + "\n")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "bad e-mail | \"privacy@demo.example\" | \"privacy at demo\" | email 'privacy at demo' is not valid",
        "bad url | \"https://demo.example/privacy\" | \"demo.example/privacy\" | source 'demo.example/privacy' is not valid",
        "bad country | [\"all\"] | [\"Germany\"] | country 'Germany' is not valid",
        "bad quality | \"verified\" | \"great\" | quality 'great' is not valid",
        "bad slug | \"demo\" | \"Demo Ltd\" | slug 'Demo Ltd' is not valid",
      })
  void read_brokenField_isAnErrorAtItsLine(String what, String good, String bad, String message)
      throws IOException {
    List<Problem> problems =
        read(
            GOOD
                + "\n"
                + GOOD.replace(good, bad).replace("\"slug\":\"demo\"", "\"slug\":\"demo2\"")
                + "\n");

    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR);
              assertThat(p.file()).isEqualTo("contacts/companies.jsonl");
              assertThat(p.line()).isEqualTo(2);
              assertThat(p.message()).isEqualTo(message);
            });
  }

  @Test
  void read_duplicateSlug_isAnError() throws IOException {
    assertThat(read(GOOD + "\n\n" + GOOD + "\n"))
        .singleElement()
        .hasToString("contacts/companies.jsonl:3: duplicate slug 'demo', already on line 1");
  }

  @Test
  void read_unknownFieldOrNotJson_isAnError() throws IOException {
    assertThat(read(GOOD.replace("\"quality\"", "\"phone\":\"1\",\"quality\"") + "\n{oops\n"))
        .extracting(Problem::toString)
        .containsExactly(
            "contacts/companies.jsonl:1: unknown field 'phone'",
            "contacts/companies.jsonl:2: " + notJson());
  }

  private static String notJson() {
    try {
      new ContactsJson(new com.fasterxml.jackson.databind.ObjectMapper()).company("{oops");
      throw new AssertionError("parsed");
    } catch (ContactsJson.BadRecord e) {
      return e.getMessage();
    }
  }

  @Test
  void writeThenRead_givesTheSameRecords() throws IOException {
    Contacts original =
        new ContactsFiles().read(ch.optout.TestPipeline.fixtureDir(), new ArrayList<>());
    Path out = root.resolve("out");

    new ContactsFiles().write(original, out);
    Contacts again = new ContactsFiles().readFolder(out, "out", new ArrayList<>());

    assertThat(again.companies()).isEqualTo(original.companies());
    assertThat(again.authorities()).isEqualTo(original.authorities());
    assertThat(Files.readString(out.resolve("companies.jsonl")))
        .isEqualTo(
            Files.readString(
                ch.optout.TestPipeline.fixtureDir().resolve("contacts/companies.jsonl")));
  }

  @Test
  void guideCompanyLink_thatResolvesNothing_isAnErrorAtItsLine() throws IOException {
    Files.createDirectories(root.resolve("contacts"));
    Files.writeString(root.resolve("contacts/companies.jsonl"), GOOD + "\n");
    Files.createDirectories(root.resolve("guides"));
    Files.writeString(
        root.resolve("guides/demo.en.md"),
        KnowledgeLoaderTest.GOOD_EN.replace(
            "action: \"Settings → AI → off\"\n",
            "action: \"Settings → AI → off\"\ncompany: nobody\n"));
    Files.writeString(
        root.resolve("guides/demo.fr.md"),
        KnowledgeLoaderTest.GOOD_FR.replace("action:", "company: demo\naction:"));

    List<Problem> errors =
        new KnowledgeLoader(t -> Language.EN)
            .read(root).problems().stream()
                .filter(p -> p.severity() == Problem.Severity.ERROR)
                .toList();

    assertThat(errors)
        .extracting(Problem::toString)
        .contains(
            "guides/demo.en.md:11: company 'nobody' is not in contacts/companies.jsonl",
            "guides/demo.fr.md:1: company differs from guides/demo.en.md");
  }

  @Test
  void snapshot_keepsTheContacts_andDecodesThemOnFirstUse() throws IOException {
    KnowledgeBase kb = ch.optout.TestPipeline.fixture().knowledge;
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    KnowledgeSnapshot.write(kb, new java.io.DataOutputStream(bytes));

    KnowledgeBase read =
        KnowledgeSnapshot.read(
                new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())))
            .orElseThrow();

    assertThat(read.contacts().companies()).isEqualTo(kb.contacts().companies());
    assertThat(read.contacts().authorities()).isEqualTo(kb.contacts().authorities());
    assertThat(read.find("meta", Language.EN).orElseThrow().company()).contains("facebook");
  }
}
