package ch.optout.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher the build writes next to the jar, run by the real shell with a stand-in JDK whose
 * {@code java} prints the arguments it was given.
 */
class LauncherTest {
  @TempDir Path temp;

  /** A folder with a space, as a user's may be. */
  private Path dir;

  @org.junit.jupiter.api.BeforeEach
  void folder() throws IOException {
    dir = Files.createDirectories(temp.resolve("my builds"));
  }

  private List<String> launch(Map<String, String> env, String... args) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "a POSIX shell");
    Path launcher = BuildLauncher.write(dir);
    Path bin = Files.createDirectories(dir.resolve("jdk/bin"));
    Path java = bin.resolve("java");
    Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("JAVA_HOME", dir.resolve("jdk").toString());
    pb.environment().remove("JAVA_OPTS");
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out.lines().toList();
  }

  @Test
  void written_isExecutable() throws IOException {
    Path launcher = BuildLauncher.write(dir);

    assertThat(Files.isExecutable(launcher)).isTrue();
    assertThat(Files.readString(launcher)).startsWith("#!/bin/sh");
  }

  @Test
  void ask_runsTheJarBesideIt_withTheArchiveAndTheQuickCompiler_argumentsIntact() throws Exception {
    List<String> args = launch(Map.of(), "ask", "is it retroactive?");

    assertThat(args)
        .contains(
            "-XX:SharedArchiveFile=" + dir.toRealPath().resolve("optout.jsa"),
            "-XX:TieredStopAtLevel=1")
        .endsWith(
            "-jar", dir.toRealPath().resolve("optout.jar").toString(), "ask", "is it retroactive?");
  }

  @Test
  void theBot_keepsTheOptimisingCompiler() throws Exception {
    List<String> args = launch(Map.of(), "telegram");

    assertThat(args)
        .contains("-XX:SharedArchiveFile=" + dir.toRealPath().resolve("optout.jsa"))
        .doesNotContain("-XX:TieredStopAtLevel=1")
        .endsWith("telegram");
  }

  @Test
  void javaOpts_areAdded() throws Exception {
    List<String> args = launch(Map.of("JAVA_OPTS", "-Xmx256m -Dx=1"), "--version");

    assertThat(args).contains("-Xmx256m", "-Dx=1").endsWith("--version");
  }
}
