package ch.optout.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TelegramHtmlTest {
  @Test
  void toPlain_keepsTheWordsAndTheLinksTargets() {
    String html =
        "<b>Stop &amp; go</b>\n1. Click <b>Me</b> &lt;then&gt; &quot;Settings&quot;\n"
            + "• <a href=\"https://ex.com/?a=1&amp;b=2\">Help &amp; FAQ</a>";

    assertThat(TelegramHtml.toPlain(html))
        .isEqualTo(
            "Stop & go\n1. Click Me <then> \"Settings\"\n• Help & FAQ (https://ex.com/?a=1&b=2)");
  }

  @Test
  void toPlain_escapedEntityText_isDecodedOnce() {
    assertThat(TelegramHtml.toPlain("&amp;lt;b&amp;gt;")).isEqualTo("&lt;b&gt;");
  }

  @Test
  void toPlain_isNeverLongerThanTheHtml() {
    String html =
        "• <a href=\"https://www.linkedin.com/help/linkedin/answer/a6278444\">LinkedIn Help — generative AI data</a>";
    assertThat(TelegramHtml.toPlain(html).length()).isLessThanOrEqualTo(html.length());
  }
}
