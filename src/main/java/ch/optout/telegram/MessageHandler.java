package ch.optout.telegram;

import ch.optout.answer.Answer;
import ch.optout.answer.AnswerKind;
import ch.optout.answer.Messages;
import ch.optout.chat.Assistant;
import ch.optout.chat.Reply;
import ch.optout.knowledge.Language;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * A new or edited message that speaks to the bot: the assistant's reply, laid out for a phone; an
 * edited question is answered again (see {@link ChatOutput#post} for what reaches the chat).
 */
final class MessageHandler {
  private static final Logger LOG = LoggerFactory.getLogger(MessageHandler.class);

  /** Commands about what OptOut keeps, by their own names: in a group, they concern the group. */
  private static final Set<String> GROUP_DATA = Set.of("/mydata", "/forget");

  /**
   * Admin commands; to anyone else they are unknown commands, answered as such by the assistant.
   */
  private static final String STATS = "/stats";

  private final Assistant assistant;
  private final Messages messages;
  private final ChatLanguage languages;
  private final PhoneLayout layout;
  private final ChatOutput out;
  private final ChatRef chats;
  private final AdminIds admins;
  private final TelegramCounts counts;

  MessageHandler(
      Assistant assistant,
      Messages messages,
      ChatLanguage languages,
      PhoneLayout layout,
      ChatOutput out,
      ChatRef chats,
      AdminIds admins,
      TelegramCounts counts) {
    this.assistant = assistant;
    this.messages = messages;
    this.languages = languages;
    this.layout = layout;
    this.out = out;
    this.chats = chats;
    this.admins = admins;
    this.counts = counts;
  }

  /** Only in a private chat, so that figures are never shown to a group, and only from an admin. */
  boolean isAdminCommand(Incoming in, Message m) {
    return in.command().filter(STATS::equals).isPresent()
        && !in.group()
        && m.getFrom() != null
        && admins.contains(m.getFrom().getId());
  }

  void admin(Incoming in) {
    Language l = languages.chosen(in.chatId(), in.clientLanguage());
    try {
      LOG.info("admin command {} in chat {}", STATS, chats.of(in.chatId()));
      out.send(in.chatId(), in.threadId(), Optional.empty(), assistant.stats(l), Optional.empty());
    } catch (RuntimeException e) {
      LOG.error("the admin command {} failed", STATS, e);
      out.send(
          in.chatId(),
          in.threadId(),
          Optional.empty(),
          Answer.message(l, "", messages.get(l, "telegram.error")),
          Optional.empty());
    }
  }

  /**
   * @param edited whether the message was edited: its earlier reply is then edited in place, or
   *     left alone when the answer is the same
   */
  void answer(Incoming in, boolean edited) {
    String key = ChatRef.assistantKey(in.chatId());
    Optional<Integer> replyTo = ChatOutput.replyTo(in);
    try {
      if (!edited) {
        // an edit may change nothing: no "typing…" for an answer that may never come
        out.replies().enqueue(new Outgoing.Typing(in.chatId(), in.threadId()));
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
        out.post(in, edited, replyTo, answer, layout.privateFlow(reply));
        return;
      }
      if (in.group()
          && in.command()
              .map(assistant.commandNames()::command)
              .filter(GROUP_DATA::contains)
              .isPresent()) {
        // in a group, what OptOut keeps is the group's, not each member's
        answer =
            answer.toBuilder()
                .lead(
                    messages.get(answer.language(), "telegram.group.data") + "\n\n" + answer.lead())
                .build();
      }
      PhoneLayout.Shown shown =
          in.group() && PhoneLayout.isShort(answer)
              ? layout.gist(answer)
              : layout.forMessage(in, reply.withAnswer(answer), LayoutFacts.of(assistant, answer));
      out.post(in, edited, replyTo, shown.answer(), shown.keyboard());
    } catch (RuntimeException e) {
      LOG.error("answering a message in chat {} failed", chats.of(in.chatId()), e);
      // the language the message came in: the chat's may be what failed
      Language language = in.clientLanguage().orElse(Language.fallback());
      out.notice(in, Answer.message(language, "", messages.get(language, "telegram.error")));
    }
  }
}
