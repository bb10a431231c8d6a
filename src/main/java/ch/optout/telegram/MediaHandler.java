package ch.optout.telegram;

import ch.optout.answer.Answer;
import ch.optout.answer.Messages;
import ch.optout.knowledge.Language;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/** A voice note, a sticker, a photo or a file without a caption: what OptOut can read instead. */
final class MediaHandler {
  private final Messages messages;
  private final ChatLanguage languages;
  private final ChatOutput out;

  MediaHandler(Messages messages, ChatLanguage languages, ChatOutput out) {
    this.messages = messages;
    this.languages = languages;
    this.out = out;
  }

  /** Whether {@code m}, as read into {@code in}, is media with nothing to answer. */
  static boolean isMedia(Incoming in, Message m) {
    return in.text().isBlank()
        && (m.hasVoice()
            || m.hasSticker()
            || m.hasPhoto()
            || m.hasDocument()
            || m.hasVideo()
            || m.hasAudio()
            || m.hasAnimation()
            || m.hasVideoNote());
  }

  /** What OptOut can read, in the chat's language. */
  void handle(Incoming in) {
    Language l = languages.forSender(in);
    out.notice(in, Answer.message(l, "", messages.get(l, "telegram.media")));
  }
}
