package ch.optout.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.function.UnaryOperator;

/**
 * Logging, set up in code: lines go to standard error (so that {@code ask}'s output stays clean),
 * through {@link RedactingLayout}; OptOut's own at {@code OPTOUT_LOG_LEVEL} (INFO unless set),
 * libraries' warnings only, DJL's errors only (it warns about the missing GPU at every start). Read
 * by logback through {@code META-INF/services}: its XML configurator and parser took a third of a
 * second of every start. A {@code logback.xml} or {@code logback-test.xml} on the class path, or
 * {@code -Dlogback.configurationFile}, still wins.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
  static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{20} - %msg%n";

  private final ClassLoader resources;
  private final UnaryOperator<String> properties;
  private final UnaryOperator<String> env;

  /** As logback instantiates it. */
  public LogSetup() {
    this(LogSetup.class.getClassLoader(), System::getProperty, System::getenv);
  }

  LogSetup(ClassLoader resources, UnaryOperator<String> properties, UnaryOperator<String> env) {
    this.resources = resources;
    this.properties = properties;
    this.env = env;
  }

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (properties.apply("logback.configurationFile") != null
        || resources.getResource("logback-test.xml") != null
        || resources.getResource("logback.xml") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    RedactingLayout layout = new RedactingLayout();
    layout.setContext(context);
    layout.setPattern(PATTERN);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.WARN);
    root.addAppender(stderr);
    context
        .getLogger("ch.optout")
        .setLevel(Level.toLevel(env.apply("OPTOUT_LOG_LEVEL"), Level.INFO));
    context.getLogger("ai.djl").setLevel(Level.ERROR);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
