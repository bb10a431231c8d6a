package ch.optout.telegram;

import ch.optout.answer.Answer;
import ch.optout.answer.AnswerKind;
import ch.optout.answer.Messages;
import ch.optout.answer.StepGroup;
import ch.optout.chat.Assistant;
import ch.optout.chat.Reply;
import ch.optout.knowledge.Language;
import java.util.ArrayList;
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

  /** Commands about what OptOut keeps: in a group, they concern the group. */
  private static final Set<String> GROUP_DATA =
      Set.of("/mydata", "/mesdonnees", "/forget", "/oublier");

  private static final Set<String> WELCOME = Set.of("/start", "/help");

  /**
   * Admin commands; to anyone else they are unknown commands, answered as such by the assistant.
   */
  private static final String STATS = "/stats";

  private final Assistant assistant;
  private final Messages messages;
  private final TelegramRenderer renderer;
  private final Keyboards keyboards;
  private final Replies sender;
  private final Incoming.Bot bot;
  private final ChatRef chats;
  private final AdminIds admins;
  private final InlineAnswers inline;
  private final TelegramCounts counts;
  private final EarlierReplies earlier;

  UpdateHandler(
      Assistant assistant,
      Messages messages,
      TelegramRenderer renderer,
      Keyboards keyboards,
      Replies sender,
      Incoming.Bot bot,
      ChatRef chats) {
    this(
        assistant,
        messages,
        renderer,
        keyboards,
        sender,
        bot,
        chats,
        AdminIds.NONE,
        new TelegramCounts());
  }

  UpdateHandler(
      Assistant assistant,
      Messages messages,
      TelegramRenderer renderer,
      Keyboards keyboards,
      Replies sender,
      Incoming.Bot bot,
      ChatRef chats,
      AdminIds admins,
      TelegramCounts counts) {
    this(
        assistant,
        messages,
        renderer,
        keyboards,
        sender,
        bot,
        chats,
        admins,
        counts,
        new EarlierReplies());
  }

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
    this.earlier = earlier;
    this.counts = counts;
    this.admins = admins;
    this.assistant = assistant;
    this.messages = messages;
    this.renderer = renderer;
    this.keyboards = keyboards;
    this.sender = sender;
    this.bot = bot;
    this.chats = chats;
    this.inline = new InlineAnswers(assistant, messages, renderer, sender);
  }

  @Override
  public void handle(Update update) {
    // an edited question is answered again: see post for what reaches the chat
    Message message =
        update.hasMessage()
            ? update.getMessage()
            : update.hasEditedMessage() ? update.getEditedMessage() : null;
    if (message != null && addedByMessage(message)) {
      // Telegram also sends my_chat_member for the same event: that one greets (see added)
      return;
    }
    if (message != null) {
      Optional<Incoming> in = Incoming.read(message, bot);
      if (in.isPresent() && isAdminCommand(in.get(), message)) {
        admin(in.get());
      } else if (in.isPresent() && in.get().text().isBlank() && hasMedia(message)) {
        media(in.get());
      } else {
        boolean edited = !update.hasMessage();
        in.ifPresent(i -> answer(i, edited));
      }
    } else if (update.hasCallbackQuery()) {
      tapped(update.getCallbackQuery());
    } else if (update.hasMyChatMember()) {
      added(update.getMyChatMember());
    } else if (update.hasInlineQuery()) {
      inline.answer(update.getInlineQuery());
    }
  }

  @Override
  public void dropped(Update update) {
    if (update.hasCallbackQuery()) {
      sender.answerCallback(update.getCallbackQuery().getId(), Optional.empty());
    }
  }

  /** A voice note, a sticker, a photo or a file without a caption. */
  private static boolean hasMedia(Message m) {
    return m.hasVoice()
        || m.hasSticker()
        || m.hasPhoto()
        || m.hasDocument()
        || m.hasVideo()
        || m.hasAudio()
        || m.hasAnimation()
        || m.hasVideoNote();
  }

  /** What OptOut can read, in the chat's language. */
  private void media(Incoming in) {
    Language l =
        in.group()
            ? in.clientLanguage().orElseGet(() -> chatLanguage(in.chatId(), Optional.empty()))
            : chatLanguage(in.chatId(), in.clientLanguage());
    Optional<Integer> replyTo = in.group() ? Optional.of(in.messageId()) : Optional.empty();
    send(
        in.chatId(),
        in.threadId(),
        replyTo,
        Answer.message(l, "", messages.get(l, "telegram.media")),
        Optional.empty());
  }

  /** The service message of members added to a group, the bot among them. */
  private boolean addedByMessage(Message m) {
    return m.getNewChatMembers() != null
        && m.getNewChatMembers().stream().anyMatch(u -> u.getId() != null && u.getId() == bot.id());
  }

  private void greet(long chatId, Optional<String> languageCode) {
    Language l = languageCode.flatMap(Language::fromCode).orElse(Language.EN);
    send(
        chatId,
        Optional.empty(),
        Optional.empty(),
        Answer.message(l, "", messages.get(l, "telegram.group.hello", bot.username())),
        Optional.empty());
  }

  /**
   * The bot added to a group: a greeting that says how to ask it there. The bot blocked in a
   * private chat: nothing may be written to it later, so its reminders and watches go.
   */
  private void added(org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated u) {
    if (u.getChat() != null
        && u.getChat().isUserChat()
        && u.getNewChatMember() != null
        && "kicked".equals(u.getNewChatMember().getStatus())) {
      assistant.followUps().unreachable(ChatRef.assistantKey(u.getChat().getId()));
      return;
    }
    if (u.getChat() == null
        || !(u.getChat().isGroupChat() || u.getChat().isSuperGroupChat())
        || u.getNewChatMember() == null
        || u.getOldChatMember() == null) {
      return;
    }
    String now = u.getNewChatMember().getStatus();
    String before = u.getOldChatMember().getStatus();
    boolean joined =
        (now.equals("member") || now.equals("administrator"))
            && (before.equals("left") || before.equals("kicked"));
    if (!joined) {
      return;
    }
    greet(u.getChat().getId(), Optional.ofNullable(u.getFrom()).map(f -> f.getLanguageCode()));
  }

  /** The chat's language: chosen with /lang, else the one it speaks, else its app's. */
  private Language chatLanguage(long chatId, Optional<Language> client) {
    return assistant
        .chatLanguage(ChatRef.assistantKey(chatId))
        .or(() -> client)
        .orElse(Language.EN);
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

  /** Everything the bot would answer counts: new and edited messages, taps and inline queries. */
  @Override
  public boolean addressed(Update update) {
    if (update.hasMessage()) {
      return Incoming.read(update.getMessage(), bot).isPresent();
    }
    if (update.hasEditedMessage()) {
      return Incoming.read(update.getEditedMessage(), bot).isPresent();
    }
    return update.hasCallbackQuery() || update.hasInlineQuery();
  }

  /**
   * In the chat's language when it chose one, else its app's; a tapped button gets it as a toast.
   */
  @Override
  public void slowDown(Update update) {
    try {
      Message message =
          update.hasMessage()
              ? update.getMessage()
              : update.hasEditedMessage() ? update.getEditedMessage() : null;
      if (message != null) {
        Incoming.read(message, bot)
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
        Optional<Language> app =
            Optional.ofNullable(q.getFrom())
                .map(u -> u.getLanguageCode())
                .flatMap(Language::fromCode);
        Language l =
            q.getMessage() != null && q.getMessage().getChatId() != null
                ? chatLanguage(q.getMessage().getChatId(), app)
                : app.orElse(Language.EN);
        sender.answerCallback(q.getId(), Optional.of(messages.get(l, "telegram.flood")));
      }
    } catch (RuntimeException e) {
      LOG.error("asking a chat to slow down failed", e);
    }
  }

  /**
   * @param edited whether the message was edited: its earlier reply is then edited in place, or
   *     left alone when the answer is the same
   */
  private void answer(Incoming in, boolean edited) {
    String key = ChatRef.assistantKey(in.chatId());
    Optional<Integer> replyTo = in.group() ? Optional.of(in.messageId()) : Optional.empty();
    try {
      if (!edited) {
        // an edit may change nothing: no "typing…" for an answer that may never come
        sender.enqueue(new Outgoing.Typing(in.chatId(), in.threadId()));
      }
      Reply reply =
          in.group()
              ? assistant.replyInGroup(key, in.text(), in.clientLanguage())
              : assistant.reply(key, in.text(), in.clientLanguage(), Optional.empty());
      Answer answer = reply.answer();
      counts.answered(answer.kind() == AnswerKind.DECLINE);
      if (reply.privateStart().isPresent()) {
        // a letter or the checklist asked in a group: one line, and the link that starts it in
        // private
        post(in, edited, replyTo, answer, privateFlow(reply));
        return;
      }
      if (in.group() && in.command().filter(GROUP_DATA::contains).isPresent()) {
        // in a group, what OptOut keeps is the group's, not each member's
        answer =
            answer.toBuilder()
                .lead(
                    messages.get(answer.language(), "telegram.group.data") + "\n\n" + answer.lead())
                .build();
      }
      if (in.group() && isShort(answer)) {
        // a group gets the gist; the steps and the rest are one tap away, in private
        String platformId = answer.platformId().orElseThrow();
        Answer gist = answer.toBuilder().steps(List.of()).caveats(List.of()).build();
        post(
            in,
            edited,
            replyTo,
            gist,
            Optional.of(
                keyboards.continueInPrivate(answer.language(), bot.username(), platformId)));
        return;
      }
      Shown shown = layout(answer, reply.choices(), a -> keyboardFor(in, a));
      post(in, edited, replyTo, shown.answer(), shown.keyboard());
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

  /**
   * The answer to a message, remembered as its reply. For an edited message whose reply is known:
   * nothing when the answer is the same, else the earlier reply rewritten in place (when it has as
   * many messages as the new one), else the answer posted anew.
   */
  private void post(
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

  /** The platforms most people ask about first, offered under the welcome. */
  private static final List<String> QUICK = List.of("linkedin", "meta");

  private List<java.util.Map.Entry<String, String>> quickPlatforms(Language language) {
    List<java.util.Map.Entry<String, String>> all = assistant.platforms(language);
    return QUICK.stream()
        .flatMap(id -> all.stream().filter(e -> e.getKey().equals(id)).limit(1))
        .map(e -> java.util.Map.entry(e.getKey(), shortName(e.getValue())))
        .toList();
  }

  /** "Meta (Facebook, Instagram, Threads)" fits a button as "Meta". */
  private static String shortName(String name) {
    int paren = name.indexOf(" (");
    return paren > 0 ? name.substring(0, paren) : name;
  }

  /**
   * The checklist's pick list on a phone: the platforms are the buttons, so the text says what to
   * do with them instead of listing every platform's action.
   */
  private Answer pickList(Answer list) {
    Language l = list.language();
    return list.toBuilder()
        .lead(messages.get(l, "telegram.checklist.pick", assistant.checklistPlatforms(l).size()))
        .steps(List.of())
        .sources(List.of())
        .notes(list.notes().stream().skip(1).toList())
        .build();
  }

  /** A reply to a tap, as a new message: laid out for a phone when it is a short answer. */
  private void deliver(long chatId, Reply reply) {
    if (reply.privateStart().isPresent()) {
      send(chatId, Optional.empty(), Optional.empty(), reply.answer(), privateFlow(reply));
      return;
    }
    Shown shown =
        layout(
            reply.answer(),
            reply.choices(),
            a -> a.kind() == AnswerKind.GUIDE ? guideKeyboard(a) : Optional.empty());
    send(chatId, Optional.empty(), Optional.empty(), shown.answer(), shown.keyboard());
  }

  /** The button that opens a private chat with the bot and starts there what the reply names. */
  private Optional<InlineKeyboardMarkup> privateFlow(Reply reply) {
    return reply
        .privateStart()
        .filter(p -> !bot.username().isBlank())
        .map(p -> keyboards.privateFlow(reply.answer().language(), bot.username(), p));
  }

  /** An answer as a channel shows it, and the buttons under it. */
  private record Shown(Answer answer, Optional<InlineKeyboardMarkup> keyboard) {}

  /**
   * How an answer is laid out in a chat: the pick list as its toggles, a short answer as one phone
   * screen with its buttons, anything else with {@code otherwise}'s keyboard; the quick choices
   * above.
   */
  private Shown layout(
      Answer answer,
      List<Reply.Choice> choices,
      java.util.function.Function<Answer, Optional<InlineKeyboardMarkup>> otherwise) {
    Answer a = answer.kind() == AnswerKind.CHECKLIST ? pickList(answer) : answer;
    if (isShort(a)) {
      Phone phone = phone(a);
      return new Shown(
          phone.answer(),
          keyboards.withChoices(a.language(), choices, Optional.of(phone.keyboard())));
    }
    return new Shown(a, keyboards.withChoices(a.language(), choices, otherwise.apply(a)));
  }

  /** A short answer about one platform, whose buttons give the rest. */
  private static boolean isShort(Answer a) {
    return a.kind() == AnswerKind.GUIDE
        && a.more()
        && a.platformId().filter(p -> Action.ID.matcher(p).matches()).isPresent();
  }

  /** A short answer laid out for a phone, and its buttons. */
  private record Phone(Answer answer, InlineKeyboardMarkup keyboard) {}

  /**
   * One phone screen: the answer with the steps of one device (the first the answer gives), and
   * buttons for the other devices, the rest of the guide, the setting's page and sharing.
   */
  private Phone phone(Answer a) {
    String platformId = a.platformId().orElseThrow();
    List<StepGroup> groups =
        assistant.guide(platformId, a.language()).map(Answer::steps).orElse(List.of());
    Answer shown = a;
    int focus = -1;
    if (!a.steps().isEmpty()) {
      shown = a.toBuilder().steps(List.of(a.steps().get(0))).build();
      focus = groups.indexOf(a.steps().get(0));
    }
    return new Phone(shown, phoneKeyboard(a, platformId, groups, focus, true));
  }

  private InlineKeyboardMarkup phoneKeyboard(
      Answer a, String platformId, List<StepGroup> groups, int focus, boolean offerMore) {
    return keyboards.phone(
        a.language(),
        platformId,
        groups,
        focus,
        offerMore,
        a.link(),
        shareLink(platformId, a.language()));
  }

  /** t.me's share page with the deep link that opens this guide in the bot. */
  private Optional<String> shareLink(String platformId, Language language) {
    if (bot.username().isBlank()) {
      return Optional.empty();
    }
    String deepLink = "https://t.me/" + bot.username() + "?start=" + platformId;
    String name =
        assistant.platforms(language).stream()
            .filter(e -> e.getKey().equals(platformId))
            .map(java.util.Map.Entry::getValue)
            .findFirst()
            .orElse(platformId);
    return Optional.of(
        "https://t.me/share/url?url="
            + java.net.URLEncoder.encode(deepLink, java.nio.charset.StandardCharsets.UTF_8)
            + "&text="
            + java.net.URLEncoder.encode(
                messages.get(language, "telegram.share.text", name),
                java.nio.charset.StandardCharsets.UTF_8));
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
    if (command.equals("/start")) {
      return Optional.of(keyboards.welcome(l, quickPlatforms(l)));
    }
    if (WELCOME.contains(command) || (a.kind() == AnswerKind.DECLINE && command.isEmpty())) {
      return Optional.of(keyboards.platformList(l));
    }
    if (a.kind() == AnswerKind.CHECKLIST) {
      // toggles that pick, on this one message, then a button that starts
      return Optional.of(keyboards.checklistPick(l, assistant.checklistPlatforms(l)));
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
    Optional<Language> app =
        Optional.ofNullable(q.getFrom()).map(u -> u.getLanguageCode()).flatMap(Language::fromCode);
    // toasts speak the chat's language, not necessarily the tapper's app's; in a group, where
    // each member has theirs, the tapper's
    Optional<Language> userLanguage =
        q.getMessage() != null && q.getMessage().getChatId() != null && !inGroup(q.getMessage())
            ? Optional.of(chatLanguage(q.getMessage().getChatId(), app))
            : app.or(
                () ->
                    Optional.ofNullable(q.getMessage())
                        .map(MaybeInaccessibleMessage::getChatId)
                        .map(id -> chatLanguage(id, Optional.empty())));
    Optional<String> toast = Optional.empty();
    try {
      Optional<Action> action = Action.decode(q.getData());
      MaybeInaccessibleMessage message = q.getMessage();
      if (action.isEmpty() || message == null || message.getChatId() == null) {
        Language l = userLanguage.orElse(Language.EN);
        toast = Optional.of(messages.get(l, "telegram.button.expired"));
      } else {
        toast = run(action.get(), message, app);
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
  private Optional<String> run(
      Action action, MaybeInaccessibleMessage message, Optional<Language> tapper) {
    long chatId = message.getChatId();
    boolean group = inGroup(message);
    Optional<Message> editable = message instanceof Message m ? Optional.of(m) : Optional.empty();
    if (action instanceof Action.ShowGuide g) {
      Optional<Answer> guide =
          assistant.openGuide(ChatRef.assistantKey(chatId), g.platformId(), g.language());
      guide.ifPresent(a -> deliver(chatId, assistant.withOffers(ChatRef.assistantKey(chatId), a)));
      return guide.isPresent()
          ? Optional.empty()
          : Optional.of(messages.get(g.language(), "telegram.button.expired"));
    }
    if (action instanceof Action.ShowSteps s) {
      return showSteps(s, chatId, editable);
    }
    if (action instanceof Action.More m) {
      return more(m, chatId, editable);
    }
    if (action instanceof Action.Feedback f) {
      if (assistant.guide(f.platformId(), f.language()).isEmpty()
          || editable.map(Message::getReplyMarkup).isEmpty()) {
        // forged or outdated: only guides the knowledge has are counted, so /stats shows no
        // made-up names
        return Optional.of(messages.get(f.language(), "telegram.button.expired"));
      }
      if (!Keyboards.has(editable.get().getReplyMarkup(), f.encode())) {
        // the message, as Telegram keeps it, no longer has this button: the vote was counted
        // (the buttons go once used), or the data was made up
        return Optional.of(messages.get(f.language(), "telegram.feedback.already"));
      }
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
      Optional<String> refused =
          assistant.refusedChoice(ChatRef.assistantKey(chatId), c.command(), c.language());
      if (refused.isPresent()) {
        // a button of an older message: said, never acted on
        return refused;
      }
      editable
          .filter(m -> Keyboards.marksChecklistItem(c))
          .flatMap(m -> Keyboards.withoutChecklistMarks(m.getReplyMarkup()))
          .ifPresent(
              k ->
                  sender.enqueue(
                      new Outgoing.EditKeyboard(chatId, editable.get().getMessageId(), k)));
      deliver(chatId, choose(chatId, c.command(), c.language(), group, tapper));
      return Optional.empty();
    }
    if (action instanceof Action.Toggle t) {
      if (editable.isEmpty() || editable.get().getReplyMarkup() == null) {
        return Optional.of(messages.get(t.language(), "telegram.button.expired"));
      }
      sender.enqueue(
          new Outgoing.EditKeyboard(
              chatId,
              editable.get().getMessageId(),
              Keyboards.toggled(editable.get().getReplyMarkup(), t.index())));
      return Optional.empty();
    }
    if (action instanceof Action.StartPicked k) {
      List<Integer> picked =
          editable.map(Message::getReplyMarkup).map(Keyboards::ticked).orElse(List.of());
      if (picked.isEmpty()) {
        return Optional.of(messages.get(k.language(), "telegram.checklist.pickFirst"));
      }
      String numbers = String.join(" ", picked.stream().map(String::valueOf).toList());
      deliver(chatId, choose(chatId, "/checklist " + numbers, k.language(), group, tapper));
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

  /**
   * A quick choice, as if typed by whoever tapped it: in a group, in the tapper's language, and a
   * private flow is not run there.
   */
  private Reply choose(
      long chatId, String command, Language buttons, boolean group, Optional<Language> tapper) {
    String key = ChatRef.assistantKey(chatId);
    return group
        ? assistant.replyInGroup(key, command, tapper.or(() -> Optional.of(buttons)))
        : assistant.reply(key, command, Optional.of(buttons), Optional.empty());
  }

  private static boolean inGroup(MaybeInaccessibleMessage m) {
    return m.getChat() != null && (m.getChat().isGroupChat() || m.getChat().isSuperGroupChat());
  }

  /**
   * Rewrites a short answer in place: the steps of another device, or ({@code group} −1) the whole
   * guide, "More".
   */
  private Optional<String> showSteps(Action.ShowSteps s, long chatId, Optional<Message> editable) {
    Optional<Answer> guide = assistant.guide(s.platformId(), s.language());
    if (guide.isEmpty() || s.group() >= guide.get().steps().size()) {
      return Optional.of(messages.get(s.language(), "telegram.button.expired"));
    }
    List<StepGroup> groups = guide.get().steps();
    if (s.group() < 0) {
      Answer whole = guide.get();
      replace(
          chatId,
          editable,
          whole,
          Optional.of(phoneKeyboard(whole, s.platformId(), groups, -1, false)));
      return Optional.empty();
    }
    Answer shown = assistant.shortGuide(s.platformId(), s.language(), s.group()).orElseThrow();
    replace(
        chatId,
        editable,
        shown,
        Optional.of(phoneKeyboard(shown, s.platformId(), groups, s.group(), true)));
    return Optional.empty();
  }

  /**
   * The short answer in place, completed: the same action and steps, then what the setting does not
   * cover, good to know and every source.
   */
  private Optional<String> more(Action.More m, long chatId, Optional<Message> editable) {
    Optional<Answer> guide = assistant.guide(m.platformId(), m.language());
    Optional<Answer> brief = assistant.shortGuide(m.platformId(), m.language(), m.focus());
    if (guide.isEmpty() || brief.isEmpty()) {
      return Optional.of(messages.get(m.language(), "telegram.button.expired"));
    }
    List<StepGroup> groups = guide.get().steps();
    Answer shown = brief.get();
    if (m.focus() < 0 && shown.steps().size() > 1) {
      shown = shown.toBuilder().steps(List.of(shown.steps().get(0))).build();
    }
    Answer whole =
        shown.toBuilder()
            .caveats(guide.get().caveats())
            .notes(guide.get().notes())
            .sources(guide.get().sources())
            .build();
    int focus = shown.steps().isEmpty() ? -1 : groups.indexOf(shown.steps().get(0));
    replace(
        chatId,
        editable,
        renderer.renderWhole(whole),
        Optional.of(phoneKeyboard(whole, m.platformId(), groups, focus, false)));
    return Optional.empty();
  }

  /** Edits the message in place when the new text fits in it; else sends the text anew. */
  private void replace(
      long chatId,
      Optional<Message> editable,
      Answer answer,
      Optional<InlineKeyboardMarkup> keyboard) {
    replace(chatId, editable, renderer.render(answer), keyboard);
  }

  private void replace(
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

  /**
   * The messages of an answer, in order: the buttons under the last, the reply marker on the first.
   */
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
