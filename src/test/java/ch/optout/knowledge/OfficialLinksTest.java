package ch.optout.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped guides of the most asked platforms carry the official page that their "Official page"
 * button opens, in both languages.
 */
class OfficialLinksTest {
  private static final KnowledgeBase SHIPPED =
      new KnowledgeLoader(text -> Language.EN).load(KnowledgeLocation.bundled());

  @ParameterizedTest(name = "{0} ({1}) opens {2}")
  @CsvSource({
    "meta, en, https://www.facebook.com/privacy/genai/",
    "meta, fr, https://www.facebook.com/privacy/genai/",
    "whatsapp, en, https://www.whatsapp.com/contact/forms/382532939919295",
    "whatsapp, fr, https://www.whatsapp.com/contact/forms/382532939919295",
    "tiktok, en, https://www.tiktok.com/legal/page/eea/privacy-policy/en",
    "tiktok, fr, https://www.tiktok.com/legal/page/eea/privacy-policy/fr",
    "youtube, en, https://support.google.com/youtube/answer/15509944",
    "youtube, fr, https://support.google.com/youtube/answer/15509944",
    "snapchat, en, https://help.snapchat.com/hc/en-us/articles/25494876770580-Generative-AI-on-Snapchat",
    "pinterest, fr, https://help.pinterest.com/en/article/your-privacy-and-data-settings",
  })
  void link_mostAskedPlatforms_openTheirOfficialPage(String id, String lang, String link) {
    Guide guide = SHIPPED.find(id, Language.valueOf(lang.toUpperCase())).orElseThrow();

    assertThat(guide.link()).contains(URI.create(link));
  }
}
