package ch.optout.telegram;

import ch.optout.answer.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * How the handlers' answers reach a chat: rendered, cut into messages, the buttons under the last
 * one and the reply marker on the first; rewritten in place where that fits.
 */
final class ChatOutput {
  private static final Logger LOG = LoggerFactory.getLogger(ChatOutput.class);

  private final TelegramRenderer renderer;
  private final Replies sender;
  private final ChatRef chats;
  private final EarlierReplies earlier;

  ChatOutput(TelegramRenderer renderer, Replies sender, ChatRef chats, EarlierReplies earlier) {
    this.renderer = renderer;
    this.sender = sender;
    this.chats = chats;
    this.earlier = earlier;
  }

  Replies replies() {
    return sender;
  }

  TelegramRenderer renderer() {
    return renderer;
  }

  /**
   * The answer to a message, remembered as its reply. For an edited message whose reply is known:
   * nothing when the answer is the same, else the earlier reply rewritten in place (when it has as
   * many messages as the new one), else the answer posted anew.
   */
  void post(
      Incoming in,
      boolean edited,
      Optional<Integer> replyTo,
      Answer answer,
      Optional<InlineKeyboardMarkup> keyboard) {
    List<String> chunks = renderer.render(answer);
    if (chunks.isEmpty()) {
      LOG.warn("an answer for chat {} rendered to nothing; not sent", chats.of(in.chatId()));
      return;
    }
    long fingerprint = EarlierReplies.fingerprint(chunks, keyboard);
    Optional<EarlierReplies.Earlier> before =
        edited ? earlier.of(in.chatId(), in.messageId()) : Optional.empty();
    if (before.isPresent() && before.get().fingerprint() == fingerprint) {
      return;
    }
    Optional<List<Integer>> ids =
        before.flatMap(EarlierReplies.Earlier::messageIds).filter(l -> l.size() == chunks.size());
    if (ids.isPresent()) {
      for (int i = 0; i < chunks.size(); i++) {
        boolean last = i == chunks.size() - 1;
        sender.enqueue(
            new Outgoing.EditText(
                in.chatId(),
                ids.get().get(i),
                chunks.get(i),
                true,
                last ? keyboard : Optional.empty()));
      }
      earlier.rewritten(in.chatId(), in.messageId(), fingerprint);
      return;
    }
    List<Outgoing> calls = texts(in.chatId(), in.threadId(), replyTo, chunks, keyboard);
    earlier.answered(in.chatId(), in.messageId(), calls, fingerprint);
    calls.forEach(sender::enqueue);
  }

  /** Edits the message in place when the new text fits in it; else sends the text anew. */
  void replace(
      long chatId,
      Optional<Message> editable,
      Answer answer,
      Optional<InlineKeyboardMarkup> keyboard) {
    replace(chatId, editable, renderer.render(answer), keyboard);
  }

  void replace(
      long chatId,
      Optional<Message> editable,
      List<String> chunks,
      Optional<InlineKeyboardMarkup> keyboard) {
    if (editable.isPresent() && chunks.size() == 1) {
      sender.enqueue(
          new Outgoing.EditText(
              chatId, editable.get().getMessageId(), chunks.get(0), true, keyboard));
    } else {
      send(chatId, Optional.empty(), Optional.empty(), chunks, keyboard);
    }
  }

  /** The answer's messages, in order, as a new message in the chat. */
  void send(long chatId, Answer answer, Optional<InlineKeyboardMarkup> keyboard) {
    send(chatId, Optional.empty(), Optional.empty(), answer, keyboard);
  }

  /**
   * The answer's messages, in order; the buttons go under the last one, the reply marker on the
   * first.
   */
  void send(
      long chatId,
      Optional<Integer> threadId,
      Optional<Integer> replyTo,
      Answer answer,
      Optional<InlineKeyboardMarkup> keyboard) {
    send(chatId, threadId, replyTo, renderer.render(answer), keyboard);
  }

  private void send(
      long chatId,
      Optional<Integer> threadId,
      Optional<Integer> replyTo,
      List<String> chunks,
      Optional<InlineKeyboardMarkup> keyboard) {
    if (chunks.isEmpty()) {
      LOG.warn("an answer for chat {} rendered to nothing; not sent", chats.of(chatId));
      return;
    }
    texts(chatId, threadId, replyTo, chunks, keyboard).forEach(sender::enqueue);
  }

  /** A line from the bundles as a reply to what {@code in} said: quoted in a group. */
  void notice(Incoming in, Answer notice) {
    send(in.chatId(), in.threadId(), replyTo(in), notice, Optional.empty());
  }

  /** In a group, a reply quotes the message it answers: several people talk there. */
  static Optional<Integer> replyTo(Incoming in) {
    return in.group() ? Optional.of(in.messageId()) : Optional.empty();
  }

  private static List<Outgoing> texts(
      long chatId,
      Optional<Integer> threadId,
      Optional<Integer> replyTo,
      List<String> chunks,
      Optional<InlineKeyboardMarkup> keyboard) {
    List<Outgoing> calls = new ArrayList<>(chunks.size());
    for (int i = 0; i < chunks.size(); i++) {
      boolean last = i == chunks.size() - 1;
      calls.add(
          new Outgoing.Text(
              chatId,
              threadId,
              chunks.get(i),
              true,
              last ? keyboard : Optional.empty(),
              i == 0 ? replyTo : Optional.empty()));
    }
    return calls;
  }
}
