package ch.optout.telegram;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Which updates a bot without an outbox confirms to Telegram, with each getUpdates and at shutdown:
 * only those whose replies left ({@link Confirmations}).
 */
final class PollOffsets {
  private static final Logger LOG = LoggerFactory.getLogger(PollOffsets.class);

  /**
   * A shutdown waits no longer than this to confirm the last updates: a restart at worst answers
   * them twice.
   */
  private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(3);

  /**
   * How long a poll waits for the oldest update under way to be done with before asking again:
   * those are not confirmed yet, so Telegram sends them back at once.
   */
  private static final Duration POLL_PAUSE = Duration.ofMillis(250);

  private final TelegramClient client;
  private final Limits limits;
  private final Confirmations confirmations;

  /** What the last getUpdates confirmed; only the poll thread reads and writes it. */
  private int polledUpTo;

  PollOffsets(TelegramClient client, Limits limits, Confirmations confirmations) {
    this.client = client;
    this.limits = limits;
    this.confirmations = confirmations;
  }

  /**
   * The next getUpdates. Its offset confirms only the updates done with, replies sent: one whose
   * reply is still queued at a shutdown comes back at the next start. Those under way come back
   * with each poll too (the library drops the ones it has seen), so a poll first waits a little for
   * them.
   *
   * @param lastReceived the highest update id received so far (0 at start)
   */
  GetUpdates nextPoll(Integer lastReceived) {
    try {
      confirmations.awaitBeyond(polledUpTo, POLL_PAUSE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    polledUpTo = Math.min(lastReceived, confirmations.confirmableWhilePolling());
    return GetUpdates.builder()
        .offset(polledUpTo + 1)
        .limit(100)
        .timeout(limits.pollTimeoutSeconds())
        .allowedUpdates(BotParts.ALLOWED_UPDATES)
        .build();
  }

  /**
   * Tells Telegram the handled updates are done with. The library confirms a batch only with its
   * next getUpdates; without this, the last batch would be answered again after a restart.
   */
  void confirm(int lastHandled) {
    try {
      ApiCalls.call(
          client,
          GetUpdates.builder().offset(lastHandled + 1).limit(1).timeout(0).build(),
          CONFIRM_TIMEOUT);
    } catch (TelegramApiException e) {
      LOG.warn(
          "could not confirm the last updates ({}); they may be answered again at the next start",
          Failure.of(e).description());
    }
  }
}
