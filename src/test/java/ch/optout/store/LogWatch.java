package ch.optout.store;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/**
 * Tells a test of each line one class logs at DEBUG or above that contains a text, while open: a
 * retry or a wait the code logs is then an event the test waits on. The lines are kept from the
 * console meanwhile; the logger's level is restored at close.
 */
final class LogWatch extends AppenderBase<ILoggingEvent> implements AutoCloseable {
  private final Logger logger;
  private final String text;
  private final Runnable seen;
  private final Level level;
  private final boolean additive;

  private LogWatch(Logger logger, String text, Runnable seen) {
    this.logger = logger;
    this.text = text;
    this.seen = seen;
    this.level = logger.getLevel();
    this.additive = logger.isAdditive();
  }

  static LogWatch debug(Class<?> of, String text, Runnable seen) {
    Logger logger = (Logger) LoggerFactory.getLogger(of);
    LogWatch watch = new LogWatch(logger, text, seen);
    watch.setContext(logger.getLoggerContext());
    watch.setName("log-watch");
    watch.start();
    logger.addAppender(watch);
    logger.setAdditive(false);
    logger.setLevel(Level.DEBUG);
    return watch;
  }

  @Override
  protected void append(ILoggingEvent event) {
    if (event.getFormattedMessage().contains(text)) {
      seen.run();
    }
  }

  @Override
  public void close() {
    logger.setLevel(level);
    logger.setAdditive(additive);
    logger.detachAppender(this);
    stop();
  }
}
