package ch.optout.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InlineTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      Switch off **Data for AI**.          | Switch off Data for AI.         | Switch off <b>Data for AI</b>.
      only models that *generate content* | only models that generate content | only models that <i>generate content</i>
      2 * 3 * 4                            | 2 * 3 * 4                       | 2 * 3 * 4
      <script> & "x"                       | <script> & "x"                  | &lt;script&gt; &amp; &quot;x&quot;
      **<b>bold</b>**                      | <b>bold</b>                     | <b>&lt;b&gt;bold&lt;/b&gt;</b>
      """)
  void plainAndHtml_renderEmphasisAndEscapeEverythingElse(
      String markdown, String plain, String html) {
    assertThat(Inline.plain(markdown)).isEqualTo(plain);
    assertThat(Inline.html(markdown)).isEqualTo(html);
  }
}
