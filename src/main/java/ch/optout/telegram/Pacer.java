package ch.optout.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps sends within Telegram's limits: one message per chat per {@code perChat}, one overall per
 * {@code global}. A message first waits for its chat, then takes the next free global slot — in
 * that order, so that a chat waiting its turn never holds a slot other chats could use.
 */
final class Pacer {
  /** Past this many chats, entries whose wait is over are dropped. */
  private static final int PURGE_ABOVE = 10_000;

  private final Clock clock;
  private final Duration perChat;
  private final Duration global;
  private final Map<Long, Instant> chatReady = new HashMap<>();
  private Instant globalNext = Instant.EPOCH;

  Pacer(Clock clock, Duration perChat, Duration global) {
    this.clock = clock;
    this.perChat = perChat;
    this.global = global;
  }

  /** When the chat may receive its next message; now or earlier means at once. */
  synchronized Instant chatReadyAt(long chatId) {
    return chatReady.getOrDefault(chatId, Instant.EPOCH);
  }

  /** Takes the next global slot: now, or just after the last one taken. */
  synchronized Instant reserveGlobal() {
    Instant now = clock.instant();
    Instant slot = globalNext.isAfter(now) ? globalNext : now;
    globalNext = slot.plus(global);
    return slot;
  }

  /**
   * Whether no global slot is taken ahead of now: messages nobody waits for (see {@link BulkFeed})
   * go only then, so that they never queue ahead of an answer.
   */
  synchronized boolean idle() {
    return !globalNext.isAfter(clock.instant());
  }

  /** How long until no global slot is taken ahead: zero when idle now. */
  synchronized Duration untilIdle() {
    Instant now = clock.instant();
    return globalNext.isAfter(now) ? Duration.between(now, globalNext) : Duration.ZERO;
  }

  /** A message to the chat has just gone out: the next one waits {@code perChat}. */
  synchronized void sent(long chatId) {
    Instant now = clock.instant();
    chatReady.put(chatId, now.plus(perChat));
    if (chatReady.size() > PURGE_ABOVE) {
      chatReady.values().removeIf(at -> !at.isAfter(now));
    }
  }
}
