package ch.optout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The production logging, set up in code as logback.xml did. */
class LogSetupTest {
  /** A class path without any logback file of one's own. */
  private static final ClassLoader BARE = new URLClassLoader(new URL[0], null);

  private static LoggerContext configured(Map<String, String> env, ExecutionStatus expected) {
    LoggerContext context = new LoggerContext();
    LogSetup setup = new LogSetup(BARE, p -> null, env::get);
    setup.setContext(context);
    assertThat(setup.configure(context)).isEqualTo(expected);
    return context;
  }

  @Test
  void production_logsToStandardErrorThroughTheRedactingLayout() {
    LoggerContext context = configured(Map.of(), ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    @SuppressWarnings("unchecked")
    OutputStreamAppender<ILoggingEvent> stderr =
        (OutputStreamAppender<ILoggingEvent>) root.getAppender("STDERR");
    assertThat(stderr.isStarted()).isTrue();
    assertThat(((LayoutWrappingEncoder<ILoggingEvent>) stderr.getEncoder()).getLayout())
        .isInstanceOf(RedactingLayout.class);
    assertThat(root.getLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("ch.optout").getLevel()).isEqualTo(Level.INFO);
    assertThat(context.getLogger("ai.djl").getLevel()).isEqualTo(Level.ERROR);
  }

  @Test
  void optoutLogLevel_setsOurLevel() {
    LoggerContext context =
        configured(Map.of("OPTOUT_LOG_LEVEL", "debug"), ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

    assertThat(context.getLogger("ch.optout").getLevel()).isEqualTo(Level.DEBUG);
  }

  @Test
  void aLogbackFileOfOnesOwn_wins() {
    LoggerContext context = new LoggerContext();
    // the test class path has logback-test.xml
    LogSetup setup = new LogSetup(getClass().getClassLoader(), p -> null, e -> null);
    setup.setContext(context);

    assertThat(setup.configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).isNull();
  }

  @Test
  void aConfigurationFileProperty_wins() {
    LoggerContext context = new LoggerContext();
    LogSetup setup =
        new LogSetup(BARE, p -> p.equals("logback.configurationFile") ? "my.xml" : null, e -> null);
    setup.setContext(context);

    assertThat(setup.configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
  }
}
