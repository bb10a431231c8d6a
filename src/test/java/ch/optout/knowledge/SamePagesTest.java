package ch.optout.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SamePagesTest {
  private final SamePages pages = SamePages.bundled();

  @TempDir Path temp;

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "https://ico.org.uk/for-the-public/, https://www.ico.org.uk/for-the-public",
    "https://example.org/page?utm_source=x&utm_medium=y, https://example.org/page",
    "https://example.org/page?id=3&fbclid=abc, https://example.org/page?id=3",
    "https://example.org/page?b=2&a=1, https://example.org/page?a=1&b=2",
    "https://example.org/page#section-2, https://example.org/page",
    "https://EXAMPLE.org/page, https://example.org/page",
  })
  void page_addressesOfTheSamePage_areEqual(String one, String other) {
    assertThat(pages.page(URI.create(one))).isEqualTo(pages.page(URI.create(other)));
  }

  @ParameterizedTest(name = "{0} ≠ {1}")
  @CsvSource({
    "https://example.org/page?p=1, https://example.org/page?p=2",
    "https://example.org/fr/page, https://example.org/en/page",
    "https://help.example.org/page, https://example.org/page",
    "https://example.org/Page, https://example.org/page",
  })
  void page_addressesOfDifferentPages_differ(String one, String other) {
    assertThat(pages.page(URI.create(one))).isNotEqualTo(pages.page(URI.create(other)));
  }

  @Test
  void check_samePageUnderTwoAddressesInTwoFiles_warnsNamingBoth() {
    CheckFolder folder =
        new CheckFolder(temp)
            .replace(
                CheckFolder.EN,
                "https://www.demo.example/privacy",
                "https://www.demo.example/privacy/?utm_source=newsletter")
            .replace(
                CheckFolder.FR,
                "https://www.demo.example/fr/privacy",
                "https://demo.example/privacy#top");

    assertThat(folder.errors()).isEmpty();
    assertThat(folder.warnings())
        .containsExactly(
            "guides/demo.fr.md:1: warning: https://demo.example/privacy#top and"
                + " https://www.demo.example/privacy/?utm_source=newsletter (in guides/demo.en.md)"
                + " are the same page: use one address everywhere");
  }

  @Test
  void check_sameAddressInBothTwins_isNoWarning() {
    CheckFolder folder =
        new CheckFolder(temp)
            .replace(
                CheckFolder.FR,
                "https://www.demo.example/fr/privacy",
                "https://www.demo.example/privacy");

    assertThat(folder.warnings()).isEmpty();
  }
}
