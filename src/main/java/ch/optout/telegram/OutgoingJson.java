package ch.optout.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * The outbox's and inbox's text forms: a reply as JSON another replica can send, an update as the
 * Bot API's own JSON. Only the calls that go into a chat in its order are kept (a typing notice or
 * a button's toast is worthless after a crash).
 */
final class OutgoingJson {
  private final ObjectMapper json =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** Whether the call goes through the outbox. */
  static boolean kept(Outgoing call) {
    return call instanceof Outgoing.Text
        || call instanceof Outgoing.EditText
        || call instanceof Outgoing.EditKeyboard;
  }

  String write(Outgoing call) {
    ObjectNode o = json.createObjectNode();
    o.put("chat", call.chatId());
    if (call instanceof Outgoing.Text t) {
      o.put("kind", "text");
      t.threadId().ifPresent(id -> o.put("thread", id));
      o.put("text", t.text());
      o.put("html", t.html());
      t.keyboard().ifPresent(k -> o.set("keyboard", json.valueToTree(k)));
      t.replyTo().ifPresent(id -> o.put("replyTo", id));
    } else if (call instanceof Outgoing.EditText e) {
      o.put("kind", "edit");
      o.put("message", e.messageId());
      o.put("text", e.text());
      o.put("html", e.html());
      e.keyboard().ifPresent(k -> o.set("keyboard", json.valueToTree(k)));
    } else if (call instanceof Outgoing.EditKeyboard k) {
      o.put("kind", "keyboard");
      o.put("message", k.messageId());
      o.set("keyboard", json.valueToTree(k.keyboard()));
    } else {
      throw new IllegalArgumentException(
          "not kept in the outbox: " + call.getClass().getSimpleName());
    }
    return o.toString();
  }

  Outgoing read(String text) {
    try {
      JsonNode o = json.readTree(text);
      long chat = o.path("chat").asLong();
      return switch (o.path("kind").asText()) {
        case "text" ->
            new Outgoing.Text(
                chat,
                optionalInt(o, "thread"),
                o.path("text").asText(),
                o.path("html").asBoolean(),
                keyboard(o),
                optionalInt(o, "replyTo"));
        case "edit" ->
            new Outgoing.EditText(
                chat,
                o.path("message").asInt(),
                o.path("text").asText(),
                o.path("html").asBoolean(),
                keyboard(o));
        case "keyboard" ->
            new Outgoing.EditKeyboard(
                chat,
                o.path("message").asInt(),
                keyboard(o).orElseThrow(() -> new IllegalArgumentException("no keyboard")));
        default -> throw new IllegalArgumentException("unknown kind " + o.path("kind"));
      };
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a reply of the outbox: " + e.getOriginalMessage(), e);
    }
  }

  String write(Update update) {
    try {
      return json.writeValueAsString(update);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("an update that cannot be written as JSON", e);
    }
  }

  Update readUpdate(String text) {
    try {
      return json.readValue(text, Update.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not an update: " + e.getOriginalMessage(), e);
    }
  }

  private Optional<InlineKeyboardMarkup> keyboard(JsonNode o) throws JsonProcessingException {
    JsonNode k = o.get("keyboard");
    return k == null || k.isNull()
        ? Optional.empty()
        : Optional.of(json.treeToValue(k, InlineKeyboardMarkup.class));
  }

  private static Optional<Integer> optionalInt(JsonNode o, String field) {
    JsonNode n = o.get(field);
    return n == null || n.isNull() ? Optional.empty() : Optional.of(n.asInt());
  }
}
