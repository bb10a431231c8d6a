package ch.optout.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code changes:} list of a guide's front matter: read, and checked by knowledge check. */
class ChangesTest {
  private static final String ANCHOR = "sources:\n";

  static final String CHANGE_EN =
      """
      changes:
        - date: 2026-04-14
          summary: Demo now trains on public posts of adults in the EU; object before 27 May.
          act: yes
          deadline: 2026-05-27
        - date: 2026-01-10
          summary: Demo says private messages are not used.
          act: no
      """;

  static final String CHANGE_FR =
      """
      changes:
        - date: 2026-01-10
          summary: Demo dit ne pas utiliser les messages privés.
          act: no
        - date: 2026-04-14
          summary: Demo entraîne son IA sur les publications publiques ; opposez-vous avant le 27 mai.
          act: yes
          deadline: 2026-05-27
      """;

  @TempDir Path temp;

  @Test
  void changes_inBothTwins_areReadOldestFirstAndPassTheCheck() {
    CheckFolder folder =
        new CheckFolder(temp)
            .replace(CheckFolder.EN, ANCHOR, CHANGE_EN + ANCHOR)
            .replace(CheckFolder.FR, ANCHOR, CHANGE_FR + ANCHOR);

    assertThat(folder.errors()).isEmpty();
    Guide en =
        new KnowledgeLoader(text -> Language.EN)
            .load(folder.root())
            .find("demo", Language.EN)
            .orElseThrow();
    assertThat(en.changes()).extracting(Change::id).containsExactly("2026-01-10", "2026-04-14");
    Change deadline = en.change("2026-04-14").orElseThrow();
    assertThat(deadline.act()).isTrue();
    assertThat(deadline.deadline()).contains(LocalDate.parse("2026-05-27"));
    assertThat(deadline.summary()).startsWith("Demo now trains");
    assertThat(en.change("2026-01-10").orElseThrow().deadline()).isEqualTo(Optional.empty());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "date: 2026-04-14|date: 14 April|a change's date must be a date YYYY-MM-DD",
        "act: yes|act: maybe|change without 'act: yes' or 'act: no'",
        "deadline: 2026-05-27|deadline: 2026-03-01|a change's deadline is before its date",
        "deadline: 2026-05-27|link: https://demo.example|unknown change field 'link'",
        "date: 2026-01-10|date: 2026-04-14|two changes dated 2026-04-14",
        "summary: Demo says private messages are not used.|note: x|change without a summary"
      })
  void changes_malformedEntry_isAnErrorWithItsFileAndLine(
      String old, String replacement, String message) {
    CheckFolder folder =
        new CheckFolder(temp)
            .replace(CheckFolder.EN, ANCHOR, CHANGE_EN.replace(old, replacement) + ANCHOR)
            .replace(CheckFolder.FR, ANCHOR, CHANGE_FR + ANCHOR);

    assertThat(folder.errors())
        .anyMatch(e -> e.startsWith(CheckFolder.EN + ":") && e.contains(message));
  }

  @Test
  void changes_twinsThatDisagree_areErrors() {
    CheckFolder folder =
        new CheckFolder(temp)
            .replace(CheckFolder.EN, ANCHOR, CHANGE_EN + ANCHOR)
            .replace(
                CheckFolder.FR,
                ANCHOR,
                CHANGE_FR.replace("  act: yes\n    deadline: 2026-05-27\n", "  act: no\n")
                    + ANCHOR);

    assertThat(folder.errors())
        .anyMatch(e -> e.contains("change 2026-04-14 differs from guides/demo.en.md"));
  }

  @Test
  void changes_missingFromATwin_isAnError() {
    CheckFolder folder = new CheckFolder(temp).replace(CheckFolder.EN, ANCHOR, CHANGE_EN + ANCHOR);

    assertThat(folder.errors())
        .anyMatch(e -> e.contains("change 2026-04-14 has no twin in guides/demo.fr.md"));
  }

  @Test
  void changes_outsideAGuide_isAnError() {
    CheckFolder folder = new CheckFolder(temp);
    folder.write(
        "law/demo-law.en.md",
        """
        ---
        id: demo-law
        lang: en
        platform: Law
        title: A law
        verified: 2025-11-20
        changes:
          - date: 2026-01-10
            summary: x
            act: no
        sources:
          - title: "Law"
            url: https://law.example/
        ---
        ## Summary
        Text.
        """);

    assertThat(folder.errors()).anyMatch(e -> e.contains("only a platform's guide has 'changes'"));
  }
}
