package ch.optout.telegram;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A store call the leader cannot go on without (saving updates, recording a handling): tried again
 * after each failure, waiting twice as long each time up to a bound, as long as this replica leads.
 */
final class StoreRetry {
  private static final Logger LOG = LoggerFactory.getLogger(StoreRetry.class);

  private StoreRetry() {}

  /**
   * @param what for the log: "save updates"
   * @param live checked after each failure: once false, the next leader takes over the work
   * @return the call's result; empty when no longer live, or interrupted while waiting
   */
  static <T> Optional<T> untilDone(
      String what, Supplier<T> call, BooleanSupplier live, Duration first, Duration longest) {
    Duration wait = first;
    while (true) {
      try {
        return Optional.of(call.get());
      } catch (RuntimeException e) {
        if (!live.getAsBoolean()) {
          LOG.warn(
              "cannot {} ({}), and no longer the leader: left to the next one",
              what,
              e.getMessage());
          return Optional.empty();
        }
        LOG.warn("cannot {} ({}); again in {} ms", what, e.getMessage(), wait.toMillis());
        try {
          Thread.sleep(wait.toMillis());
        } catch (InterruptedException stop) {
          Thread.currentThread().interrupt();
          return Optional.empty();
        }
        Duration doubled = wait.multipliedBy(2);
        wait = doubled.compareTo(longest) > 0 ? longest : doubled;
      }
    }
  }
}
