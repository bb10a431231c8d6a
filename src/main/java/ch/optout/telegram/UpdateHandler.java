package ch.optout.telegram;

import ch.optout.answer.Answer;
import ch.optout.answer.AnswerKind;
import ch.optout.answer.Messages;
import ch.optout.answer.StepGroup;
import ch.optout.chat.Assistant;
import ch.optout.chat.Reply;
import ch.optout.knowledge.Language;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * Turns one update into calls for the {@link Sender}: messages go to the {@link Assistant} and come
 * back rendered with their buttons; taps on buttons are carried out and always answered. It holds
 * no answer logic of its own, and it runs for one chat at a time (see {@link ChatLanes}).
 */
final class UpdateHandler implements UpdateDispatcher.Handler {
  private static final Logger LOG = LoggerFactory.getLogger(UpdateHandler.class);

  /** Commands whose answer gets buttons; the French aliases are those the assistant knows. */
  private static final Set<String> PLATFORMS = Set.of("/platforms", "/plateformes");

  private static final Set<String> LANG = Set.of("/lang", "/langue", "/language");
  private static final Set<String> WELCOME = Set.of("/start", "/help");

  /**
   * Admin commands; to anyone else they are unknown commands, answered as such by the assistant.
   */
  private static final String STATS = "/stats";

  private final Assistant assistant;
  private final Messages messages;
  private final TelegramRenderer renderer;
  private final Keyboards keyboards;
  private final Sender sender;
  private final Incoming.Bot bot;
  private final ChatRef chats;
  private final AdminIds admins;

  UpdateHandler(
      Assistant assistant,
      Messages messages,
      TelegramRenderer renderer,
      Keyboards keyboards,
      Sender sender,
      Incoming.Bot bot,
      ChatRef chats) {
    this(assistant, messages, renderer, keyboards, sender, bot, chats, AdminIds.NONE);
  }

  UpdateHandler(
      Assistant assistant,
      Messages messages,
      TelegramRenderer renderer,
      Keyboards keyboards,
      Sender sender,
      Incoming.Bot bot,
      ChatRef chats,
      AdminIds admins) {
    this.admins = admins;
    this.assistant = assistant;
    this.messages = messages;
    this.renderer = renderer;
    this.keyboards = keyboards;
    this.sender = sender;
    this.bot = bot;
    this.chats = chats;
  }

  @Override
  public void handle(Update update) {
    if (update.hasMessage()) {
      Optional<Incoming> in = Incoming.read(update.getMessage(), bot);
      if (in.isPresent() && isAdminCommand(in.get(), update.getMessage())) {
        admin(in.get());
      } else {
        in.ifPresent(this::answer);
      }
    } else if (update.hasCallbackQuery()) {
      tapped(update.getCallbackQuery());
    }
  }

  /** Only in a private chat, so that figures are never shown to a group, and only from an admin. */
  private boolean isAdminCommand(Incoming in, Message m) {
    return in.command().filter(STATS::equals).isPresent()
        && !in.group()
        && m.getFrom() != null
        && admins.contains(m.getFrom().getId());
  }

  private void admin(Incoming in) {
    Language l =
        assistant
            .chosenLanguage(ChatRef.assistantKey(in.chatId()))
            .or(in::clientLanguage)
            .orElse(Language.EN);
    try {
      LOG.info("admin command {} in chat {}", STATS, chats.of(in.chatId()));
      send(in.chatId(), in.threadId(), Optional.empty(), assistant.stats(l), Optional.empty());
    } catch (RuntimeException e) {
      LOG.error("the admin command {} failed", STATS, e);
      send(
          in.chatId(),
          in.threadId(),
          Optional.empty(),
          Answer.message(l, "", messages.get(l, "telegram.error")),
          Optional.empty());
    }
  }

  @Override
  public boolean addressed(Update update) {
    return update.hasMessage()
        ? Incoming.read(update.getMessage(), bot).isPresent()
        : update.hasCallbackQuery();
  }

