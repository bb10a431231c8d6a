package ch.optout.telegram;

import ch.optout.answer.Answer;
import ch.optout.answer.Messages;
import ch.optout.answer.StepGroup;
import ch.optout.chat.Assistant;
import ch.optout.chat.Choice;
import ch.optout.chat.Reply;
import ch.optout.knowledge.Language;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/** A tap on a button: carried out, then always answered so that its spinner stops. */
final class CallbackHandler {
  private static final Logger LOG = LoggerFactory.getLogger(CallbackHandler.class);

  private final Assistant assistant;
  private final Messages messages;
  private final ChatLanguage languages;
  private final PhoneLayout layout;
  private final ChatOutput out;

  CallbackHandler(
      Assistant assistant,
      Messages messages,
      ChatLanguage languages,
      PhoneLayout layout,
      ChatOutput out) {
    this.assistant = assistant;
    this.messages = messages;
    this.languages = languages;
    this.layout = layout;
    this.out = out;
  }

  void handle(CallbackQuery q) {
    Optional<Language> app = ChatLanguage.app(q);
    Optional<Language> userLanguage = languages.ofTap(q);
    Optional<String> toast = Optional.empty();
    try {
      Optional<Action> action = Action.decode(q.getData());
      MaybeInaccessibleMessage message = q.getMessage();
      if (action.isEmpty() || message == null || message.getChatId() == null) {
        toast = Optional.of(expired(userLanguage.orElse(Language.fallback())));
      } else {
        toast = run(action.get(), new Tap(message, app));
      }
    } catch (RuntimeException e) {
      LOG.error("a button tap failed", e);
      toast = Optional.of(messages.get(userLanguage.orElse(Language.fallback()), "telegram.error"));
    } finally {
      out.replies().answerCallback(q.getId(), toast);
    }
  }

  /** The message whose button was tapped, and the tapper's app's language. */
  private record Tap(MaybeInaccessibleMessage message, Optional<Language> tapper) {
    long chatId() {
      return message.getChatId();
    }

    boolean group() {
      return ChatLanguage.inGroup(message);
    }

    /** The message as it stands, when Telegram still lets it be edited. */
    Optional<Message> editable() {
      return message instanceof Message m ? Optional.of(m) : Optional.empty();
    }

    Optional<InlineKeyboardMarkup> keyboard() {
      return editable().map(Message::getReplyMarkup);
    }
  }

  /**
   * @return the toast to show, if any
   */
  private Optional<String> run(Action action, Tap tap) {
    if (action instanceof Action.ShowGuide g) {
      return showGuide(g, tap);
    }
    if (action instanceof Action.ShowSteps s) {
      return showSteps(s, tap);
    }
    if (action instanceof Action.More m) {
      return more(m, tap);
    }
    if (action instanceof Action.Feedback f) {
      return feedback(f, tap);
    }
    if (action instanceof Action.ListPlatforms p) {
      PhoneLayout.Shown list = layout.platforms(p.language(), assistant.platforms(p.language()));
      out.send(tap.chatId(), list.answer(), list.keyboard());
      return Optional.empty();
    }
    if (action instanceof Action.Choose c) {
      return choose(c, tap);
    }
    if (action instanceof Action.Toggle t) {
      if (tap.keyboard().isEmpty()) {
        return Optional.of(expired(t.language()));
      }
      editKeyboard(tap, KeyboardEdits.toggled(tap.keyboard().get(), t.index()));
      return Optional.empty();
    }
    if (action instanceof Action.StartPicked k) {
      List<Integer> picked = tap.keyboard().map(KeyboardEdits::ticked).orElse(List.of());
      if (picked.isEmpty()) {
        return Optional.of(messages.get(k.language(), "telegram.checklist.pickFirst"));
      }
      deliver(tap.chatId(), choose(tap, new Choice.PickSome(picked), k.language()));
      return Optional.empty();
    }
    if (action instanceof Action.SetLanguage s) {
      Answer done =
          assistant
              .choose(
                  ChatRef.assistantKey(tap.chatId()),
                  new Choice.SetLanguage(s.language()),
                  Optional.empty())
              .answer();
      out.replace(tap.chatId(), tap.editable(), done, Optional.empty());
      return Optional.empty();
    }
    throw new IllegalStateException("unhandled action " + action);
  }

  private Optional<String> showGuide(Action.ShowGuide g, Tap tap) {
    String key = ChatRef.assistantKey(tap.chatId());
    Optional<Answer> guide = assistant.openGuide(key, g.platformId(), g.language());
    guide.ifPresent(a -> deliver(tap.chatId(), assistant.withOffers(key, a)));
    return guide.isPresent() ? Optional.empty() : Optional.of(expired(g.language()));
  }

