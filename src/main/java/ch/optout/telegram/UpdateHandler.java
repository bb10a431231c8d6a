package ch.optout.telegram;

import ch.optout.answer.Answer;
import ch.optout.answer.Messages;
import ch.optout.chat.Assistant;
import ch.optout.knowledge.Language;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Turns one update into calls for the {@link Sender}: each kind of update goes to its handler,
 * registered in {@link #handlers}. It holds no answer logic of its own, and it runs for one chat at
 * a time (see {@link ChatLanes}).
 */
final class UpdateHandler implements UpdateDispatcher.Handler {
  private static final Logger LOG = LoggerFactory.getLogger(UpdateHandler.class);

  /** The kinds of update the bot handles, each by one handler. */
  enum Kind {
    MESSAGE,
    EDITED_MESSAGE,
    CALLBACK_QUERY,
    INLINE_QUERY,
    MY_CHAT_MEMBER;

    static Optional<Kind> of(Update u) {
      if (u.hasMessage()) {
        return Optional.of(MESSAGE);
      }
      if (u.hasEditedMessage()) {
        return Optional.of(EDITED_MESSAGE);
      }
      if (u.hasCallbackQuery()) {
        return Optional.of(CALLBACK_QUERY);
      }
      if (u.hasMyChatMember()) {
        return Optional.of(MY_CHAT_MEMBER);
      }
      return u.hasInlineQuery() ? Optional.of(INLINE_QUERY) : Optional.empty();
    }
  }

  private final Messages messages;
  private final Incoming.Bot bot;
  private final ChatLanguage languages;
  private final ChatOutput out;
  private final MessageHandler text;
  private final MediaHandler media;
  private final MemberHandler members;
  private final Map<Kind, Consumer<Update>> handlers = new EnumMap<>(Kind.class);

  /**
   * @param earlier which messages of the bot answered which message, shared with the {@link Sender}
   *     that learns their ids
   */
  UpdateHandler(
      Assistant assistant,
      Messages messages,
      TelegramRenderer renderer,
      Keyboards keyboards,
      Replies sender,
      Incoming.Bot bot,
      ChatRef chats,
      AdminIds admins,
      TelegramCounts counts,
      EarlierReplies earlier) {
    this.messages = messages;
    this.bot = bot;
    this.languages = new ChatLanguage(assistant);
    this.out = new ChatOutput(renderer, sender, chats, earlier);
    PhoneLayout layout = new PhoneLayout(messages, keyboards, bot, assistant.commandNames());
    this.text =
        new MessageHandler(assistant, messages, languages, layout, out, chats, admins, counts);
    this.media = new MediaHandler(messages, languages, out);
    this.members = new MemberHandler(assistant, messages, out, bot);
    CallbackHandler taps = new CallbackHandler(assistant, messages, languages, layout, out);
    InlineAnswers inline = new InlineAnswers(assistant, messages, renderer, sender);
    handlers.put(Kind.MESSAGE, u -> message(u.getMessage(), false));
    handlers.put(Kind.EDITED_MESSAGE, u -> message(u.getEditedMessage(), true));
    handlers.put(Kind.CALLBACK_QUERY, u -> taps.handle(u.getCallbackQuery()));
    handlers.put(Kind.INLINE_QUERY, u -> inline.answer(u.getInlineQuery()));
    handlers.put(Kind.MY_CHAT_MEMBER, u -> members.handle(u.getMyChatMember()));
  }

  @Override
  public void handle(Update update) {
    Kind.of(update).map(handlers::get).ifPresent(h -> h.accept(update));
  }

  /** A new or edited message: an admin command, media without words, or something to answer. */
  private void message(Message message, boolean edited) {
    if (members.addedByMessage(message)) {
      return;
    }
    Optional<Incoming> in = Incoming.read(message, bot);
    if (in.isPresent() && text.isAdminCommand(in.get(), message)) {
      text.admin(in.get());
    } else if (in.isPresent() && MediaHandler.isMedia(in.get(), message)) {
      media.handle(in.get());
    } else {
      in.ifPresent(i -> text.answer(i, edited));
    }
  }

  @Override
  public void dropped(Update update) {
    if (update.hasCallbackQuery()) {
      out.replies().answerCallback(update.getCallbackQuery().getId(), Optional.empty());
    }
  }

  /** Everything the bot would answer counts: new and edited messages, taps and inline queries. */
  @Override
  public boolean addressed(Update update) {
    Optional<Message> message = messageOf(update);
    if (message.isPresent()) {
      return Incoming.read(message.get(), bot).isPresent();
    }
    return update.hasCallbackQuery() || update.hasInlineQuery();
  }

  /**
   * In the chat's language when it chose one, else its app's; a tapped button gets it as a toast.
   */
  @Override
  public void slowDown(Update update) {
    try {
      Optional<Message> message = messageOf(update);
      if (message.isPresent()) {
        Incoming.read(message.get(), bot)
            .ifPresent(
                in -> {
                  Language l = languages.chosen(in.chatId(), in.clientLanguage());
                  out.notice(in, Answer.message(l, "", messages.get(l, "telegram.flood")));
                });
      } else if (update.hasCallbackQuery()) {
        CallbackQuery q = update.getCallbackQuery();
        Language l = languages.ofTapChat(q);
        out.replies().answerCallback(q.getId(), Optional.of(messages.get(l, "telegram.flood")));
      }
    } catch (RuntimeException e) {
      LOG.error("asking a chat to slow down failed", e);
    }
  }

  private static Optional<Message> messageOf(Update update) {
    return update.hasMessage()
        ? Optional.of(update.getMessage())
        : update.hasEditedMessage()
            ? Optional.ofNullable(update.getEditedMessage())
            : Optional.empty();
  }
}