  /**
   * In the chat's language when it chose one, else its app's; a tapped button gets it as a toast.
   */
  @Override
  public void slowDown(Update update) {
    try {
      if (update.hasMessage()) {
        Incoming.read(update.getMessage(), bot)
            .ifPresent(
                in -> {
                  Language l =
                      assistant
                          .chosenLanguage(ChatRef.assistantKey(in.chatId()))
                          .or(in::clientLanguage)
                          .orElse(Language.EN);
                  Optional<Integer> replyTo =
                      in.group() ? Optional.of(in.messageId()) : Optional.empty();
                  send(
                      in.chatId(),
                      in.threadId(),
                      replyTo,
                      Answer.message(l, "", messages.get(l, "telegram.flood")),
                      Optional.empty());
                });
      } else if (update.hasCallbackQuery()) {
        CallbackQuery q = update.getCallbackQuery();
        Language l =
            Optional.ofNullable(q.getFrom())
                .map(u -> u.getLanguageCode())
                .flatMap(Language::fromCode)
                .orElse(Language.EN);
        sender.answerCallback(q.getId(), Optional.of(messages.get(l, "telegram.flood")));
      }
    } catch (RuntimeException e) {
      LOG.error("asking a chat to slow down failed", e);
    }
  }

  private void answer(Incoming in) {
    String key = ChatRef.assistantKey(in.chatId());
    Optional<Integer> replyTo = in.group() ? Optional.of(in.messageId()) : Optional.empty();
    try {
      sender.enqueue(new Outgoing.Typing(in.chatId(), in.threadId()));
      Reply reply = assistant.reply(key, in.text(), in.clientLanguage(), Optional.empty());
      Answer answer = reply.answer();
      send(
          in.chatId(),
          in.threadId(),
          replyTo,
          answer,
          keyboards.withChoices(answer.language(), reply.choices(), keyboardFor(in, answer)));
    } catch (RuntimeException e) {
      LOG.error("answering a message in chat {} failed", chats.of(in.chatId()), e);
      Language language = in.clientLanguage().orElse(Language.EN);
      send(
          in.chatId(),
          in.threadId(),
          replyTo,
          Answer.message(language, "", messages.get(language, "telegram.error")),
          Optional.empty());
    }
  }

  private Optional<InlineKeyboardMarkup> keyboardFor(Incoming in, Answer a) {
    Language l = a.language();
    String command = in.command().orElse("");
    if (PLATFORMS.contains(command)) {
      return Optional.of(keyboards.platforms(l, assistant.platforms(l)));
    }
    if (LANG.contains(command) && in.argument().isBlank()) {
      return Optional.of(keyboards.languages(l));
    }
    if (WELCOME.contains(command) || (a.kind() == AnswerKind.DECLINE && command.isEmpty())) {
      return Optional.of(keyboards.platformList(l));
    }
    if (a.kind() == AnswerKind.CHECKLIST) {
      return Optional.of(keyboards.platforms(l, assistant.platforms(l)));
    }
    return a.kind() == AnswerKind.GUIDE ? guideKeyboard(a) : Optional.empty();
  }

  private Optional<InlineKeyboardMarkup> guideKeyboard(Answer a) {
    Optional<String> id = a.platformId().filter(p -> Action.ID.matcher(p).matches());
    if (id.isEmpty()) {
      return Optional.empty();
    }
    List<StepGroup> groups =
        assistant
            .guide(id.get(), a.language())
            .filter(guide -> Keyboards.isWholeGuide(a, guide))
            .map(Answer::steps)
            .orElse(List.of());
    return Optional.of(keyboards.guide(a.language(), id.get(), groups, -1));
  }

  /** A tap on a button: carried out, then always answered so that its spinner stops. */
  private void tapped(CallbackQuery q) {
    Optional<Language> userLanguage =
        Optional.ofNullable(q.getFrom()).map(u -> u.getLanguageCode()).flatMap(Language::fromCode);
    Optional<String> toast = Optional.empty();
    try {
      Optional<Action> action = Action.decode(q.getData());
      MaybeInaccessibleMessage message = q.getMessage();
      if (action.isEmpty() || message == null || message.getChatId() == null) {
        Language l = userLanguage.orElse(Language.EN);
        toast = Optional.of(messages.get(l, "telegram.button.expired"));
      } else {
        toast = run(action.get(), message);
      }
    } catch (RuntimeException e) {
      LOG.error("a button tap failed", e);
      toast = Optional.of(messages.get(userLanguage.orElse(Language.EN), "telegram.error"));
    } finally {
      sender.answerCallback(q.getId(), toast);
    }
  }

