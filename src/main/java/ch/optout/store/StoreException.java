package ch.optout.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The store cannot do its job. The message is written for the person running OptOut (what is wrong,
 * with which file, what to do); the cause, when there is one, is for the log. Nothing is ever
 * deleted or rewritten to recover: the file named is left as it was.
 */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, so callers can choose an exit code or a retry. */
  public enum Reason {
    /** the database or the key file is damaged, or is not OptOut's */
    DAMAGED,
    /** the data directory or a file in it cannot be created or written */
    UNWRITABLE,
    /** another program kept the database locked beyond every retry */
    BUSY,
    /** the database was written by a newer OptOut */
    NEWER_SCHEMA,
    /** the store was closed, or SQLite failed in another way */
    FAILED
  }

  private final Reason reason;
  private final transient Path file;

  StoreException(Reason reason, Path file, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.file = Objects.requireNonNull(file, "file");
  }

  StoreException(Reason reason, Path file, String message) {
    this(reason, file, message, null);
  }

  public Reason reason() {
    return reason;
  }

  /** The file or directory the problem is about. */
  public Path file() {
    return file;
  }
}
