package ch.optout.telegram;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Receives each batch from the library's polling thread and hands every update to its chat's lane,
 * returning at once so that polling goes on during a long burst. It never throws: an exception here
 * would stop the library's polling task for good. Flood control is applied here, before anything is
 * queued, so that a chat sending faster than it can be answered never grows its lane without bound.
 */
final class UpdateDispatcher implements LongPollingUpdateConsumer {
  private static final Logger LOG = LoggerFactory.getLogger(UpdateDispatcher.class);

  /** What the dispatcher hands updates to, on the chat's lane. */
  interface Handler {
    /** Answers the update. */
    void handle(Update update);

    /**
     * Whether the update asks something of the bot: group chatter it does not answer is not counted
     * against the group's flood limit.
     */
    boolean addressed(Update update);

    /** Tells the chat, once, that it sends faster than the bot answers. */
    void slowDown(Update update);

    /** An update flood control dropped: a tap is still answered, silently. */
    default void dropped(Update update) {}

    /** An update that is not answered at all: no chat, or dropped by flood control. */
    default void ignored(Update update) {}
  }

  /**
   * A group may send this many times one member's limit: several people talking at once are
   * answered, one member cannot use the whole group's allowance, and the group as a whole stays
   * bounded.
   */
  static final int GROUP_FACTOR = 3;

  /**
   * Inline queries come one per keystroke and cost one cheap call each: a user may send this many
   * times the message limit; the rest are not answered.
   */
  static final int INLINE_FACTOR = 4;

  private final ChatLanes lanes;
  private final Handler handler;
  private final FloodControl flood;
  private final FloodControl groups;
  private final FloodControl inline;
  private final Confirmations confirmations;
  private boolean closed;

  /** The highest update id handed to a lane; all of them are handled once the lanes are idle. */
  private int lastAccepted;

  /**
   * @param flood the limit of one chat, or of one member of a group; groups and inline queries get
   *     theirs from it
   */
  UpdateDispatcher(ChatLanes lanes, Handler handler, Limits limits, java.time.Clock clock) {
    this(lanes, handler, limits, clock, new Confirmations(clock));
  }

  /**
   * @param confirmations told of each update taken and of the end of its handling
   */
  UpdateDispatcher(
      ChatLanes lanes,
      Handler handler,
      Limits limits,
      java.time.Clock clock,
      Confirmations confirmations) {
    this.confirmations = confirmations;
    this.lanes = lanes;
    this.handler = handler;
    this.flood = new FloodControl(clock, limits.floodMessages(), limits.floodWindow());
    this.groups =
        new FloodControl(clock, limits.floodMessages() * GROUP_FACTOR, limits.floodWindow());
    this.inline =
        new FloodControl(clock, limits.floodMessages() * INLINE_FACTOR, limits.floodWindow());
  }

  @Override
  public synchronized void consume(List<Update> updates) {
    for (Update update : updates) {
      if (closed) {
        // not acknowledged to Telegram: the next start receives them again
        return;
      }
      int id = update.getUpdateId() == null ? 0 : update.getUpdateId();
      confirmations.received(id);
      try {
        Optional<Long> chat = chatOf(update);
        if (chat.isPresent()) {
          dispatch(chat.get(), id, update);
        } else {
          handler.ignored(update);
          confirmations.done(id);
        }
        lastAccepted = Math.max(lastAccepted, id);
      } catch (RejectedExecutionException e) {
        // left open, so not confirmed: the next start receives it again
        LOG.warn("update not handled: shutting down");
        return;
      } catch (RuntimeException e) {
        LOG.error("an update could not be dispatched", e);
        confirmations.done(id);
      }
    }
  }

  /** A dropped update is still acknowledged to Telegram like the others: it must not come back. */
  private void dispatch(long chatId, int id, Update update) {
    FloodControl.Verdict verdict =
        handler.addressed(update) ? verdict(chatId, update) : FloodControl.Verdict.PASS;
    switch (verdict) {
      case PASS ->
          lanes.execute(
              chatId,
              () -> confirmations.handling(id, () -> handler.handle(update)),
              isQuestion(update));
      case WARN -> {
        LOG.info(
            "a chat sends more than its flood limit: asked to slow down, its next messages are dropped for up to {} s",
            flood.window().toSeconds());
        lanes.execute(chatId, () -> confirmations.handling(id, () -> handler.slowDown(update)));
      }
      case DROP -> {
        LOG.debug("an update dropped by flood control");
        // a dropped tap still gets its answer, or its button would spin
        if (update.hasCallbackQuery()) {
          lanes.execute(chatId, () -> confirmations.handling(id, () -> handler.dropped(update)));
        } else {
          handler.ignored(update);
          confirmations.done(id);
        }
      }
    }
  }

