package ch.optout.telegram;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.methods.ActionType;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/** One call the bot makes into a chat, queued by the {@link Sender} in the chat's order. */
sealed interface Outgoing {
  long chatId();

  /** Whether it counts against the per-chat message limit (a typing notice does not). */
  boolean paced();

  /** Whether a failure is worth retrying (a typing notice is stale by then). */
  default boolean retried() {
    return paced();
  }

  BotApiMethod<? extends Serializable> method();

  /** The same content as plain text, when it was HTML. */
  default Optional<Outgoing> asPlain() {
    return Optional.empty();
  }

  /** Source lists would otherwise unfold into previews of the first link. */
  LinkPreviewOptions NO_PREVIEW = LinkPreviewOptions.builder().isDisabled(true).build();

  /**
   * A new message.
   *
   * @param html whether {@code text} is Telegram HTML or plain text
   * @param replyTo the message it answers, in groups
   */
  record Text(
      long chatId,
      Optional<Integer> threadId,
      String text,
      boolean html,
      Optional<InlineKeyboardMarkup> keyboard,
      Optional<Integer> replyTo)
      implements Outgoing {
    public Text {
      Objects.requireNonNull(threadId, "threadId");
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(keyboard, "keyboard");
      Objects.requireNonNull(replyTo, "replyTo");
    }

    @Override
    public boolean paced() {
      return true;
    }

    @Override
    public BotApiMethod<? extends Serializable> method() {
      var b = SendMessage.builder().chatId(chatId).text(text).linkPreviewOptions(NO_PREVIEW);
      if (html) {
        b.parseMode(ParseMode.HTML);
      }
      threadId.ifPresent(b::messageThreadId);
      keyboard.ifPresent(b::replyMarkup);
      replyTo.ifPresent(
          id ->
              b.replyParameters(
                  ReplyParameters.builder().messageId(id).allowSendingWithoutReply(true).build()));
      return b.build();
    }

    @Override
    public Optional<Outgoing> asPlain() {
      return html
          ? Optional.of(
              new Text(chatId, threadId, TelegramHtml.toPlain(text), false, keyboard, replyTo))
          : Optional.empty();
    }
  }

  /** A message of ours rewritten in place, e.g. to show one group of steps. */
  record EditText(
      long chatId,
      int messageId,
      String text,
      boolean html,
      Optional<InlineKeyboardMarkup> keyboard)
      implements Outgoing {
    public EditText {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(keyboard, "keyboard");
    }

    @Override
    public boolean paced() {
      return true;
    }

    @Override
    public BotApiMethod<? extends Serializable> method() {
      var b =
          EditMessageText.builder()
              .chatId(chatId)
              .messageId(messageId)
              .text(text)
              .linkPreviewOptions(NO_PREVIEW);
      if (html) {
        b.parseMode(ParseMode.HTML);
      }
      keyboard.ifPresent(b::replyMarkup);
      return b.build();
    }

    @Override
    public Optional<Outgoing> asPlain() {
      return html
          ? Optional.of(
              new EditText(chatId, messageId, TelegramHtml.toPlain(text), false, keyboard))
          : Optional.empty();
    }
  }

  /** New buttons under a message of ours, e.g. without the 👍/👎 row once it is used. */
  record EditKeyboard(long chatId, int messageId, InlineKeyboardMarkup keyboard)
      implements Outgoing {
    public EditKeyboard {
      Objects.requireNonNull(keyboard, "keyboard");
    }

    @Override
    public boolean paced() {
      return true;
    }

    @Override
    public BotApiMethod<? extends Serializable> method() {
      return EditMessageReplyMarkup.builder()
          .chatId(chatId)
          .messageId(messageId)
          .replyMarkup(keyboard)
          .build();
    }
  }

  /** "typing…" in the chat's header while the answer is composed. */
  record Typing(long chatId, Optional<Integer> threadId) implements Outgoing {
    public Typing {
      Objects.requireNonNull(threadId, "threadId");
    }

    @Override
    public boolean paced() {
      return false;
    }

    @Override
    public BotApiMethod<? extends Serializable> method() {
      var b = SendChatAction.builder().chatId(chatId).action(ActionType.TYPING.toString());
      threadId.ifPresent(b::messageThreadId);
      return b.build();
    }
  }
}
