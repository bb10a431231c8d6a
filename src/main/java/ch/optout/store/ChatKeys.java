package ch.optout.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a chat id into the only form the database ever sees: HMAC-SHA256 under a secret kept next
 * to the database. Without the secret, a key cannot be matched to a chat id, not even by trying
 * every Telegram id, which a plain hash would allow.
 */
final class ChatKeys {
  static final String FILE = "secret.key";
  static final int BYTES = 32;

  private static final String ALGORITHM = "HmacSHA256";
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private static final Logger LOG = LoggerFactory.getLogger(ChatKeys.class);

  private final SecretKeySpec secret;

  private ChatKeys(byte[] secret) {
    this.secret = new SecretKeySpec(secret, ALGORITHM);
  }

  /** Keys from a secret kept elsewhere: a database shared by replicas, or the environment. */
  static ChatKeys of(byte[] secret) {
    if (secret.length < BYTES) {
      throw new IllegalArgumentException("a chat-key secret needs at least " + BYTES + " bytes");
    }
    return new ChatKeys(secret.clone());
  }

  /**
   * Reads the secret in {@code dir}, creating it at first start; never replaces an existing one.
   */
  static ChatKeys open(Path dir, SecureRandom random) {
    Path file = dir.resolve(FILE);
    try {
      if (Files.exists(file)) {
        restrict(file);
      } else {
        create(file, random);
      }
      byte[] bytes = Files.readAllBytes(file);
      if (bytes.length != BYTES) {
        throw new StoreException(
            StoreException.Reason.DAMAGED,
            file,
            "The key file "
                + file
                + " is damaged ("
                + bytes.length
                + " bytes instead of "
                + BYTES
                + "). It was left untouched: restore it from a backup, or move it away together with "
                + SqliteChatStore.DATABASE
                + " to start afresh.");
      }
      return new ChatKeys(bytes);
    } catch (AccessDeniedException e) {
      throw new StoreException(
          StoreException.Reason.UNWRITABLE,
          file,
          "OptOut cannot create or read its key file "
              + file
              + " (permission denied). Set OPTOUT_DATA_DIR to a folder you can write to.",
          e);
    } catch (IOException e) {
      throw new StoreException(
          StoreException.Reason.UNWRITABLE,
          file,
          "OptOut cannot create or read its key file " + file + ": " + e.getMessage(),
          e);
    }
  }

  /** The key under which the chat is stored: 64 hexadecimal characters. */
  String of(String chatId) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(secret);
      return HexFormat.of().formatHex(mac.doFinal(chatId.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
    }
  }

  /**
   * A key for another purpose derived from the same secret (HMAC-SHA256 of the purpose's name), so
   * that one secret, kept once outside the database, protects everything: 32 bytes.
   */
  byte[] derive(String purpose) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(secret);
      return mac.doFinal(("derive:" + purpose).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
    }
  }

  /**
   * Writes a new secret beside the final name and renames it, so that a crash never leaves a short
   * secret, and two processes starting together end up sharing one.
   */
  private static void create(Path file, SecureRandom random) throws IOException {
    byte[] bytes = new byte[BYTES];
    random.nextBytes(bytes);
    Path temp = file.resolveSibling(FILE + ".new");
    Files.deleteIfExists(temp);
    FileAttribute<?>[] attributes =
        DataDirectory.ownerOnlyWhereSupported(file.getParent(), "rw-------");
    try (FileChannel channel =
        FileChannel.open(
            temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes)) {
      channel.write(ByteBuffer.wrap(bytes));
      channel.force(true);
    }
    try {
      // a link, unlike a rename, never replaces a secret another process has just created
      Files.createLink(file, temp);
      Files.delete(temp);
    } catch (FileAlreadyExistsException e) {
      Files.delete(temp);
      return;
    } catch (UnsupportedOperationException | FileSystemException e) {
      Files.move(temp, file);
    }
    LOG.info("created a new key file {}", file);
  }

  /** The secret is as good as the file's protection: tighten it if someone loosened it. */
  private static void restrict(Path file) throws IOException {
    if (!posix(file.getParent())) {
      LOG.info(
          "{} does not support owner-only permissions: protect the data folder yourself",
          file.getParent());
      return;
    }
    Set<PosixFilePermission> current = Files.getPosixFilePermissions(file);
    if (!current.equals(OWNER_ONLY)) {
      Files.setPosixFilePermissions(file, OWNER_ONLY);
      LOG.warn(
          "{} was {}; it is now owner-only (rw-------)",
          file,
          PosixFilePermissions.toString(current));
    }
  }

  private static boolean posix(Path dir) throws IOException {
    return Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class);
  }
}
