package ch.optout.telegram;

import ch.optout.answer.Answer;
import ch.optout.answer.Messages;
import ch.optout.chat.Assistant;
import ch.optout.knowledge.Language;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * The bot's own membership changing: added to a group, a greeting that says how to ask it there;
 * blocked in a private chat, nothing may be written to it later, so its reminders and watches go.
 */
final class MemberHandler {
  private final Assistant assistant;
  private final Messages messages;
  private final ChatOutput out;
  private final Incoming.Bot bot;

  MemberHandler(Assistant assistant, Messages messages, ChatOutput out, Incoming.Bot bot) {
    this.assistant = assistant;
    this.messages = messages;
    this.out = out;
    this.bot = bot;
  }

  /**
   * The service message of members added to a group, the bot among them. Telegram also sends
   * my_chat_member for the same event: that one greets.
   */
  boolean addedByMessage(Message m) {
    return m.getNewChatMembers() != null
        && m.getNewChatMembers().stream().anyMatch(u -> u.getId() != null && u.getId() == bot.id());
  }

  void handle(ChatMemberUpdated u) {
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
    if (joined) {
      greet(u.getChat().getId(), Optional.ofNullable(u.getFrom()).map(f -> f.getLanguageCode()));
    }
  }

  private void greet(long chatId, Optional<String> languageCode) {
    Language l = ChatLanguage.ofApp(languageCode);
    out.send(
        chatId,
        Answer.message(l, "", messages.get(l, "telegram.group.hello", bot.username())),
        Optional.empty());
  }
}
