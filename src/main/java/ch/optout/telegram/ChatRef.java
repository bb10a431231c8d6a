package ch.optout.telegram;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How log lines name a chat: a salted hash, stable within one run so that the lines of one
 * conversation can be followed, meaningless outside it. Raw chat ids never reach a log.
 */
final class ChatRef {
  private final byte[] salt;

  ChatRef(byte[] salt) {
    this.salt = salt.clone();
  }

  String of(long chatId) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      sha.update(ByteBuffer.allocate(Long.BYTES).putLong(chatId).array());
      return "c" + HexFormat.of().formatHex(sha.digest(), 0, 5);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static final String PREFIX = "tg:";

  /** The key under which the assistant keeps this chat's state. */
  static String assistantKey(long chatId) {
    return PREFIX + chatId;
  }

  /** The Telegram chat an assistant key names; empty for another channel's key. */
  static java.util.Optional<Long> telegramChat(String assistantKey) {
    if (!assistantKey.startsWith(PREFIX)) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(Long.parseLong(assistantKey.substring(PREFIX.length())));
    } catch (NumberFormatException e) {
      return java.util.Optional.empty();
    }
  }
}
