package ch.optout.store;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Objects;

/** SQLite's result codes, told apart: busy (retry), damaged, unwritable, or failed. */
final class SqliteErrors {
  // primary result codes from sqlite3.h: the extended codes carry them in their low byte
  private static final int SQLITE_PERM = 3;
  private static final int SQLITE_BUSY = 5;
  private static final int SQLITE_LOCKED = 6;
  private static final int SQLITE_READONLY = 8;
  private static final int SQLITE_IOERR = 10;
  private static final int SQLITE_CORRUPT = 11;
  private static final int SQLITE_FULL = 13;
  private static final int SQLITE_CANTOPEN = 14;
  private static final int SQLITE_NOTADB = 26;

  private SqliteErrors() {}

  /** Another connection holds the lock: worth another attempt. */
  static boolean busy(SQLException e) {
    return primary(e) == SQLITE_BUSY || primary(e) == SQLITE_LOCKED;
  }

  private static int primary(SQLException e) {
    return e.getErrorCode() & 0xff;
  }

  /** The store's error for a failed SQLite call, saying what to do about it. */
  static StoreException translate(SQLException e, Path file, String what, int attempts) {
    int code = primary(e);
    String detail = Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
    return switch (code) {
      case SQLITE_CORRUPT, SQLITE_NOTADB ->
          new StoreException(StoreException.Reason.DAMAGED, file, damaged(file, detail), e);
      case SQLITE_BUSY, SQLITE_LOCKED ->
          new StoreException(
              StoreException.Reason.BUSY,
              file,
              "The database "
                  + file
                  + " stayed locked by another program through "
                  + attempts
                  + " attempts ("
                  + what
                  + "). Try again; if it lasts, "
                  + "check that no other OptOut is stuck on the same OPTOUT_DATA_DIR.",
              e);
      case SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_PERM, SQLITE_IOERR, SQLITE_FULL ->
          new StoreException(
              StoreException.Reason.UNWRITABLE,
              file,
              "OptOut cannot write its database "
                  + file
                  + " ("
                  + detail
                  + "). Check that the folder is writable and the disk not full, or set OPTOUT_DATA_DIR to another folder.",
              e);
      default ->
          new StoreException(
              StoreException.Reason.FAILED,
              file,
              "The database " + file + " failed (" + what + "): " + detail,
              e);
    };
  }

  static String damaged(Path file, String detail) {
    return "The database file "
        + file
        + " is damaged or is not an OptOut database ("
        + detail
        + "). It was left untouched: "
        + "restore it from a backup, or move it away to start afresh.";
  }
}