  /**
   * An inline query counts against its user's window, silently; a group member's message against
   * the member's window, then the group's; anything else against its chat's.
   */
  private FloodControl.Verdict verdict(long chatId, Update update) {
    if (update.hasInlineQuery()) {
      return inline.check(chatId) == FloodControl.Verdict.PASS
          ? FloodControl.Verdict.PASS
          : FloodControl.Verdict.DROP;
    }
    Optional<Long> member = groupMember(update);
    if (member.isEmpty()) {
      return flood.check(chatId);
    }
    FloodControl.Verdict own = flood.check(new FloodControl.Member(chatId, member.get()));
    return own == FloodControl.Verdict.PASS ? groups.check(chatId) : own;
  }

  /**
   * A message that is not a command: it may be answered through a language model, which can take
   * seconds, so it runs apart from commands and taps.
   */
  private static boolean isQuestion(Update u) {
    org.telegram.telegrambots.meta.api.objects.message.Message m =
        u.hasMessage() ? u.getMessage() : u.hasEditedMessage() ? u.getEditedMessage() : null;
    if (m == null) {
      return false;
    }
    String text = m.getText() != null ? m.getText() : m.getCaption();
    return text != null && !text.strip().startsWith("/");
  }

  /** The sender of a message or tap in a group; empty in a private chat. */
  private static Optional<Long> groupMember(Update u) {
    org.telegram.telegrambots.meta.api.objects.message.Message m =
        u.hasMessage() ? u.getMessage() : u.hasEditedMessage() ? u.getEditedMessage() : null;
    if (m != null) {
      return (m.isGroupMessage() || m.isSuperGroupMessage()) && m.getFrom() != null
          ? Optional.of(m.getFrom().getId())
          : Optional.empty();
    }
    if (u.hasCallbackQuery()
        && u.getCallbackQuery().getFrom() != null
        && u.getCallbackQuery().getMessage() != null
        && u.getCallbackQuery().getMessage().getChatId() != null
        && u.getCallbackQuery().getMessage().getChatId() < 0) {
      return Optional.of(u.getCallbackQuery().getFrom().getId());
    }
    return Optional.empty();
  }

  /** Stops taking updates; those already taken are still handled. */
  @Override
  public synchronized void close() {
    closed = true;
  }

  /**
   * Stops taking updates and waits for those taken to be handled.
   *
   * @return the last update id handled, when all taken updates were handled in time
   */
  Optional<Integer> stop(Duration timeout) throws InterruptedException {
    int last;
    synchronized (this) {
      closed = true;
      last = lastAccepted;
    }
    boolean idle = lanes.awaitIdle(timeout);
    lanes.shutdown();
    return idle && last > 0 ? Optional.of(last) : Optional.empty();
  }

  /**
   * The chat an update belongs to; updates without one (polls, inline queries…) are not asked for.
   */
  static Optional<Long> chatOf(Update u) {
    if (u.hasMessage() && u.getMessage().getChatId() != null) {
      return Optional.of(u.getMessage().getChatId());
    }
    if (u.hasEditedMessage() && u.getEditedMessage().getChatId() != null) {
      return Optional.of(u.getEditedMessage().getChatId());
    }
    if (u.hasMyChatMember() && u.getMyChatMember().getChat() != null) {
      return Optional.of(u.getMyChatMember().getChat().getId());
    }
    if (u.hasInlineQuery() && u.getInlineQuery().getFrom() != null) {
      // an inline query belongs to no chat: its sender's lane keeps its order
      return Optional.of(u.getInlineQuery().getFrom().getId());
    }
    if (u.hasCallbackQuery()) {
      if (u.getCallbackQuery().getMessage() != null
          && u.getCallbackQuery().getMessage().getChatId() != null) {
        return Optional.of(u.getCallbackQuery().getMessage().getChatId());
      }
      return Optional.ofNullable(u.getCallbackQuery().getFrom()).map(f -> f.getId());
    }
    return Optional.empty();
  }
}
