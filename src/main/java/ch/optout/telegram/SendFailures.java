package ch.optout.telegram;

import ch.optout.telegram.SendLane.Job;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the {@link Sender} does with a call Telegram refused: waits as asked (429), resends HTML it
 * refused as plain text, retries what may pass later up to {@link Limits#maxAttempts()}, and drops
 * what Telegram refuses for good.
 */
final class SendFailures {
  private static final Logger LOG = LoggerFactory.getLogger(SendFailures.class);

  private final Limits limits;
  private final ChatRef chats;
  private final TelegramCounts counts;

  SendFailures(Limits limits, ChatRef chats, TelegramCounts counts) {
    this.limits = limits;
    this.chats = chats;
    this.counts = counts;
  }

  /**
   * Logs and counts a failed attempt, and says when to try again; empty when the call is done with
   * (its outcome told to its delivery) and the lane goes on.
   */
  Optional<Duration> retryAfter(long chatId, Job job, Failure failure) {
    String what = job.call.method().getMethod();
    switch (failure.kind()) {
      case NOT_MODIFIED -> {
        job.done("not modified");
        return Optional.empty();
      }
      case RATE_LIMITED -> {
        LOG.info(
            "{} to chat {}: Telegram asks to wait {} s",
            what,
            chats.of(chatId),
            failure.retryAfter().toSeconds());
        counts.retried();
        return Optional.of(failure.retryAfter());
      }
      case BAD_HTML -> {
        Optional<Outgoing> plain = job.call.asPlain();
        LOG.warn(
            "{} to chat {}: HTML refused ({}){}",
            what,
            chats.of(chatId),
            failure.description(),
            plain.isPresent() ? "; resending as plain text" : "; dropped");
        if (plain.isPresent()) {
          job.call = plain.get();
          return Optional.of(Duration.ZERO);
        }
        job.done("refused");
        return Optional.empty();
      }
      case TRANSIENT -> {
        job.failures++;
        if (!job.call.retried() || job.failures >= limits.maxAttempts()) {
          if (job.call.retried()) {
            LOG.error(
                "{} to chat {} failed {} times ({}); given up",
                what,
                chats.of(chatId),
                job.failures,
                failure.description());
          } else {
            LOG.debug(
                "{} to chat {} failed ({}); not worth retrying",
                what,
                chats.of(chatId),
                failure.description());
          }
          counts.failed();
          job.done("given up");
          return Optional.empty();
        } else {
          Duration wait = limits.retry().delay(job.failures);
          LOG.info(
              "{} to chat {} failed ({}); retry {} in {} ms",
              what,
              chats.of(chatId),
              failure.description(),
              job.failures,
              wait.toMillis());
          counts.retried();
          return Optional.of(wait);
        }
      }
      case PERMANENT -> {
        LOG.warn(
            "{} to chat {} refused ({}); dropped", what, chats.of(chatId), failure.description());
        counts.failed();
        job.done(failure.blocked() ? Sender.BLOCKED : "refused");
        return Optional.empty();
      }
    }
    throw new IllegalStateException("unhandled failure " + failure.kind());
  }
}
