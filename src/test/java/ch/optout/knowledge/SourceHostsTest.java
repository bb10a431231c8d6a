package ch.optout.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceHostsTest {
  private static final String CLEAN = "https://help.demo.example/ai";

  @TempDir Path temp;

  @Test
  void check_cleanFolder_reportsNothing() {
    assertThat(new CheckFolder(temp).check()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "https://master.cdgajp.dev.web.somedia.ch/news/2024-06-06/x; a staging or development host",
        "https://dev.demo.example/ai; a staging or development host",
        "https://staging.demo.example/ai; a staging or development host",
        "https://www.demo.dev.web.example.ch/ai; a staging or development host",
        "https://links.gayfr.online/futurism-pinterest; a link shortener or redirect",
        "https://bit.ly/3xYz; a link shortener or redirect",
        "https://t.co/AbC; a link shortener or redirect",
        "https://cnb.cx/3Rsj5L5; a link shortener or redirect",
        "https://tinyurl.com/abc; a link shortener or redirect",
        "https://lnkd.in/eXyZ; a link shortener or redirect",
        "https://shorturl.at/abc; a link shortener or redirect",
        "https://news-you-need.com/?p=257981; a copy or aggregator site",
        "https://aitopics.org/doc/news:1; a copy or aggregator site",
        "https://megalodon.jp/2025-0101/https://example.com; a copy or aggregator site",
        "https://embird-api.cgast.org/default/news/79359; a copy or aggregator site",
        "https://hn.jakechampion.name/reader/https://arstechnica.com/x; a copy or aggregator site",
        "https://realhacker.news/how-to-limit-galaxy-ai; a copy or aggregator site",
        "https://lemmy.world/post/26556984; a Lemmy or kbin instance",
        "https://lemmy.ml/post/123; a Lemmy or kbin instance",
        "https://sh.itjust.works/post/42; a Lemmy or kbin instance",
        "https://guatda.com/cmx.pwww.linkedin.com/posts/x; a proxy or mirror",
        "https://proxy.example.nl/index.php?q=aHR0cHM6Ly9; a proxy or mirror",
        "https://example.nl/browse/index.php?q=aHR0cHM6Ly9; a proxy or mirror",
        "https://web.archive.org/web/2025/https://example.com; an archive or cache copy",
      })
  void check_sourceOnADeniedHost_isAnErrorSayingWhatTheHostIs(String url, String reason) {
    CheckFolder folder = new CheckFolder(temp).replace(CheckFolder.EN, CLEAN, url);

    assertThat(folder.errors())
        .singleElement()
        .asString()
        .startsWith("guides/demo.en.md:1: source 'Demo Help — Data for AI' points to " + reason)
        .endsWith("cite the original publisher's address");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "https://developers.google.com/ai",
    "https://redact.dev/blog/x",
    "https://www.devpik.com/x",
    "https://staff.tumblr.com/post/123456/ai-training",
    "https://www.cnbc.com/2025/01/01/x.html",
    "https://support.google.com/gemini/answer/13594961?hl=fr",
  })
  void check_sourceOnAnOrdinaryHost_isNoError(String url) {
    CheckFolder folder = new CheckFolder(temp).replace(CheckFolder.EN, CLEAN, url);

    assertThat(folder.errors()).isEmpty();
  }

  @Test
  void check_sourceOnARelayHost_isAWarningNotAnError() {
    CheckFolder folder =
        new CheckFolder(temp)
            .replace(
                CheckFolder.EN,
                CLEAN,
                "https://usernotices.com/arts-and-entertainment/does-deepl-store-your-data");

    assertThat(folder.errors()).isEmpty();
    assertThat(folder.warnings())
        .containsExactly(
            "guides/demo.en.md:1: warning: source 'Demo Help — Data for AI' is an SEO site or"
                + " automated summary of other pages (usernotices.com), not the original"
                + " publisher: cite the original page, or say the source is weak");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "Engadget — Ring's Search Party (via a copy); via",
        "PCMag — Claude settings (copy on another site); copy",
        "Futurism — Pinterest (copie intégrale publiée ailleurs); copie",
        "News relayed by a blog; relayed",
      })
  void check_titleSayingItIsACopy_isAWarning(String title, String word) {
    CheckFolder folder =
        new CheckFolder(temp).replace(CheckFolder.EN, "\"Demo Help — Data for AI\"", title);

    assertThat(folder.errors()).isEmpty();
    assertThat(folder.warnings())
        .containsExactly(
            "guides/demo.en.md:1: warning: source '"
                + title
                + "' says it is not the original publisher ('"
                + word
                + "'): cite the original page when it can be found");
  }

  @Test
  void check_titleWithAWordContainingVia_isNoWarning() {
    CheckFolder folder =
        new CheckFolder(temp)
            .replace(CheckFolder.EN, "\"Demo Help — Data for AI\"", "Aviation privacy (Viacom)");

    assertThat(folder.warnings()).isEmpty();
  }

  @Test
  void load_sourceOnADeniedHost_stillServesTheFolder_onlyTheCheckRejectsIt() {
    CheckFolder folder = new CheckFolder(temp).replace(CheckFolder.EN, CLEAN, "https://bit.ly/3x");

    assertThat(new KnowledgeLoader(text -> Language.EN).load(folder.root()).documents()).hasSize(2);
    assertThat(folder.errors()).hasSize(1);
  }

  @Test
  void check_relayHostWhoseTitleSaysRelay_isOneWarning() {
    CheckFolder folder =
        new CheckFolder(temp)
            .replace(CheckFolder.EN, CLEAN, "https://news.warptechlab.com/news/205355295")
            .replace(CheckFolder.EN, "\"Demo Help — Data for AI\"", "\"News relay (warptechlab)\"");

    assertThat(folder.warnings()).singleElement().asString().contains("is a relay of another");
  }
}
