package ch.optout.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * Which of the bot's messages answered which message of a chat, so that a question edited to fix a
 * typo gets nothing when its answer is unchanged, and an edit of the earlier reply when it changed,
 * instead of the same answer posted again. In memory only and bounded: it holds chat and message
 * ids and a hash of what was sent, never a text; after a restart, or for an old message, the answer
 * is posted anew.
 */
final class EarlierReplies implements Sender.Sent {
  /** Messages remembered, the least recently used forgotten first. */
  static final int CAPACITY = 10_000;

  /** What answered one message, as far as it is known. */
  record Earlier(long fingerprint, Optional<List<Integer>> messageIds) {}

  private record Key(long chatId, int messageId) {}

  /** The calls that answered one message, and the ids Telegram gave them once sent (0 before). */
  private static final class Entry {
    long fingerprint;
    final List<Outgoing> calls;
    final int[] ids;

    Entry(long fingerprint, List<Outgoing> calls) {
      this.fingerprint = fingerprint;
      this.calls = calls;
      this.ids = new int[calls.size()];
    }
  }

  private final int capacity;
  private final Map<Outgoing, Entry> bySend = new IdentityHashMap<>();
  private final LinkedHashMap<Key, Entry> byMessage =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
          if (size() <= capacity) {
            return false;
          }
          eldest.getValue().calls.forEach(bySend::remove);
          return true;
        }
      };

  EarlierReplies() {
    this(CAPACITY);
  }

  EarlierReplies(int capacity) {
    this.capacity = capacity;
  }

  /** The messages {@code calls} (to be sent) answer the chat's message {@code messageId}. */
  synchronized void answered(long chatId, int messageId, List<Outgoing> calls, long fingerprint) {
    Entry entry = new Entry(fingerprint, List.copyOf(calls));
    Entry before = byMessage.put(new Key(chatId, messageId), entry);
    if (before != null) {
      before.calls.forEach(bySend::remove);
    }
    entry.calls.forEach(c -> bySend.put(c, entry));
  }

  /** The earlier reply was rewritten in place: it now shows what {@code fingerprint} stands for. */
  synchronized void rewritten(long chatId, int messageId, long fingerprint) {
    Entry entry = byMessage.get(new Key(chatId, messageId));
    if (entry != null) {
      entry.fingerprint = fingerprint;
    }
  }

  /** What answered the chat's message, with the ids of every message of it once all are known. */
  synchronized Optional<Earlier> of(long chatId, int messageId) {
    Entry entry = byMessage.get(new Key(chatId, messageId));
    if (entry == null) {
      return Optional.empty();
    }
    boolean known = IntStream.of(entry.ids).allMatch(id -> id != 0);
    return Optional.of(
        new Earlier(
            entry.fingerprint,
            known ? Optional.of(IntStream.of(entry.ids).boxed().toList()) : Optional.empty()));
  }

  @Override
  public synchronized void sent(Outgoing call, int messageId) {
    Entry entry = bySend.remove(call);
    if (entry == null) {
      return;
    }
    for (int k = 0; k < entry.calls.size(); k++) {
      // the calls are records: equal ones are told apart by identity
      if (entry.calls.get(k) == call) {
        entry.ids[k] = messageId;
        return;
      }
    }
  }

  /** What a reply shows, as one number: equal answers laid out alike give equal ones. */
  static long fingerprint(List<String> chunks, Optional<InlineKeyboardMarkup> keyboard) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String chunk : chunks) {
        sha.update(chunk.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      sha.update(keyboard.map(Object::toString).orElse("").getBytes(StandardCharsets.UTF_8));
      byte[] d = sha.digest();
      long v = 0;
      for (int k = 0; k < 8; k++) {
        v = (v << 8) | (d[k] & 0xff);
      }
      return v;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
