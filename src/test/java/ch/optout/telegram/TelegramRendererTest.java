package ch.optout.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.TestPipeline;
import ch.optout.answer.Answer;
import ch.optout.answer.AnswerKind;
import ch.optout.answer.StepGroup;
import ch.optout.knowledge.Language;
import ch.optout.knowledge.Source;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TelegramRendererTest {
  private static final TestPipeline PIPELINE = TestPipeline.fixture();
  private final TelegramRenderer renderer = new TelegramRenderer(PIPELINE.messages);

  private static Answer guideOn(String day) {
    return new ch.optout.answer.ExtractiveComposer(
            PIPELINE.knowledge,
            PIPELINE.messages,
            java.time.Clock.fixed(
                java.time.Instant.parse(day + "T12:00:00Z"), java.time.ZoneOffset.UTC))
        .guide("linkedin", Language.EN);
  }

  @Test
  void render_staleGuide_saysSoInOneLineBeforeTheSources() {
    String html = String.join("\n", renderer.render(guideOn("2026-12-03")));

    assertThat(html)
        .contains(
            "⚠️ Checked on 20 November 2025, over six months ago: menus may have changed."
                + " Official page: https://www.linkedin.com/help/linkedin/answer/a6278444\n\n"
                + "<b>Sources");
  }

  @Test
  void render_guide_isOneMessageWithTitleStepsCaveatsAndLinkedSources() {
    Answer guide = guideOn("2026-01-10");

    assertThat(renderer.render(guide))
        .containsExactly(
            """
        <b>Stop LinkedIn training AI on your profile</b>

        LinkedIn trains content-generating AI on member profiles and posts unless you switch off <b>Data for Generative AI Improvement</b>.

        <b>Web</b>
        1. Click <b>Me</b>, then <b>Settings &amp; Privacy</b>.
        2. Open <b>Data privacy</b>.
        3. Switch off <b>Data for Generative AI Improvement</b>.

        <b>Mobile app</b>
        1. Tap your photo, then <b>Settings</b>.
        2. Tap <b>Data privacy</b>, then switch off <b>Data for Generative AI Improvement</b>.

        <b>What it does not cover:</b>
        • Models already trained on your CV are not retrained.

        <b>Good to know:</b>
        • Private messages are not used for training.

        <b>Sources (guide last verified 2025-11-20):</b>
        • <a href="https://www.linkedin.com/help/linkedin/answer/a6278444">LinkedIn Help — generative AI data</a>""");
  }

  @Test
  void render_checklist_numbersPlatformsSoUsersCanPickThemByNumber() {
    List<String> html = renderer.render(PIPELINE.composer.checklist(Language.FR));

    assertThat(html).hasSize(1);
    assertThat(html.get(0))
        .contains("1. <b>LinkedIn</b> — ")
        .contains("3. <b>TikTok</b> — ")
        .contains("&lt;plateforme&gt;");
  }

  @Test
  void render_hostileKnowledge_isEscapedAndOnlyWebLinksAreLinks() {
    Answer a =
        Answer.builder(Language.EN, AnswerKind.GUIDE)
            .platformId(Optional.of("x"))
            .title("<script>alert(1)</script> & **co**")
            .lead("Use <b>this</b> & \"that\" > **bold <i>**")
            .steps(List.of(new StepGroup("<Web>", List.of("Click <a href=x>here</a>"))))
            .caveats(List.of("a < b"))
            .sources(
                List.of(
                    new Source("T&C \"quoted\"", URI.create("https://ex.com/?a=1&b=2")),
                    new Source("Local", URI.create("javascript:alert(1)"))))
            .verified(Optional.of(LocalDate.of(2025, 1, 2)))
            .build();

    String html = String.join("\n", renderer.render(a));

    assertThat(HtmlRules.problems(html)).isEmpty();
    assertThat(html)
        .startsWith("<b>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</b>")
        .contains("Use &lt;b&gt;this&lt;/b&gt; &amp; &quot;that&quot; &gt; <b>bold &lt;i&gt;</b>")
        .contains("<b>&lt;Web&gt;</b>\n1. Click &lt;a href=x&gt;here&lt;/a&gt;")
        .contains("<a href=\"https://ex.com/?a=1&amp;b=2\">T&amp;C &quot;quoted&quot;</a>")
        .contains("• Local — javascript:alert(1)")
        .doesNotContain("<br");
  }

  @Test
  void render_longGuide_splitsBetweenStepsUnderTheLimitKeepingEveryStep() {
    List<String> steps =
        IntStream.rangeClosed(1, 60)
            .mapToObj(
                i ->
                    "Step "
                        + i
                        + ": open **Settings & Privacy** then <this> and that, "
                        + "carefully ".repeat(12)
                        + "end "
                        + i
                        + ".")
            .toList();
    Answer a =
        Answer.builder(Language.EN, AnswerKind.GUIDE)
            .platformId(Optional.of("big"))
            .title("A long guide")
            .lead("Lead paragraph.")
            .steps(
                List.of(
                    new StepGroup("Web", steps), new StepGroup("Mobile app", steps.subList(0, 10))))
            .caveats(List.of("Caveat"))
            .sources(List.of(new Source("S", URI.create("https://ex.com"))))
            .build();

    List<String> html = renderer.render(a);

    assertThat(html).hasSizeGreaterThan(1);
    assertValid(html, TelegramRenderer.MAX_LENGTH);
    String all = String.join("\n", html);
    for (int i = 1; i <= 60; i++) {
      String line = i + ". " + ch.optout.answer.Inline.html(steps.get(i - 1)) + "\n";
      assertThat(html)
          .as("step %d in one piece", i)
          .anySatisfy(chunk -> assertThat(chunk + "\n").contains(line));
    }
    assertThat(all).contains("<b>Mobile app</b>\n1. Step 1:");
    assertThat(html.get(html.size() - 1)).endsWith("<a href=\"https://ex.com\">S</a>");
  }

  @ParameterizedTest
  @ValueSource(ints = {64, 100, 200, 4096})
  void render_paragraphLongerThanAMessage_isCutBetweenSentencesOrWordsNeverInsideMarkup(int limit) {
    String sentence = "Meta & Instagram <use> **your** photos \"for\" AI training. ";
    String lead = sentence.repeat(200) + "x&".repeat(3000);
    Answer a = Answer.message(Language.EN, "Title", lead);
    TelegramRenderer small = new TelegramRenderer(PIPELINE.messages, limit);

    List<String> html = small.render(a);

    assertValid(html, limit);
    assertThat(normalized(html))
        .isEqualTo(
            normalized(new TelegramRenderer(PIPELINE.messages, Integer.MAX_VALUE).render(a)));
  }

  static List<Long> seeds() {
    return List.of(1L, 2L, 3L, 5L, 8L, 13L, 21L, 34L, 55L, 89L);
  }

  /**
   * Random answers at random small limits: always valid, within the limit, with every word kept in
   * order.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void render_randomAnswers_alwaysValidWithinTheLimitAndLossless(long seed) {
    Random random = new Random(seed);
    for (int round = 0; round < 20; round++) {
      Answer a = randomAnswer(random);
      int limit = 64 + random.nextInt(600);

      List<String> html = new TelegramRenderer(PIPELINE.messages, limit).render(a);

      assertValid(html, limit);
      assertThat(normalized(html))
          .as("seed %d round %d", seed, round)
          .isEqualTo(
              normalized(new TelegramRenderer(PIPELINE.messages, Integer.MAX_VALUE).render(a)));
    }
  }

  @Test
  void render_headingDoesNotFitAfterTheLead_startsTheNextMessageWithItsFirstStep() {
    Answer a =
        Answer.builder(Language.EN, AnswerKind.GUIDE)
            .title("T")
            .lead("word ".repeat(30).strip())
            .steps(List.of(new StepGroup("Web", List.of("first step", "second step"))))
            .build();

    List<String> html = new TelegramRenderer(PIPELINE.messages, 180).render(a);

    assertThat(html).hasSize(2);
    assertThat(html.get(1)).isEqualTo("<b>Web</b>\n1. first step\n2. second step");
  }

  private static Answer randomAnswer(Random random) {
    List<StepGroup> groups = new ArrayList<>();
    for (int g = random.nextInt(4); g > 0; g--) {
      groups.add(
          new StepGroup(
              random.nextBoolean() ? "" : words(random, 3),
              IntStream.range(0, random.nextInt(8))
                  .mapToObj(i -> words(random, 1 + random.nextInt(120)))
                  .toList()));
    }
    List<Source> sources =
        IntStream.range(0, random.nextInt(4))
            .mapToObj(
                i ->
                    new Source(
                        words(random, 1 + random.nextInt(8)),
                        URI.create("https://ex.com/p?i=" + i + "&x=y")))
            .toList();
    String lead =
        IntStream.range(0, random.nextInt(5))
            .mapToObj(i -> words(random, 1 + random.nextInt(300)))
            .reduce((x, y) -> x + (random.nextBoolean() ? "\n\n" : "\n") + y)
            .orElse("");
    return Answer.builder(Language.EN, AnswerKind.GUIDE)
        .title(words(random, 1 + random.nextInt(20)))
        .lead(lead)
        .steps(groups)
        .caveats(List.of(words(random, random.nextInt(50) + 1)))
        .sources(sources)
        .verified(random.nextBoolean() ? Optional.of(LocalDate.of(2025, 11, 20)) : Optional.empty())
        .build();
  }

  private static final String[] WORDS = {
    "Meta",
    "&",
    "<b>",
    "**bold**",
    "\"quoted\"",
    "opt-out.",
    "données",
    "AI;",
    "x>y",
    "🙂",
    "Settings",
    "privacy!",
    "a",
    "verylongword".repeat(20),
    "&amp;",
    "<script>"
  };

  private static String words(Random random, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
    }
    return sb.toString();
  }

  private static void assertValid(List<String> html, int limit) {
    assertThat(html)
        .isNotEmpty()
        .allSatisfy(
            chunk -> {
              assertThat(chunk.length()).isLessThanOrEqualTo(limit);
              assertThat(HtmlRules.problems(chunk)).as(chunk).isEmpty();
              assertThat(chunk).isNotBlank().doesNotContain("<br");
            });
  }

  /**
   * The characters a user reads, in order, whatever the cuts: a word too long for a message is cut
   * too, and a source line too long for one is shown as "title (url)" rather than as a link.
   */
  private static String normalized(List<String> html) {
    return TelegramHtml.toPlain(String.join(" ", html)).replaceAll("\\s+", "");
  }
}
