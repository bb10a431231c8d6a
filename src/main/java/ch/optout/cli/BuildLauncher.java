package ch.optout.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Run by the build in a JVM that records the classes it loads ({@code
 * -XX:ArchiveClassesAtExit=optout.jsa}): writes the launcher {@code optout} next to the jar, then
 * answers one question as {@code ask} does, so that the archive holds what a question needs.
 */
public final class BuildLauncher {
  /** The launcher, as a class-path resource. */
  static final String SCRIPT = "launcher/optout";

  private BuildLauncher() {}

  /**
   * @param args the folder of optout.jar
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: BuildLauncher TARGET_DIR");
    }
    Path launcher = write(Path.of(args[0]));
    PrintWriter quiet =
        new PrintWriter(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    int code =
        Main.run(
            new String[] {"ask", "How do I stop LinkedIn using my CV?"},
            Map.of(),
            InputStream.nullInputStream(),
            quiet,
            new PrintWriter(System.err, true, StandardCharsets.UTF_8));
    if (code != 0) {
      throw new IllegalStateException("the warm-up question failed with code " + code);
    }
    System.out.println("launcher: " + launcher);
  }

  /** Writes the launcher into a folder, executable where the file system has permissions. */
  static Path write(Path folder) throws IOException {
    Path launcher = folder.resolve("optout");
    try (InputStream in = BuildLauncher.class.getClassLoader().getResourceAsStream(SCRIPT)) {
      if (in == null) {
        throw new IOException("no " + SCRIPT + " on the class path");
      }
      Files.copy(in, launcher, StandardCopyOption.REPLACE_EXISTING);
    }
    try {
      Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException e) {
      // a file system without POSIX permissions (Windows): run it with sh
    }
    return launcher;
  }
}
