package ch.optout.store;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.Signal;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashTest {
  private static final int COMMITS_BEFORE_KILL = 150;

  @TempDir Path dir;

  @Test
  void childKilledInTheMiddleOfWrites_leavesADatabaseThatOpensWithEveryCommittedRow()
      throws Exception {
    Path data = dir.resolve("data");
    Path log = dir.resolve("child.log");
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                java.toString(), "-cp", classpath, WriterProcess.class.getName(), data.toString())
            .redirectError(log.toFile())
            .start();
    AtomicInteger committed = new AtomicInteger(-1);
    Signal printed = new Signal();
    AtomicBoolean ended = new AtomicBoolean();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  committed.set(Integer.parseInt(line.strip()));
                  printed.fire();
                }
              } catch (Exception e) {
                // the pipe breaks when the child dies: what was read is what counts
              } finally {
                ended.set(true);
                printed.fire();
              }
            },
            "child-reader");
    reader.start();
    try {
      // woken by each commit the child prints, and by the end of its output
      printed.await(
          () -> committed.get() >= COMMITS_BEFORE_KILL || ended.get(), Duration.ofSeconds(8));
      assertThat(committed.get())
          .as("child log: %s", Files.exists(log) ? Files.readString(log) : "")
          .isGreaterThanOrEqualTo(COMMITS_BEFORE_KILL);
      assertThat(child.isAlive()).as("still writing when killed").isTrue();
    } finally {
      child.destroyForcibly();
      assertThat(child.waitFor(5, TimeUnit.SECONDS)).isTrue();
      reader.join(5_000);
    }
    int last = committed.get();

    try (SqliteChatStore store = new SqliteChatStore(data, Clock.systemUTC())) {
      for (int i = 0; i <= last; i++) {
        ChatState state = store.load("chat-" + i);
        assertThat(state.language()).as("chat-" + i).contains("fr");
        assertThat(state.lastPlatform()).as("chat-" + i).contains("linkedin");
      }
      int answers =
          store.guideDays(LocalDate.now(Clock.systemUTC()).minusDays(1)).stream()
              .mapToInt(GuideDay::answers)
              .sum();
      assertThat(answers).isGreaterThanOrEqualTo(last + 1);
    }
    try (RawDb raw = new RawDb(data)) {
      assertThat(raw.strings("PRAGMA integrity_check")).containsExactly("ok");
      // atomic: no chat got its preferences without its context, nor the reverse
      assertThat(raw.count("SELECT COUNT(*) FROM chat"))
          .isEqualTo(raw.count("SELECT COUNT(*) FROM context"));
      // the child may commit a few rows whose acknowledgement the kill cut off: at least all
      // acknowledged ones
      assertThat(raw.count("SELECT COUNT(*) FROM chat")).isGreaterThanOrEqualTo(last + 1);
    }
  }
}
