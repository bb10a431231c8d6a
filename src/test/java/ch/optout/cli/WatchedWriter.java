package ch.optout.cli;

import ch.optout.Signal;
import java.io.StringWriter;
import java.time.Duration;

/** What a command printed, with a wait for a text that is woken by each write. */
final class WatchedWriter extends StringWriter {
  private final Signal written = new Signal();

  /**
   * Waits until the text printed contains {@code text}.
   *
   * @return whether it did within {@code timeout}
   */
  boolean awaitContains(String text, Duration timeout) throws InterruptedException {
    return written.await(() -> toString().contains(text), timeout);
  }

  @Override
  public void write(int c) {
    super.write(c);
    written.fire();
  }

  @Override
  public void write(char[] chars, int off, int len) {
    super.write(chars, off, len);
    written.fire();
  }

  @Override
  public void write(String str) {
    super.write(str);
    written.fire();
  }

  @Override
  public void write(String str, int off, int len) {
    super.write(str, off, len);
    written.fire();
  }
}
