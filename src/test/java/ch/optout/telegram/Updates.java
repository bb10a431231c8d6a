package ch.optout.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Bot API update bodies, as Telegram sends them, for the fake server to hand out. */
public final class Updates {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long DATE = 1_767_000_000L;

  private Updates() {}

  /** A text message from a person in a private chat whose id is also theirs. */
  public static ObjectNode privateText(long chatId, String languageCode, String text) {
    return text(chatId, "private", chatId, languageCode, text, 0);
  }

  static ObjectNode groupText(long chatId, long fromId, String text) {
    return text(chatId, "supergroup", fromId, "en", text, 0);
  }

  static ObjectNode text(
      long chatId, String chatType, long fromId, String languageCode, String text, int messageId) {
    ObjectNode message = JSON.createObjectNode();
    message.put("message_id", messageId == 0 ? Math.abs(text.hashCode() % 100_000) + 1 : messageId);
    message.put("date", DATE);
    message.set("chat", chat(chatId, chatType));
    message.set("from", user(fromId, languageCode));
    message.put("text", text);
    if (text.startsWith("/")) {
      int end = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
      message
          .putArray("entities")
          .addObject()
          .put("type", "bot_command")
          .put("offset", 0)
          .put("length", end);
    }
    ObjectNode update = JSON.createObjectNode();
    update.set("message", message);
    return update;
  }

  /** A tap on a button under one of the bot's messages. */
  static ObjectNode callback(
      String id,
      long chatId,
      long fromId,
      String languageCode,
      int messageId,
      String data,
      JsonNode replyMarkup) {
    ObjectNode message = JSON.createObjectNode();
    message.put("message_id", messageId);
    message.put("date", DATE);
    message.set("chat", chat(chatId, "private"));
    ObjectNode bot = message.putObject("from");
    bot.put("id", FakeBotApi.BOT_ID)
        .put("is_bot", true)
        .put("first_name", "OptOut")
        .put("username", FakeBotApi.USERNAME);
    message.put("text", "…");
    if (replyMarkup != null) {
      message.set("reply_markup", replyMarkup);
    }
    ObjectNode query = JSON.createObjectNode();
    query.put("id", id);
    query.set("from", user(fromId, languageCode));
    query.set("message", message);
    query.put("chat_instance", "instance-" + chatId);
    query.put("data", data);
    ObjectNode update = JSON.createObjectNode();
    update.set("callback_query", query);
    return update;
  }

  /** The same message, edited: Telegram sends it as "edited_message". */
  static ObjectNode edited(ObjectNode update, String newText) {
    ObjectNode message = ((ObjectNode) update.get("message")).deepCopy();
    message.put("text", newText);
    message.put("edit_date", DATE + 60);
    ObjectNode edited = JSON.createObjectNode();
    edited.set("edited_message", message);
    return edited;
  }

  /** A voice note without any text, in a private chat. */
  static ObjectNode privateVoice(long chatId, String languageCode) {
    ObjectNode message = JSON.createObjectNode();
    message.put("message_id", 777);
    message.put("date", DATE);
    message.set("chat", chat(chatId, "private"));
    message.set("from", user(chatId, languageCode));
    message
        .putObject("voice")
        .put("file_id", "voice-1")
        .put("file_unique_id", "u-voice-1")
        .put("duration", 3);
    ObjectNode update = JSON.createObjectNode();
    update.set("message", message);
    return update;
  }

  /** "@bot linkedin" typed in any chat. */
  static ObjectNode inlineQuery(String id, long fromId, String languageCode, String query) {
    ObjectNode q = JSON.createObjectNode();
    q.put("id", id);
    q.set("from", user(fromId, languageCode));
    q.put("query", query);
    q.put("offset", "");
    ObjectNode update = JSON.createObjectNode();
    update.set("inline_query", q);
    return update;
  }

  /** The bot added to a group by one of its members. */
  static ObjectNode addedToGroup(long groupId, long byId, String languageCode) {
    ObjectNode change = JSON.createObjectNode();
    change.set("chat", chat(groupId, "supergroup"));
    change.set("from", user(byId, languageCode));
    change.put("date", DATE);
    ObjectNode bot = JSON.createObjectNode();
    bot.put("id", FakeBotApi.BOT_ID).put("is_bot", true).put("first_name", "OptOut");
    change.putObject("old_chat_member").put("status", "left").set("user", bot);
    change.putObject("new_chat_member").put("status", "member").set("user", bot);
    ObjectNode update = JSON.createObjectNode();
    update.set("my_chat_member", change);
    return update;
  }

  /** The user blocked the bot in their private chat: Telegram says so with my_chat_member. */
  static ObjectNode blocked(long chatId) {
    ObjectNode change = JSON.createObjectNode();
    change.set("chat", chat(chatId, "private"));
    change.set("from", user(chatId, "en"));
    change.put("date", DATE);
    ObjectNode bot = JSON.createObjectNode();
    bot.put("id", FakeBotApi.BOT_ID).put("is_bot", true).put("first_name", "OptOut");
    change.putObject("old_chat_member").put("status", "member").set("user", bot);
    change
        .putObject("new_chat_member")
        .put("status", "kicked")
        .put("until_date", 0)
        .set("user", bot);
    ObjectNode update = JSON.createObjectNode();
    update.set("my_chat_member", change);
    return update;
  }

  private static ObjectNode chat(long id, String type) {
    ObjectNode chat = JSON.createObjectNode();
    chat.put("id", id);
    chat.put("type", type);
    if (!type.equals("private")) {
      chat.put("title", "Privacy club");
    } else {
      chat.put("first_name", "Alex");
    }
    return chat;
  }

  private static ObjectNode user(long id, String languageCode) {
    ObjectNode user = JSON.createObjectNode();
    user.put("id", id);
    user.put("is_bot", false);
    user.put("first_name", "Alex");
    if (languageCode != null) {
      user.put("language_code", languageCode);
    }
    return user;
  }
}
