package ch.optout.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatKeysTest {
  @TempDir Path dir;

  private boolean posix() throws Exception {
    return Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class);
  }

  @Test
  void open_firstStart_createsA32ByteSecretReadableByTheOwnerOnly() throws Exception {
    assumeTrue(posix(), "POSIX file system");

    ChatKeys.open(dir, new SecureRandom());

    Path secret = dir.resolve(ChatKeys.FILE);
    assertThat(Files.size(secret)).isEqualTo(32);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)))
        .isEqualTo("rw-------");
    assertThat(Files.list(dir)).containsExactly(secret);
  }

  @Test
  void open_secretOthersCanRead_isMadeOwnerOnlyAndKept() throws Exception {
    assumeTrue(posix(), "POSIX file system");
    ChatKeys.open(dir, new SecureRandom());
    Path secret = dir.resolve(ChatKeys.FILE);
    byte[] bytes = Files.readAllBytes(secret);
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));

    ChatKeys.open(dir, new SecureRandom());

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)))
        .isEqualTo("rw-------");
    assertThat(Files.readAllBytes(secret)).isEqualTo(bytes);
  }

  @Test
  void of_isStableAcrossOpens_andDiffersWithAnotherSecret(@TempDir Path other) {
    String first = ChatKeys.open(dir, new SecureRandom()).of("123456789");
    String again = ChatKeys.open(dir, new SecureRandom()).of("123456789");
    String elsewhere = ChatKeys.open(other, new SecureRandom()).of("123456789");

    assertThat(first).matches("[0-9a-f]{64}").isEqualTo(again).isNotEqualTo(elsewhere);
    assertThat(ChatKeys.open(dir, new SecureRandom()).of("123456780")).isNotEqualTo(first);
  }

  @Test
  void open_damagedSecret_failsAndKeepsTheFile() throws Exception {
    Path secret = dir.resolve(ChatKeys.FILE);
    Files.write(secret, new byte[] {1, 2, 3, 4, 5});

    StoreException e =
        catchThrowableOfType(StoreException.class, () -> ChatKeys.open(dir, new SecureRandom()));

    assertThat(e.reason()).isEqualTo(StoreException.Reason.DAMAGED);
    assertThat(e.file()).isEqualTo(secret);
    assertThat(e.getMessage()).contains(secret.toString()).contains("5 bytes instead of 32");
    assertThat(Files.readAllBytes(secret)).containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void open_onAFileSystemWithoutPosixPermissions_stillWorks() throws Exception {
    URI zip = URI.create("jar:" + dir.resolve("data.zip").toUri());
    try (FileSystem fs = FileSystems.newFileSystem(zip, Map.of("create", "true"))) {
      Path data = Files.createDirectories(fs.getPath("/data"));
      assertThat(Files.getFileStore(data).supportsFileAttributeView(PosixFileAttributeView.class))
          .isFalse();

      String key = ChatKeys.open(data, new SecureRandom()).of("c1");

      assertThat(Files.size(data.resolve(ChatKeys.FILE))).isEqualTo(32);
      assertThat(ChatKeys.open(data, new SecureRandom()).of("c1")).isEqualTo(key);
    }
  }
}
