package ch.optout.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one place a raw chat id is written to the store: sealed with AES-256-GCM under a key derived
 * from the chat-key secret, in the rows of reminders and watches only, since a message sent later
 * needs to know where to go. The chat's key is the associated data, so a sealed address copied to
 * another chat's row does not open. Without the secret (kept outside the database) nothing opens.
 */
final class Addresses {
  private static final String PURPOSE = "optout follow-up address v1";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random;

  Addresses(ChatKeys keys, SecureRandom random) {
    this.key = new SecretKeySpec(keys.derive(PURPOSE), "AES");
    this.random = random;
  }

  /** The chat id sealed for the row of {@code chatKey}: base64 of nonce and ciphertext. */
  String seal(String chatId, String chatKey) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(chatKey.getBytes(StandardCharsets.US_ASCII));
      byte[] sealed = cipher.doFinal(chatId.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder()
          .encodeToString(
              ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has AES-GCM", e);
    }
  }

  /** The chat id, or empty when the address was sealed under another secret or damaged. */
  Optional<String> open(String sealed, String chatKey) {
    try {
      byte[] bytes = Base64.getDecoder().decode(sealed);
      if (bytes.length <= NONCE_BYTES) {
        return Optional.empty();
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
      cipher.updateAAD(chatKey.getBytes(StandardCharsets.US_ASCII));
      byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
      return Optional.of(new String(plain, StandardCharsets.UTF_8));
    } catch (javax.crypto.AEADBadTagException | IllegalArgumentException e) {
      return Optional.empty();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has AES-GCM", e);
    }
  }
}
