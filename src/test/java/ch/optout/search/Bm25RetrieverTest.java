package ch.optout.search;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.TestPipeline;
import ch.optout.knowledge.Language;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Bm25RetrieverTest {
  private static final TestPipeline PIPELINE = TestPipeline.fixture();
  private final Bm25Retriever retriever = new Bm25Retriever(PIPELINE.index);

  private List<ScoredPassage> search(String text, Language language) {
    return retriever.retrieve(
        new SearchQuery(text, language, PIPELINE.read(text).platformIds(), Intent.HOW_TO), 5);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      How do I switch off Data for Generative AI Improvement?   | EN | guides/linkedin.en.md
      Désactiver l'amélioration de l'IA générative               | FR | guides/linkedin.fr.md
      object to Facebook using my photos                         | EN | guides/meta.en.md
      Opposer Facebook publications                              | FR | guides/meta.fr.md
      tiktok videos                                              | EN | guides/tiktok.en.md
      right to object legitimate interest                        | EN | law/right-to-object.en.md
      droit d'opposition intérêt légitime                        | FR | law/right-to-object.fr.md
      dating apps kept photos of deleted profiles                | EN | drop/photo-scraping-report.txt
      """)
  void retrieve_questionInItsLanguage_ranksTheRightFileFirst(
      String question, Language language, String file) {
    List<ScoredPassage> hits = search(question, language);

    assertThat(hits).isNotEmpty();
    assertThat(hits.get(0).passage().guide().file()).isEqualTo(file);
  }

  @Test
  void retrieve_searchesOnlyTheQuestionsLanguage() {
    assertThat(search("LinkedIn", Language.FR))
        .allSatisfy(h -> assertThat(h.passage().guide().language()).isEqualTo(Language.FR));
  }

  @Test
  void retrieve_stepsSectionOutranksSummaryForHowToWords() {
    List<ScoredPassage> hits = search("LinkedIn Settings Privacy switch off", Language.EN);
    assertThat(hits.get(0).passage().section().heading()).isEqualTo("Steps (web)");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "LinkedIn\" AND (title:[* TO *] OR *:*) ~2 ^3",
        "*:*",
        "title:linkedin",
        "\\",
        "((((",
        "a~",
        "?*",
        "-linkedin +",
        "<script>alert(1)</script> LinkedIn",
        "'; DROP TABLE chats; --",
        "",
        "   ",
        "🙂",
        "\u0000\u0007"
      })
  void retrieve_querySyntaxAndHostileText_isJustTextAndNeverThrows(String text) {
    List<ScoredPassage> hits = search(text, Language.EN);
    if (text.toLowerCase().contains("linkedin")) {
      assertThat(hits).isNotEmpty();
      assertThat(hits.get(0).passage().guide().id()).isEqualTo("linkedin");
    }
  }

  @TestFactory
  Stream<DynamicTest> retrieve_randomGarbage_neverThrows() {
    Random random = new Random(42);
    return IntStream.range(0, 200)
        .mapToObj(
            i -> {
              StringBuilder sb = new StringBuilder();
              int length = random.nextInt(300);
              for (int k = 0; k < length; k++) {
                sb.appendCodePoint(
                    random.nextInt(4) == 0 ? random.nextInt(0x2FFF) : 32 + random.nextInt(95));
              }
              String text = sb.toString();
              return DynamicTest.dynamicTest(
                  "garbage #" + i,
                  () -> search(text, random.nextBoolean() ? Language.EN : Language.FR));
            });
  }

  @Test
  void retrieve_veryLongQuestion_usesABoundedNumberOfTerms() {
    String longText =
        "linkedin " + String.join(" ", IntStream.range(0, 5000).mapToObj(i -> "word" + i).toList());
    assertThat(search(longText, Language.EN)).isNotEmpty();
  }
}
