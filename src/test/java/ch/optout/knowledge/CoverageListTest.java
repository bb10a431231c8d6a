package ch.optout.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoverageListTest {
  private static final String HEADER =
      "# Services without a guide\n#   Display name | other names\n";

  @TempDir Path temp;

  private List<String> errors(String list) {
    return new CheckFolder(temp)
        .check(new CoverageList("uncovered.txt", HEADER + list)).stream()
            .filter(p -> p.severity() == Problem.Severity.ERROR)
            .map(Problem::toString)
            .toList();
  }

  @Test
  void check_listWithoutTheGuidesServices_isNoError() {
    assertThat(errors("Duolingo | duolingo\nStrava | strava\n")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "Demo | demo; Demo",
        "Demo App | the demo app; Demo App",
        "Demo Pro | demo; demo",
        "DÉMO; DÉMO",
      })
  void check_listedServiceThatHasAGuide_isAnErrorOnTheListLine(String line, String name) {
    assertThat(errors("Duolingo | duolingo\n" + line + "\n"))
        .containsExactly(
            "uncovered.txt:4: '"
                + name
                + "' has a guide (guides/demo.en.md), but questions naming a listed service are"
                + " declined: remove the line");
  }

  @Test
  void check_serviceListedTwice_isAnErrorOnTheSecondLine() {
    assertThat(errors("Fitbit | fitbit\nStrava | strava\nFitbit | fitbit\n"))
        .containsExactly(
            "uncovered.txt:5: 'Fitbit' is listed twice (also line 3, 'Fitbit'): keep one line per"
                + " service");
  }

  @Test
  void check_sameNameInAnotherWordOrder_isListedTwice() {
    assertThat(
            errors(
                "Ray-Ban Meta glasses | ray ban meta | meta glasses\nMeta Ray-Ban | meta ray ban\n"))
        .containsExactly(
            "uncovered.txt:4: 'Meta Ray-Ban' is listed twice (also line 3, 'ray ban meta'): keep"
                + " one line per service");
  }

  @Test
  void bundled_listsEachServiceOnce() {
    List<Problem> problems = new ArrayList<>();

    CoverageList.bundled().check(List.of(), problems);

    assertThat(problems).isEmpty();
  }
}
