package ch.optout.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InputTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      zero-width space inside a name   | L\u200binkedIn                | LinkedIn
      zero-width joiner inside a name  | Insta\u200dgram photos        | Instagram photos
      soft hyphen inside a name        | Tik\u00adTok                  | TikTok
      byte order mark at the start     | \ufeffhow do I stop LinkedIn? | how do I stop LinkedIn?
      right-to-left override           | Link\u202eedIn                | LinkedIn
      control character between words | stop\u0007LinkedIn            | stop LinkedIn
      line separator between words     | stop\u2028LinkedIn            | stop LinkedIn
      """)
  void clean_invisibleCharactersAreRemovedControlsBecomeSpaces(
      String name, String raw, String expected) {
    assertThat(Input.clean(raw).text()).isEqualTo(expected);
  }
}
