package ch.optout.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.optout.TestPipeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KnowledgeLoaderTest {
  private final KnowledgeLoader loader =
      new KnowledgeLoader(text -> text.contains(" le ") ? Language.FR : Language.EN);

  @TempDir Path dir;

  static final String GOOD_EN =
      """
      ---
      id: demo
      lang: en
      platform: Demo
      aliases: [demo, Demo App]
      title: Stop Demo training AI
      verified: 2025-11-20
      regions: [EU]
      opt_out: setting
      action: "Settings → AI → off"
      contact:
        form: https://demo.example/privacy-form
        email: privacy@demo.example
      sources:
        - title: "Demo Help"
          url: https://help.demo.example/ai
      ---
      ## Summary
      Demo uses your **posts**.

      ## Steps (web)
      1. Open **Settings**.
      2. Switch off **AI training**.

      ## Steps (mobile app)
      1. Tap **Settings**.

      ## What it does not cover
      - Past training.
      """;

  static final String GOOD_FR =
      GOOD_EN
          .replace("lang: en", "lang: fr")
          .replace("## Summary", "## Résumé")
          .replace("## Steps (web)", "## Étapes (web)")
          .replace("## Steps (mobile app)", "## Étapes (application mobile)")
          .replace("## What it does not cover", "## Ce que cela ne couvre pas");

  @Test
  void load_validGuide_readsFrontMatterSectionsAndOrderedSteps() throws IOException {
    write("guides/demo.en.md", GOOD_EN);
    write("guides/demo.fr.md", GOOD_FR);

    KnowledgeBase kb = loader.load(dir);

    Guide en = kb.find("demo", Language.EN).orElseThrow();
    assertThat(en.platform()).isEqualTo("Demo");
    assertThat(en.aliases()).containsExactly("demo", "demo app");
    assertThat(en.verified()).contains(LocalDate.of(2025, 11, 20));
    assertThat(en.optOut()).contains(OptOutKind.SETTING);
    assertThat(en.contact().email()).contains("privacy@demo.example");
    assertThat(en.sources()).extracting(Source::domain).containsExactly("help.demo.example");
    assertThat(en.sources().get(0).published().recorded()).isFalse();
    assertThat(en.sections(SectionKind.STEPS))
        .extracting(Section::label)
        .containsExactly("web", "mobile app");
    assertThat(en.sections(SectionKind.STEPS).get(0).items())
        .containsExactly("Open **Settings**.", "Switch off **AI training**.");
    assertThat(en.section(SectionKind.NOT_COVERED).orElseThrow().items())
        .containsExactly("Past training.");
    assertThat(kb.find("demo", Language.FR).orElseThrow().sections(SectionKind.STEPS)).hasSize(2);
  }

  @Test
  void load_sourceDates_areReadAsWritten() throws IOException {
    write(
        "guides/demo.en.md",
        GOOD_EN.replace(
            "url: https://help.demo.example/ai",
            "url: https://help.demo.example/ai\n    published: 2025-07\n    read: 2025-11-20"));
    write("guides/demo.fr.md", GOOD_FR);

    Source source = loader.load(dir).find("demo", Language.EN).orElseThrow().sources().get(0);

    assertThat(source.published().text()).isEqualTo("2025-07");
    assertThat(source.published().earliestDay()).contains(LocalDate.of(2025, 7, 1));
    assertThat(source.read()).contains(LocalDate.of(2025, 11, 20));
  }

  static Stream<Arguments> brokenFiles() {
    return Stream.of(
        Arguments.of(
            "unclosed front matter",
            GOOD_EN.replaceFirst("---\n## Summary", "## Summary"),
            1,
            "front matter is not closed"),
        Arguments.of(
            "invalid YAML",
            GOOD_EN.replace("aliases: [demo, Demo App]", "aliases: [demo, Demo App"),
            0,
            "not valid YAML"),
        Arguments.of(
            "unknown key",
            GOOD_EN.replace("regions: [EU]", "regions: [EU]\ncolour: blue"),
            9,
            "unknown front-matter key 'colour'"),
        Arguments.of(
            "missing verified",
            GOOD_EN.replace("verified: 2025-11-20\n", ""),
            1,
            "missing 'verified'"),
        Arguments.of(
            "bad date",
            GOOD_EN.replace("verified: 2025-11-20", "verified: last week"),
            7,
            "'verified' must be a date"),
        Arguments.of(
            "http source",
            GOOD_EN.replace("https://help.demo.example/ai", "http://help.demo.example/ai"),
            1,
            "must use https"),
        Arguments.of(
            "no sources", GOOD_EN.replaceAll("(?s)sources:.*?---", "---"), 1, "no sources"),
        Arguments.of(
            "no numbered steps",
            GOOD_EN
                .replace(
                    "1. Open **Settings**.\n2. Switch off **AI training**.", "- Open settings.")
                .replace("1. Tap **Settings**.", "Tap settings."),
            1,
            "no numbered steps"),
        Arguments.of(
            "bad lang", GOOD_EN.replace("lang: en", "lang: de"), 3, "lang must be 'en' or 'fr'"),
        Arguments.of(
            "missing title",
            GOOD_EN.replace("title: Stop Demo training AI\n", ""),
            1,
            "missing 'title'"),
        Arguments.of(
            "bad opt_out",
            GOOD_EN.replace("opt_out: setting", "opt_out: maybe"),
            9,
            "opt_out must be"),
        Arguments.of(
            "source published after verified",
            GOOD_EN.replace(
                "url: https://help.demo.example/ai",
                "url: https://help.demo.example/ai\n    published: 2026-01"),
            15,
            "after the file's verified date 2025-11-20"),
        Arguments.of(
            "bad published date",
            GOOD_EN.replace(
                "url: https://help.demo.example/ai",
                "url: https://help.demo.example/ai\n    published: last spring"),
            15,
            "published must be YYYY-MM-DD, YYYY-MM, YYYY or 'undated'"),
        Arguments.of(
            "unknown source field",
            GOOD_EN.replace(
                "url: https://help.demo.example/ai",
                "url: https://help.demo.example/ai\n    seen: yesterday"),
            15,
            "unknown source field 'seen' (title, url, published, read)"),
        Arguments.of(
            "bad email",
            GOOD_EN.replace("privacy@demo.example", "privacy at demo"),
            12,
            "is not an address"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenFiles")
  void read_brokenFile_reportsFileLineAndWhatIsWrong(
      String name, String content, int line, String message) throws IOException {
    write("guides/demo.en.md", content);
    write("guides/demo.fr.md", GOOD_FR);

    List<Problem> problems = loader.read(dir).problems();

    assertThat(problems)
        .anySatisfy(
            p -> {
              assertThat(p.file()).isEqualTo("guides/demo.en.md");
              assertThat(p.message()).contains(message);
              if (line > 0) {
                assertThat(p.line()).isEqualTo(line);
              }
              assertThat(p.toString()).startsWith("guides/demo.en.md:" + p.line() + ": ");
            });
    assertThatThrownBy(() -> loader.load(dir))
        .isInstanceOf(KnowledgeException.class)
        .hasMessageContaining(message);
  }

  @Test
  void read_guideWithoutTwin_isAnError() throws IOException {
    write("guides/demo.en.md", GOOD_EN);

    assertThat(loader.read(dir).problems())
        .filteredOn(p -> p.severity() == Problem.Severity.ERROR)
        .extracting(Problem::toString)
        .containsExactly("guides/demo.en.md:1: no French twin: add guides/demo.fr.md");
  }

  @Test
  void read_guideWithFewerThanTenCards_isAWarning() throws IOException {
    write("guides/demo.en.md", GOOD_EN);
    write("guides/demo.fr.md", GOOD_FR);

    assertThat(loader.read(dir).problems())
        .extracting(Problem::toString)
        .contains(
            "guides/demo.en.md:1: warning: 0 answer cards: a guide needs at least 10 in '##"
                + " Questions' (retroactive, minors, regions…)");
  }

  @Test
  void read_duplicateId_isAnError() throws IOException {
    write("guides/demo.en.md", GOOD_EN);
    write("guides/demo.fr.md", GOOD_FR);
    write("law/demo.en.md", GOOD_EN);

    assertThat(loader.read(dir).problems())
        .extracting(Problem::message)
        .anySatisfy(m -> assertThat(m).contains("duplicate id 'demo'"));
  }

  @Test
  void read_fileNameNotMatchingId_isAnError() throws IOException {
    write("guides/demo.en.md", GOOD_EN);
    write("guides/demo-fr.fr.md", GOOD_FR);

    assertThat(loader.read(dir).problems())
        .extracting(Problem::message)
        .anySatisfy(m -> assertThat(m).contains("file name must be demo.fr.md"));
  }

  @Test
  void read_nonUtf8File_isReportedNotThrown() throws IOException {
    write("guides/demo.en.md", GOOD_EN);
    write("guides/demo.fr.md", GOOD_FR);
    Files.write(dir.resolve("guides/latin1.en.md"), new byte[] {'c', 'a', 'f', (byte) 0xE9});

    assertThat(loader.read(dir).problems())
        .extracting(Problem::toString)
        .contains("guides/latin1.en.md:0: not UTF-8 text");
  }

  @Test
  void stale_listsOnlyGuidesVerifiedLongerAgoThanTheLimit() throws IOException {
    write("guides/demo.en.md", GOOD_EN);
    write("guides/demo.fr.md", GOOD_FR.replace("2025-11-20", "2026-11-01"));
    KnowledgeBase kb = loader.load(dir);

    List<Problem> stale = loader.stale(kb, LocalDate.of(2026, 11, 29), 180);

    assertThat(stale)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("guides/demo.en.md");
              assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING);
              assertThat(p.message()).contains("374 days ago");
            });
  }

  @Test
  void load_droppedInDocumentsWithoutFrontMatter_becomeCitableSourcesTitledByFileName() {
    KnowledgeBase kb = TestPipeline.fixture().knowledge;

    Guide txt =
        kb.documents().stream()
            .filter(g -> g.file().equals("drop/photo-scraping-report.txt"))
            .findFirst()
            .orElseThrow();
    assertThat(txt.kind()).isEqualTo(DocumentKind.DOCUMENT);
    assertThat(txt.title()).isEqualTo("photo scraping report");
    assertThat(txt.sources())
        .singleElement()
        .satisfies(
            s -> assertThat(s.url().toString()).isEqualTo("https://example.org/report-2025"));

    Guide html =
        kb.documents().stream()
            .filter(g -> g.file().equals("drop/wedding-photos.html"))
            .findFirst()
            .orElseThrow();
    String text = html.sections().get(0).fullText();
    assertThat(text)
        .contains("client photos & albums")
        .doesNotContain("<p>")
        .doesNotContain("alert");
    assertThat(html.title()).isEqualTo("wedding photos");
  }

  @Test
  void load_bundledKnowledge_hasNoErrors() {
    KnowledgeLoader.Report report = loader.read(KnowledgeLocation.bundled());

    assertThat(report.problems()).filteredOn(p -> p.severity() == Problem.Severity.ERROR).isEmpty();
    assertThat(report.base().guides(Language.EN)).isNotEmpty();
  }

  private void write(String file, String content) throws IOException {
    Path path = dir.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, content, StandardCharsets.UTF_8);
  }
}
