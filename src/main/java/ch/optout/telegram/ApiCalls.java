package ch.optout.telegram;

import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * One Bot API call with an upper bound on the wait. The library's own {@code execute} waits without
 * limit, and a connection cut while the answer's body is read leaves its future forever incomplete.
 */
final class ApiCalls {
  private ApiCalls() {}

  static <T extends Serializable> T call(
      TelegramClient client, BotApiMethod<T> method, Duration timeout) throws TelegramApiException {
    CompletableFuture<T> future = client.executeAsync(method);
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TelegramApiException t) {
        throw t;
      }
      throw new TelegramApiException(
          "Unable to execute " + method.getMethod() + " method", e.getCause());
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new TelegramApiException(
          method.getMethod() + " got no answer within " + timeout.toMillis() + " ms", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TelegramApiException(method.getMethod() + " interrupted", e);
    }
  }
}
