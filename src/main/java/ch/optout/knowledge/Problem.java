package ch.optout.knowledge;

import java.util.Objects;

/** A defect in a knowledge file, reported as {@code file:line: message}. */
public record Problem(String file, int line, String message, Severity severity) {
  public enum Severity {
    ERROR,
    WARNING
  }

  public Problem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(severity, "severity");
  }

  static Problem error(String file, int line, String message) {
    return new Problem(file, line, message, Severity.ERROR);
  }

  static Problem warning(String file, int line, String message) {
    return new Problem(file, line, message, Severity.WARNING);
  }

  @Override
  public String toString() {
    return file + ":" + line + ": " + (severity == Severity.WARNING ? "warning: " : "") + message;
  }
}
