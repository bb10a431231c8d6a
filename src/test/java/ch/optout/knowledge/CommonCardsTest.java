package ch.optout.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommonCardsTest {
  @TempDir Path temp;

  @Test
  void check_guideWithTheThirteenCommonCards_isNoError() {
    assertThat(CommonCards.IDS).hasSize(13);
    assertThat(new CheckFolder(temp).errors()).isEmpty();
  }

  @Test
  void check_guideWithoutAMinorsCard_isAnErrorNamingIt() {
    CheckFolder folder =
        new CheckFolder(temp)
            .replace(CheckFolder.EN, "{#minors}", "{#teenagers}")
            .replace(CheckFolder.FR, "{#minors}", "{#teenagers}");

    assertThat(folder.errors())
        .containsExactly(
            "guides/demo.en.md:1: missing common card {#minors}: every guide answers the 13"
                + " common questions in '## Questions', saying so where its sources are silent",
            "guides/demo.fr.md:1: missing common card {#minors}: every guide answers the 13"
                + " common questions in '## Questions', saying so where its sources are silent");
  }

  @Test
  void check_guideWithoutQuestions_namesEveryMissingCard() {
    CheckFolder folder = new CheckFolder(temp);
    folder.write(CheckFolder.EN, folder.read(CheckFolder.EN).replaceAll("(?s)## Questions.*", ""));

    assertThat(folder.errors())
        .anySatisfy(
            e ->
                assertThat(e)
                    .startsWith(
                        "guides/demo.en.md:1: missing common cards {#retroactive},"
                            + " {#private-messages}, {#minors}, {#regions}, {#since}, {#default},"
                            + " {#deadline}, {#scope}, {#account-deletion}, {#non-users},"
                            + " {#retention}, {#business}, {#data}:"));
  }

  @Test
  void check_lawFileWithoutCommonCards_isNoError() {
    CheckFolder folder = new CheckFolder(temp);
    String law =
        folder
            .read(CheckFolder.EN)
            .replace("id: demo", "id: demo-law")
            .replaceAll("(?s)## Questions.*", "");
    folder.write("law/demo-law.en.md", law);
    folder.write("law/demo-law.fr.md", law.replace("lang: en", "lang: fr"));

    assertThat(folder.errors()).isEmpty();
  }
}
