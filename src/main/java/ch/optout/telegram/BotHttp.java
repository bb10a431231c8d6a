package ch.optout.telegram;

import ch.optout.answer.Messages;
import ch.optout.store.Threads;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/** The bot's two HTTP clients: one for sends (our timeouts and retries), one for long polling. */
final class BotHttp {
  final QuietShutdown quiet = new QuietShutdown();
  final PollWatch watch;
  final OkHttpClient send;
  final OkHttpClient poll;

  BotHttp(Limits limits, Optional<String> replica, Clock clock, Messages messages) {
    this.watch = new PollWatch(clock, limits.conflictLimit(), messages);
    Dispatcher dispatcher =
        new Dispatcher(Executors.newCachedThreadPool(Threads.named("optout-tg-http")));
    dispatcher.setMaxRequests(64);
    dispatcher.setMaxRequestsPerHost(64);
    this.send =
        new OkHttpClient.Builder()
            .dispatcher(dispatcher)
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(limits.requestTimeout())
            .writeTimeout(limits.requestTimeout())
            .callTimeout(limits.requestTimeout())
            // OkHttp retries at once on a pooled connection the server had closed; our policy
            // does the rest
            .retryOnConnectionFailure(true)
            .addInterceptor(
                chain ->
                    chain.proceed(
                        replica
                            .map(
                                r ->
                                    chain
                                        .request()
                                        .newBuilder()
                                        .header("User-Agent", "OptOut (replica " + r + ")")
                                        .build())
                            .orElse(chain.request())))
            .build();
    this.poll =
        send.newBuilder()
            .dispatcher(
                new Dispatcher(Executors.newCachedThreadPool(Threads.named("optout-tg-http-poll"))))
            .readTimeout(
                Duration.ofSeconds(limits.pollTimeoutSeconds()).plus(Duration.ofSeconds(25)))
            .callTimeout(Duration.ZERO)
            .addInterceptor(quiet)
            .addInterceptor(watch)
            .build();
  }

  void close() {
    for (OkHttpClient c : List.of(send, poll)) {
      c.dispatcher().executorService().shutdownNow();
      c.connectionPool().evictAll();
    }
  }
}
