package ch.optout.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The data directory and the files OptOut creates in it: owner-only where the file system has POSIX
 * permissions, and failures explained in terms of OPTOUT_DATA_DIR.
 */
final class DataDirectory {
  private DataDirectory() {}

  /** Creates the directory if needed, owner-only, and checks that OptOut can write in it. */
  static Path prepare(Path dataDir) {
    Path dir = dataDir.toAbsolutePath();
    try {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir, ownerOnlyWhereSupported(dir, "rwx------"));
      }
    } catch (FileAlreadyExistsException e) {
      throw new StoreException(
          StoreException.Reason.UNWRITABLE,
          dir,
          "The data directory "
              + dir
              + " exists but is not a directory. Set OPTOUT_DATA_DIR to a folder.",
          e);
    } catch (IOException e) {
      throw new StoreException(
          StoreException.Reason.UNWRITABLE,
          dir,
          "OptOut cannot create its data directory "
              + dir
              + " ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + "). Set OPTOUT_DATA_DIR to a folder you can write to.",
          e);
    }
    if (!Files.isWritable(dir)) {
      throw new StoreException(
          StoreException.Reason.UNWRITABLE,
          dir,
          "The data directory "
              + dir
              + " is not writable. Set OPTOUT_DATA_DIR to a folder you can write to.");
    }
    return dir;
  }

  /**
   * An empty file is a valid empty database: creating it first makes it, and the -wal and -shm
   * files SQLite derives from it, owner-only where the file system allows.
   */
  static Path createOwnerOnly(Path file) {
    try {
      if (!Files.exists(file)) {
        Files.createFile(file, ownerOnlyWhereSupported(file.getParent(), "rw-------"));
      }
      return file;
    } catch (FileAlreadyExistsException e) {
      return file;
    } catch (IOException e) {
      throw new StoreException(
          StoreException.Reason.UNWRITABLE,
          file,
          "OptOut cannot create its database "
              + file
              + " ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + "). Set OPTOUT_DATA_DIR to a folder you can write to.",
          e);
    }
  }

  /** The permissions as a creation attribute on POSIX file systems; none elsewhere. */
  static FileAttribute<?>[] ownerOnlyWhereSupported(Path near, String permissions)
      throws IOException {
    Path existing = near;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    boolean posix =
        existing != null
            && Files.getFileStore(existing).supportsFileAttributeView(PosixFileAttributeView.class);
    return posix
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
        }
        : new FileAttribute<?>[0];
  }
}
