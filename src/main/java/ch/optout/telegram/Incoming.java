package ch.optout.telegram;

import ch.optout.knowledge.Language;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * A message the bot should answer, as the assistant needs it.
 *
 * @param text what to pass to the assistant: the message without the bot's @mention
 * @param command the command's name in lower case without the bot's name ("/lang"), if it is one
 * @param argument what follows the command ("fr" in "/lang fr")
 * @param clientLanguage the language of the sender's Telegram app, used when the text does not
 *     decide
 * @param group whether it comes from a group, where the bot replies to the message it answers
 */
record Incoming(
    long chatId,
    Optional<Integer> threadId,
    int messageId,
    String text,
    Optional<String> command,
    String argument,
    Optional<Language> clientLanguage,
    boolean group) {

  private static final Pattern COMMAND =
      Pattern.compile(
          "^/([A-Za-z0-9_]{1,64})(?:@([A-Za-z0-9_]{1,64}))?(?:\\s+(.*))?$", Pattern.DOTALL);

  Incoming {
    Objects.requireNonNull(threadId, "threadId");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(argument, "argument");
    Objects.requireNonNull(clientLanguage, "clientLanguage");
  }

  /** The bot as Telegram knows it: its id and @username. */
  record Bot(long id, String username) {
    Bot {
      Objects.requireNonNull(username, "username");
    }
  }

  /**
   * The message to answer, or empty when the bot should stay quiet: in groups it answers only when
   * commanded (a command without a bot's name, or with its own), mentioned by @username, or replied
   * to; it ignores channels and other bots.
   */
  static Optional<Incoming> read(Message m, Bot bot) {
    if (m == null
        || m.getChat() == null
        || Boolean.TRUE.equals(m.getChat().isChannelChat())
        || isBot(m.getFrom())) {
      return Optional.empty();
    }
    String raw = m.getText() != null ? m.getText() : m.getCaption() != null ? m.getCaption() : "";
    boolean group = m.isGroupMessage() || m.isSuperGroupMessage();
    Matcher command = COMMAND.matcher(raw.strip());
    boolean isCommand = command.matches();
    if (isCommand
        && command.group(2) != null
        && !command.group(2).equalsIgnoreCase(bot.username())) {
      return Optional.empty(); // "/start@SomeOtherBot"
    }
    Pattern mention =
        Pattern.compile(
            "(?i)(?<![A-Za-z0-9_])@" + Pattern.quote(bot.username()) + "(?![A-Za-z0-9_])");
    boolean mentioned = mention.matcher(raw).find();
    boolean repliedTo =
        m.getReplyToMessage() != null
            && m.getReplyToMessage().getFrom() != null
            && Objects.equals(m.getReplyToMessage().getFrom().getId(), bot.id());
    if (group && !isCommand && !mentioned && !repliedTo) {
      return Optional.empty();
    }
    String text = isCommand ? raw.strip() : mention.matcher(raw).replaceAll(" ").strip();
    Optional<String> name =
        isCommand ? Optional.of("/" + command.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    String argument = isCommand && command.group(3) != null ? command.group(3).strip() : "";
    Optional<Integer> thread =
        Boolean.TRUE.equals(m.getIsTopicMessage())
            ? Optional.ofNullable(m.getMessageThreadId())
            : Optional.empty();
    Optional<Language> client =
        Optional.ofNullable(m.getFrom()).map(User::getLanguageCode).flatMap(Language::fromCode);
    return Optional.of(
        new Incoming(m.getChatId(), thread, m.getMessageId(), text, name, argument, client, group));
  }

  private static boolean isBot(User user) {
    return user != null && Boolean.TRUE.equals(user.getIsBot());
  }
}
