package ch.optout.telegram;

import ch.optout.store.Relay;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** How a replica that took the leader lock starts: what its predecessor left first. */
final class LeaderTakeover {
  private static final Logger LOG = LoggerFactory.getLogger(LeaderTakeover.class);

  private LeaderTakeover() {}

  /**
   * The leader's start: no webhook may stand in the way of getUpdates; then what the predecessor
   * left — replies first, as they answer earlier updates — then polling.
   */
  static void run(
      TelegramBot.Shared s,
      TelegramClient client,
      Limits limits,
      TelegramUrl url,
      BotParts parts,
      Incoming.Bot me) {
    try {
      ApiCalls.call(client, DeleteWebhook.builder().build(), limits.callTimeout());
    } catch (TelegramApiException e) {
      throw TelegramStartException.cannotPoll(url, e);
    }
    // follow-ups (negative ids) wait behind answers: the FollowUpSender resumes them
    List<Relay.Pending> unsent =
        s.relay().unsent().stream().filter(p -> p.updateId() >= 0).toList();
    List<Relay.Received> unhandled = s.relay().unhandled();
    if (!unsent.isEmpty() || !unhandled.isEmpty()) {
      LOG.info(
          "taking over: {} replies to send and {} updates to handle, left by the previous leader",
          unsent.size(),
          unhandled.size());
    }
    unsent.forEach(parts.durable.orElseThrow()::resume);
    OutgoingJson json = new OutgoingJson();
    List<Update> updates = new ArrayList<>();
    for (Relay.Received r : unhandled) {
      try {
        updates.add(json.readUpdate(r.payload()));
      } catch (IllegalArgumentException e) {
        LOG.error(
            "update {} in the inbox cannot be read ({}); dropped", r.updateId(), e.getMessage());
        s.relay().handled(r.updateId(), List.of());
      }
    }
    parts.dispatcher.consume(updates);
    parts.pollExecutor.execute(parts.leaderPoller.orElseThrow());
    LOG.info(
        "Telegram bot @{} is polling {} as the leader ({})",
        me.username(),
        ApiUrl.describe(url),
        s.replica());
  }
}
