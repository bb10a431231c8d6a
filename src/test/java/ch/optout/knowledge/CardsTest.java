package ch.optout.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CardsTest {
  private final KnowledgeLoader loader = new KnowledgeLoader(text -> Language.EN);

  @TempDir Path dir;

  private static final String QUESTIONS_EN =
      """

      ## Questions
      ### Is switching it off retroactive? {#retroactive}
      also: will it remove what was learned? | does opting out delete old training?
      No. It stops future training only;
      models already trained are not retrained. [1]

      ### Are minors' data used? {#minors}
      No: members under 18 are excluded. [1]

      ## Good to know
      - Still a section of its own.
      """;

  private static final String QUESTIONS_FR =
      """

      ## Questions
      ### Est-ce rétroactif ? {#retroactive}
      Non. Cela ne vaut que pour l'avenir. [1]

      ### Les mineurs sont-ils concernés ? {#minors}
      Non, les moins de 18 ans sont exclus. [1]
      """;

  @Test
  void load_questionsSection_readsCardsWithIdsPhrasingsAndAnswers() throws IOException {
    writeTwins(QUESTIONS_EN, QUESTIONS_FR);

    Guide en = loader.load(dir).find("demo", Language.EN).orElseThrow();

    assertThat(en.cards()).extracting(Card::id).containsExactly("retroactive", "minors");
    Card retroactive = en.card("retroactive").orElseThrow();
    assertThat(retroactive.question()).isEqualTo("Is switching it off retroactive?");
    assertThat(retroactive.also())
        .containsExactly(
            "will it remove what was learned?", "does opting out delete old training?");
    assertThat(retroactive.answer())
        .isEqualTo(
            "No. It stops future training only; models already trained are not retrained. [1]");
    assertThat(retroactive.citations()).containsExactly(1);
    assertThat(retroactive.answerText()).endsWith("are not retrained.");
    assertThat(retroactive.line()).isEqualTo(lineOf(en, "### Is switching"));
  }

  @Test
  void load_questionsSection_isNotASectionAndLeavesTheOthersIntact() throws IOException {
    writeTwins(QUESTIONS_EN, QUESTIONS_FR);

    Guide en = loader.load(dir).find("demo", Language.EN).orElseThrow();

    assertThat(en.sections()).extracting(Section::heading).doesNotContain("Questions");
    Section goodToKnow = en.section(SectionKind.GOOD_TO_KNOW).orElseThrow();
    assertThat(goodToKnow.items()).containsExactly("Still a section of its own.");
    assertThat(goodToKnow.line()).isEqualTo(lineOf(en, "## Good to know"));
  }

  @Test
  void check_twinsWithDifferentCardIds_reportsEachMissingCardOnItsSide() throws IOException {
    writeTwins(QUESTIONS_EN, QUESTIONS_FR.replace("{#minors}", "{#children}"));

    List<Problem> problems = loader.read(dir).problems();

    assertThat(problems)
        .extracting(Problem::toString)
        .anySatisfy(p -> assertThat(p).contains("demo.fr.md").contains("'children' has no twin"))
        .anySatisfy(p -> assertThat(p).contains("demo.en.md").contains("'minors' has no twin"));
  }

  @Test
  void check_cardWithoutAnswer_isAnError() throws IOException {
    writeTwins(QUESTIONS_EN.replace("No: members under 18 are excluded. [1]", ""), QUESTIONS_FR);

    assertThat(loader.read(dir).problems())
        .extracting(Problem::toString)
        .anySatisfy(p -> assertThat(p).contains("card 'minors' has no answer"));
  }

  @Test
  void check_citationBeyondTheSources_namesTheNumberAndTheCount() throws IOException {
    writeTwins(QUESTIONS_EN.replace("excluded. [1]", "excluded. [3]"), QUESTIONS_FR);

    assertThat(loader.read(dir).problems())
        .extracting(Problem::toString)
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains("demo.en.md:")
                    .contains("card 'minors' cites [3] but the front matter lists 1 source"));
  }

  @Test
  void check_cardWithoutCitationOrId_isAnError() throws IOException {
    writeTwins(
        QUESTIONS_EN
            .replace("excluded. [1]", "excluded.")
            .replace("retroactive? {#retroactive}", "retroactive?"),
        QUESTIONS_FR);

    assertThat(loader.read(dir).problems())
        .extracting(Problem::toString)
        .anySatisfy(p -> assertThat(p).contains("card 'minors' cites no source"))
        .anySatisfy(p -> assertThat(p).contains("has no id: end it with {#an-id}"));
  }

  @Test
  void check_duplicateCardIdInOneFile_isAnError() throws IOException {
    writeTwins(QUESTIONS_EN.replace("{#minors}", "{#retroactive}"), QUESTIONS_FR);

    assertThat(loader.read(dir).problems())
        .extracting(Problem::toString)
        .anySatisfy(p -> assertThat(p).contains("duplicate card id 'retroactive'"));
  }

  @Test
  void load_linkCheckedAndNotNeeded_areRead() throws IOException {
    writeTwins(QUESTIONS_EN, QUESTIONS_FR);
    for (String lang : List.of("en", "fr")) {
      Path file = dir.resolve("guides/demo." + lang + ".md");
      String text = Files.readString(file);
      Files.writeString(
          file,
          text.replace("opt_out: setting", "opt_out: not_needed")
              .replace(
                  "action:",
                  "link: https://demo.example/settings/ai\nchecked: \"2026-12-01: steps re-checked\"\naction:"));
    }

    Guide en = loader.load(dir).find("demo", Language.EN).orElseThrow();

    assertThat(en.optOut()).contains(OptOutKind.NOT_NEEDED);
    assertThat(en.link()).hasValueSatisfying(u -> assertThat(u).hasHost("demo.example"));
    assertThat(en.checked()).isEqualTo("2026-12-01: steps re-checked");
  }

  @Test
  void check_linkThatIsNotHttps_isAnError() throws IOException {
    writeTwins(QUESTIONS_EN, QUESTIONS_FR);
    Path file = dir.resolve("guides/demo.en.md");
    Files.writeString(
        file, Files.readString(file).replace("action:", "link: http://demo.example/ai\naction:"));

    assertThat(loader.read(dir).problems())
        .extracting(Problem::toString)
        .anySatisfy(p -> assertThat(p).contains("link must use https"));
  }

  @Test
  void snapshot_keepsCardsLinkAndCheckedNote() throws IOException {
    writeTwins(QUESTIONS_EN, QUESTIONS_FR);
    KnowledgeBase kb = loader.load(dir);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    KnowledgeSnapshot.write(kb, new java.io.DataOutputStream(bytes));

    KnowledgeBase read =
        KnowledgeSnapshot.read(
                new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())))
            .orElseThrow();

    assertThat(read.documents()).isEqualTo(kb.documents());
  }

  private void writeTwins(String enQuestions, String frQuestions) throws IOException {
    write("guides/demo.en.md", KnowledgeLoaderTest.GOOD_EN + enQuestions);
    write("guides/demo.fr.md", KnowledgeLoaderTest.GOOD_FR + frQuestions);
  }

  private int lineOf(Guide guide, String start) throws IOException {
    List<String> lines = Files.readAllLines(dir.resolve(guide.file()), StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(start)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line starting with " + start);
  }

  private void write(String relative, String content) throws IOException {
    Path path = dir.resolve(relative);
    Files.createDirectories(path.getParent());
    Files.writeString(path, content, StandardCharsets.UTF_8);
  }
}
