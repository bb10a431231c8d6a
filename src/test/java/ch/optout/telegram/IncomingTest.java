package ch.optout.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.knowledge.Language;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

class IncomingTest {
  private static final Incoming.Bot BOT = new Incoming.Bot(FakeBotApi.BOT_ID, FakeBotApi.USERNAME);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Message message(ObjectNode update) {
    try {
      return JSON.treeToValue(update, Update.class).getMessage();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static Optional<Incoming> read(ObjectNode update) {
    return Incoming.read(message(update), BOT);
  }

  @Test
  void read_privateQuestion_isAnsweredWithTheAppLanguage() {
    Incoming in = read(Updates.privateText(42, "fr-CH", "LinkedIn ?")).orElseThrow();

    assertThat(in.text()).isEqualTo("LinkedIn ?");
    assertThat(in.command()).isEmpty();
    assertThat(in.clientLanguage()).contains(Language.FR);
    assertThat(in.group()).isFalse();
    assertThat(in.chatId()).isEqualTo(42);
  }

  @Test
  void read_commandWithTheBotsName_isTheCommandAndItsArgument() {
    Incoming in =
        read(Updates.groupText(-7, 42, "/LANG@" + FakeBotApi.USERNAME.toLowerCase() + "  fr "))
            .orElseThrow();

    assertThat(in.command()).contains("/lang");
    assertThat(in.argument()).isEqualTo("fr");
    assertThat(in.group()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "How do I stop LinkedIn?",
        "/help@SomeOtherBot",
        "mail me at x@" + FakeBotApi.USERNAME + "s.com",
        "@" + FakeBotApi.USERNAME + "_fan hello"
      })
  void read_groupMessageNotForTheBot_isIgnored(String text) {
    assertThat(read(Updates.groupText(-7, 42, text))).isEmpty();
  }

  @Test
  void read_groupMention_anywhereAndInAnyCase_isAnsweredWithoutIt() {
    Incoming in =
        read(Updates.groupText(
                -7, 42, "and on my phone, @" + FakeBotApi.USERNAME.toUpperCase() + "?"))
            .orElseThrow();

    assertThat(in.text()).isEqualTo("and on my phone,  ?");
  }

  @Test
  void read_groupReplyToTheBot_isAnswered() {
    ObjectNode update = Updates.groupText(-7, 42, "and on my phone?");
    ObjectNode replied = ((ObjectNode) update.get("message")).putObject("reply_to_message");
    replied
        .put("message_id", 3)
        .put("date", 1)
        .putObject("chat")
        .put("id", -7)
        .put("type", "supergroup");
    replied
        .putObject("from")
        .put("id", FakeBotApi.BOT_ID)
        .put("is_bot", true)
        .put("first_name", "OptOut");

    assertThat(read(update)).isPresent();
  }

  @Test
  void read_fromAnotherBot_isIgnored() {
    ObjectNode update = Updates.privateText(42, "en", "/start");
    ((ObjectNode) update.get("message").get("from")).put("is_bot", true);

    assertThat(read(update)).isEmpty();
  }

  @Test
  void read_photoWithoutCaption_isAnEmptyQuestion() {
    ObjectNode update = Updates.privateText(42, "en", "x");
    ((ObjectNode) update.get("message")).remove("text");

    assertThat(read(update).orElseThrow().text()).isEmpty();
  }
}
