package ch.optout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class FriendlyErrorsTest {
  private static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

  @Test
  void failureWhoseMessageCarriesTheTokenInAUrl_isPrintedWithTheTokenMasked() {
    StringWriter err = new StringWriter();
    CommandLine cli =
        Main.commandLine(
            Map.of(), System.in, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
    Exception e =
        new UncheckedIOException(
            "cannot reach https://api.telegram.org/bot" + TOKEN + "/getMe",
            new IOException("reset"));

    int code = new FriendlyErrors().handleExecutionException(e, cli, null);

    assertThat(code).isEqualTo(FriendlyErrors.FAILED);
    assertThat(err.toString())
        .contains("OptOut stopped on an error / OptOut s'est arrêté sur une erreur :")
        .contains("  cannot reach https://api.telegram.org/bot123456789:<redacted>/getMe")
        .doesNotContain("AAHdqTcv");
  }
}