  /**
   * @return the toast to show, if any
   */
  private Optional<String> run(Action action, MaybeInaccessibleMessage message) {
    long chatId = message.getChatId();
    Optional<Message> editable = message instanceof Message m ? Optional.of(m) : Optional.empty();
    if (action instanceof Action.ShowGuide g) {
      Optional<Answer> guide =
          assistant.openGuide(ChatRef.assistantKey(chatId), g.platformId(), g.language());
      guide.ifPresent(a -> send(chatId, Optional.empty(), Optional.empty(), a, guideKeyboard(a)));
      return guide.isPresent()
          ? Optional.empty()
          : Optional.of(messages.get(g.language(), "telegram.button.expired"));
    }
    if (action instanceof Action.ShowSteps s) {
      return showSteps(s, chatId, editable);
    }
    if (action instanceof Action.Feedback f) {
      assistant.feedback(f.platformId(), f.helpful());
      editable
          .map(Message::getReplyMarkup)
          .flatMap(Keyboards::withoutFeedback)
          .ifPresent(
              k ->
                  sender.enqueue(
                      new Outgoing.EditKeyboard(chatId, editable.get().getMessageId(), k)));
      return Optional.of(messages.get(f.language(), "telegram.feedback.thanks"));
    }
    if (action instanceof Action.ListPlatforms p) {
      Language l = p.language();
      Answer list =
          Answer.message(
              l, messages.get(l, "platforms.title"), messages.get(l, "telegram.platforms.pick"));
      send(
          chatId,
          Optional.empty(),
          Optional.empty(),
          list,
          Optional.of(keyboards.platforms(l, assistant.platforms(l))));
      return Optional.empty();
    }
    if (action instanceof Action.Command c) {
      Reply reply =
          assistant.reply(
              ChatRef.assistantKey(chatId),
              c.command(),
              Optional.of(c.language()),
              Optional.empty());
      Answer answer = reply.answer();
      Optional<InlineKeyboardMarkup> below =
          answer.kind() == AnswerKind.GUIDE ? guideKeyboard(answer) : Optional.empty();
      send(
          chatId,
          Optional.empty(),
          Optional.empty(),
          answer,
          keyboards.withChoices(answer.language(), reply.choices(), below));
      return Optional.empty();
    }
    if (action instanceof Action.SetLanguage s) {
      Answer done =
          assistant.reply(ChatRef.assistantKey(chatId), "/lang " + s.language().code()).answer();
      replace(chatId, editable, done, Optional.empty());
      return Optional.empty();
    }
    throw new IllegalStateException("unhandled action " + action);
  }

  /** Rewrites the guide in place to show one group of steps (or all of them again). */
  private Optional<String> showSteps(Action.ShowSteps s, long chatId, Optional<Message> editable) {
    Optional<Answer> guide = assistant.guide(s.platformId(), s.language());
    if (guide.isEmpty() || s.group() >= guide.get().steps().size()) {
      return Optional.of(messages.get(s.language(), "telegram.button.expired"));
    }
    Answer g = guide.get();
    Answer shown =
        s.group() < 0
            ? g
            : new Answer(
                g.language(),
                g.answered(),
                g.kind(),
                g.platformId(),
                g.title(),
                g.lead(),
                List.of(g.steps().get(s.group())),
                g.caveats(),
                g.notes(),
                g.sources(),
                g.verified(),
                g.composer());
    replace(
        chatId,
        editable,
        shown,
        Optional.of(keyboards.guide(s.language(), s.platformId(), g.steps(), s.group())));
    return Optional.empty();
  }

  /** Edits the message in place when the new text fits in it; else sends the text anew. */
  private void replace(
      long chatId,
      Optional<Message> editable,
      Answer answer,
      Optional<InlineKeyboardMarkup> keyboard) {
    List<String> chunks = renderer.render(answer);
    if (editable.isPresent() && chunks.size() == 1) {
      sender.enqueue(
          new Outgoing.EditText(
              chatId, editable.get().getMessageId(), chunks.get(0), true, keyboard));
    } else {
      send(chatId, Optional.empty(), Optional.empty(), answer, keyboard);
    }
  }

  /**
   * The answer's messages, in order; the buttons go under the last one, the reply marker on the
   * first.
   */
  private void send(
      long chatId,
      Optional<Integer> threadId,
      Optional<Integer> replyTo,
      Answer answer,
      Optional<InlineKeyboardMarkup> keyboard) {
    List<String> chunks = renderer.render(answer);
    if (chunks.isEmpty()) {
      LOG.warn("an answer for chat {} rendered to nothing; not sent", chats.of(chatId));
      return;
    }
    for (int i = 0; i < chunks.size(); i++) {
      boolean last = i == chunks.size() - 1;
      sender.enqueue(
          new Outgoing.Text(
              chatId,
              threadId,
              chunks.get(i),
              true,
              last ? keyboard : Optional.empty(),
              i == 0 ? replyTo : Optional.empty()));
    }
  }
}
