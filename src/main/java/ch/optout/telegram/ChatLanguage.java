package ch.optout.telegram;

import ch.optout.chat.Assistant;
import ch.optout.knowledge.Language;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;

/**
 * Which language the bot speaks in a chat, decided here only. Two precedences exist on purpose: a
 * reply to what the chat says follows the language it speaks ({@link #of}), a notice about the chat
 * itself (slow down, the admin figures) follows the one it chose with /lang ({@link #chosen}); when
 * nothing tells, the first of {@link Language#values()}.
 */
final class ChatLanguage {
  private final Assistant assistant;

  ChatLanguage(Assistant assistant) {
    this.assistant = assistant;
  }

  /** The chat's language: chosen with /lang, else the one it speaks, else {@code client}. */
  Language of(long chatId, Optional<Language> client) {
    return assistant
        .chatLanguage(ChatRef.assistantKey(chatId))
        .or(() -> client)
        .orElse(Language.fallback());
  }

  /** The language the chat chose with /lang, else {@code client}. */
  Language chosen(long chatId, Optional<Language> client) {
    return assistant
        .chosenLanguage(ChatRef.assistantKey(chatId))
        .or(() -> client)
        .orElse(Language.fallback());
  }

  /** In a group, where each member has theirs, the sender's app's first; in private, the chat's. */
  Language forSender(Incoming in) {
    return in.group()
        ? in.clientLanguage().orElseGet(() -> of(in.chatId(), Optional.empty()))
        : of(in.chatId(), in.clientLanguage());
  }

  /** The app's language of whoever sent something, when Telegram says and OptOut speaks it. */
  static Language ofApp(Optional<String> languageCode) {
    return languageCode.flatMap(Language::fromCode).orElse(Language.fallback());
  }

  /** The language of the tapper's app, when Telegram says and OptOut speaks it. */
  static Optional<Language> app(CallbackQuery q) {
    return Optional.ofNullable(q.getFrom())
        .map(u -> u.getLanguageCode())
        .flatMap(Language::fromCode);
  }

  /** A toast about a tap, such as "slow down": the chat's language, else the tapper's app's. */
  Language ofTapChat(CallbackQuery q) {
    Optional<Language> app = app(q);
    return q.getMessage() != null && q.getMessage().getChatId() != null
        ? of(q.getMessage().getChatId(), app)
        : app.orElse(Language.fallback());
  }

  /**
   * The toasts of a tap speak the chat's language, not necessarily the tapper's app's; in a group,
   * where each member has theirs, the tapper's.
   */
  Optional<Language> ofTap(CallbackQuery q) {
    Optional<Language> app = app(q);
    return q.getMessage() != null && q.getMessage().getChatId() != null && !inGroup(q.getMessage())
        ? Optional.of(of(q.getMessage().getChatId(), app))
        : app.or(
            () ->
                Optional.ofNullable(q.getMessage())
                    .map(MaybeInaccessibleMessage::getChatId)
                    .map(id -> of(id, Optional.empty())));
  }

  static boolean inGroup(MaybeInaccessibleMessage m) {
    return m.getChat() != null && (m.getChat().isGroupChat() || m.getChat().isSuperGroupChat());
  }
}