  private Optional<String> feedback(Action.Feedback f, Tap tap) {
    if (assistant.guide(f.platformId(), f.language()).isEmpty() || tap.keyboard().isEmpty()) {
      // forged or outdated: only guides the knowledge has are counted, so /stats shows no
      // made-up names
      return Optional.of(expired(f.language()));
    }
    if (!KeyboardEdits.has(tap.keyboard().get(), f.encode())) {
      // the message, as Telegram keeps it, no longer has this button: the vote was counted
      // (the buttons go once used), or the data was made up
      return Optional.of(messages.get(f.language(), "telegram.feedback.already"));
    }
    assistant.feedback(f.platformId(), f.helpful());
    tap.keyboard().flatMap(KeyboardEdits::withoutFeedback).ifPresent(k -> editKeyboard(tap, k));
    return Optional.of(messages.get(f.language(), "telegram.feedback.thanks"));
  }

  private Optional<String> choose(Action.Choose c, Tap tap) {
    Optional<String> refused =
        assistant.refusedChoice(ChatRef.assistantKey(tap.chatId()), c.choice(), c.language());
    if (refused.isPresent()) {
      // a button of an older message: said, never acted on
      return refused;
    }
    tap.editable()
        .filter(m -> KeyboardEdits.marksChecklistItem(c))
        .flatMap(m -> KeyboardEdits.withoutChecklistMarks(m.getReplyMarkup()))
        .ifPresent(k -> editKeyboard(tap, k));
    deliver(tap.chatId(), choose(tap, c.choice(), c.language()));
    return Optional.empty();
  }

  private void editKeyboard(Tap tap, InlineKeyboardMarkup k) {
    out.replies()
        .enqueue(new Outgoing.EditKeyboard(tap.chatId(), tap.editable().get().getMessageId(), k));
  }

  /**
   * A choice, made by whoever tapped it: in a group, in the tapper's language, and a private flow
   * is not run there.
   */
  private Reply choose(Tap tap, Choice choice, Language buttons) {
    String key = ChatRef.assistantKey(tap.chatId());
    return tap.group()
        ? assistant.chooseInGroup(key, choice, tap.tapper().or(() -> Optional.of(buttons)))
        : assistant.choose(key, choice, Optional.of(buttons));
  }

  /** A reply to a tap, as a new message: laid out for a phone when it is a short answer. */
  private void deliver(long chatId, Reply reply) {
    if (reply.privateStart().isPresent()) {
      out.send(chatId, reply.answer(), layout.privateFlow(reply));
      return;
    }
    PhoneLayout.Shown shown = layout.forTap(reply, LayoutFacts.of(assistant, reply.answer()));
    out.send(chatId, shown.answer(), shown.keyboard());
  }

  /**
   * Rewrites a short answer in place: the steps of another device, or ({@code group} −1) the whole
   * guide, "More".
   */
  private Optional<String> showSteps(Action.ShowSteps s, Tap tap) {
    Optional<Answer> guide = assistant.guide(s.platformId(), s.language());
    if (guide.isEmpty() || s.group() >= guide.get().steps().size()) {
      return Optional.of(expired(s.language()));
    }
    LayoutFacts facts = facts(s.language(), guide.get().steps());
    if (s.group() < 0) {
      Answer whole = guide.get();
      out.replace(
          tap.chatId(),
          tap.editable(),
          whole,
          Optional.of(layout.phoneKeyboard(whole, s.platformId(), facts, -1, false)));
      return Optional.empty();
    }
    Answer shown = assistant.shortGuide(s.platformId(), s.language(), s.group()).orElseThrow();
    out.replace(
        tap.chatId(),
        tap.editable(),
        shown,
        Optional.of(layout.phoneKeyboard(shown, s.platformId(), facts, s.group(), true)));
    return Optional.empty();
  }

  /**
   * The short answer in place, completed: the same action and steps, then what the setting does not
   * cover, good to know and every source.
   */
  private Optional<String> more(Action.More m, Tap tap) {
    Optional<Answer> guide = assistant.guide(m.platformId(), m.language());
    Optional<Answer> brief = assistant.shortGuide(m.platformId(), m.language(), m.focus());
    if (guide.isEmpty() || brief.isEmpty()) {
      return Optional.of(expired(m.language()));
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
    out.replace(
        tap.chatId(),
        tap.editable(),
        out.renderer().renderWhole(whole),
        Optional.of(
            layout.phoneKeyboard(
                whole, m.platformId(), facts(m.language(), groups), focus, false)));
    return Optional.empty();
  }

  /** What laying out a guide's steps again needs: its groups of steps, the platforms' names. */
  private LayoutFacts facts(Language language, List<StepGroup> guideSteps) {
    return new LayoutFacts(assistant.platforms(language), List.of(), guideSteps);
  }

  private String expired(Language l) {
    return messages.get(l, "telegram.button.expired");
  }
}
