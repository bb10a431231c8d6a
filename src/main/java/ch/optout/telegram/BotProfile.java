package ch.optout.telegram;

import ch.optout.answer.Messages;
import ch.optout.knowledge.Language;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.description.SetMyDescription;
import org.telegram.telegrambots.meta.api.methods.description.SetMyShortDescription;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllGroupChats;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeDefault;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Who the bot is and how it presents itself: its username, its command menus and descriptions, in
 * every language of {@link Language#values()}; the first is Telegram's default for other apps.
 */
final class BotProfile {
  private static final Logger LOG = LoggerFactory.getLogger(BotProfile.class);

  /** The smaller menu of groups: what makes sense in front of others. */
  static final List<String> GROUP_COMMANDS =
      List.of("help", "platforms", "lang", "mydata", "forget");

  /** The commands shown in Telegram's menu, in this order; descriptions from the bundles. */
  static final List<String> COMMANDS =
      List.of(
          "start",
          "help",
          "platforms",
          "lang",
          "about",
          "checklist",
          "letter",
          "region",
          "watch",
          "mydata",
          "forget");

  private final TelegramClient client;
  private final Messages messages;
  private final Limits limits;

  BotProfile(TelegramClient client, Messages messages, Limits limits) {
    this.client = client;
    this.messages = messages;
    this.limits = limits;
  }

  /** The menus and descriptions; the bot works without them, so failures are only logged. */
  void register() {
    registerCommands();
    registerDescriptions();
  }

  /**
   * What a new user sees before the first message (the description, in the empty chat) and on the
   * bot's profile (the short description).
   */
  private void registerDescriptions() {
    for (Language language : Language.values()) {
      var description =
          SetMyDescription.builder().description(messages.get(language, "telegram.description"));
      var shortDescription =
          SetMyShortDescription.builder()
              .shortDescription(messages.get(language, "telegram.shortDescription"));
      if (!isDefault(language)) {
        description.languageCode(language.code());
        shortDescription.languageCode(language.code());
      }
      try {
        ApiCalls.call(client, description.build(), limits.callTimeout());
        ApiCalls.call(client, shortDescription.build(), limits.callTimeout());
      } catch (TelegramApiException e) {
        // the bot works without them: say so and go on
        LOG.warn("setMyDescription ({}) failed: {}", language.code(), Failure.of(e).description());
      }
    }
  }

  /** The command menus of private chats and of groups. */
  private void registerCommands() {
    for (Language language : Language.values()) {
      var b =
          SetMyCommands.builder()
              .commands(menu(COMMANDS, language))
              .scope(new BotCommandScopeDefault());
      var g =
          SetMyCommands.builder()
              .commands(menu(GROUP_COMMANDS, language))
              .scope(BotCommandScopeAllGroupChats.builder().build());
      if (!isDefault(language)) {
        b.languageCode(language.code());
        g.languageCode(language.code());
      }
      try {
        ApiCalls.call(client, b.build(), limits.callTimeout());
        ApiCalls.call(client, g.build(), limits.callTimeout());
      } catch (TelegramApiException e) {
        // the bot works without its menu: say so and go on
        LOG.warn("setMyCommands ({}) failed: {}", language.code(), Failure.of(e).description());
      }
    }
  }

  private List<BotCommand> menu(List<String> commands, Language language) {
    return commands.stream()
        .map(c -> new BotCommand(c, messages.get(language, "telegram.command." + c)))
        .toList();
  }

  /** The language registered without a code: what apps in any other language see. */
  private static boolean isDefault(Language language) {
    return language.equals(Language.fallback());
  }

  /** The bot's id and username, which also checks the token. */
  static Incoming.Bot whoAmI(TelegramClient client, TelegramUrl url, Limits limits) {
    try {
      User me = ApiCalls.call(client, new GetMe(), limits.callTimeout());
      if (me == null || me.getUserName() == null || me.getUserName().isBlank()) {
        throw new TelegramStartException(
            "the Telegram Bot API at " + ApiUrl.describe(url) + " did not say the bot's username",
            null);
      }
      return new Incoming.Bot(me.getId(), me.getUserName());
    } catch (TelegramApiException e) {
      if (e instanceof TelegramApiRequestException r
          && r.getErrorCode() != null
          && (r.getErrorCode() == 401 || r.getErrorCode() == 404)) {
        throw new TelegramStartException(
            "the Telegram Bot API at "
                + ApiUrl.describe(url)
                + " refused the token ("
                + Failure.of(e).description().strip()
                + "): check TELEGRAM_BOT_TOKEN",
            e);
      }
      throw new TelegramStartException(
          "cannot reach the Telegram Bot API at "
              + ApiUrl.describe(url)
              + ": "
              + Failure.of(e).description(),
          e);
    }
  }
}
