package ch.optout.chat;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.knowledge.Language;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandNamesTest {
  private final CommandNames names = CommandNames.load();

  @ParameterizedTest
  @CsvSource({
    "/liste, /checklist",
    "/lettre, /letter",
    "/région, /region",
    "/langue, /lang",
    "/language, /lang",
    "/mesdonnees, /mydata",
    "/oublier, /forget",
    "/checklist, /checklist",
    "/nothing, /nothing"
  })
  void command_aName_isTheCommandItStandsFor(String name, String command) {
    assertThat(names.command(name)).isEqualTo(command);
  }

  @ParameterizedTest
  @CsvSource({
    "fr, fr",
    "EN, en",
    "français, fr",
    "Francais, fr",
    "english, en",
    "anglais, en",
    "klingon, ''"
  })
  void language_aCodeOrAName_isThatLanguage(String argument, String code) {
    assertThat(names.language(argument))
        .isEqualTo(code.isEmpty() ? Optional.empty() : Optional.of(Language.valueOf(code)));
  }
}
