package ch.optout.telegram;

import ch.optout.answer.Answer;
import ch.optout.answer.Inline;
import ch.optout.answer.Messages;
import ch.optout.chat.Assistant;
import ch.optout.knowledge.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.methods.AnswerInlineQuery;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.inlinequery.InlineQuery;
import org.telegram.telegrambots.meta.api.objects.inlinequery.inputmessagecontent.InputTextMessageContent;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResult;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResultArticle;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResultsButton;

/**
 * Inline mode: "@bot linkedin" typed in any chat offers that platform's short answer as an article
 * to post there; "@bot" alone offers the most asked platforms, a service without a guide one
 * article saying so. Nothing about the query is stored or logged; Telegram caches the results.
 */
final class InlineAnswers {
  /** How long Telegram may reuse results for the same query, for the same user. */
  static final int CACHE_SECONDS = 600;

  /** Telegram shows at most this much of a result's description. */
  private static final int DESCRIPTION = 100;

  private final Assistant assistant;
  private final Messages messages;
  private final TelegramRenderer renderer;
  private final Replies sender;

  InlineAnswers(Assistant assistant, Messages messages, TelegramRenderer renderer, Replies sender) {
    this.assistant = assistant;
    this.messages = messages;
    this.renderer = renderer;
    this.sender = sender;
  }

  void answer(InlineQuery q) {
    Optional<Language> app =
        Optional.ofNullable(q.getFrom()).map(u -> u.getLanguageCode()).flatMap(Language::fromCode);
    String query = q.getQuery() == null ? "" : q.getQuery();
    List<InlineQueryResult> results = new ArrayList<>();
    Language language = app.orElse(Language.fallback());
    List<Answer> found = assistant.inlineAnswers(query, app);
    if (!found.isEmpty()) {
      language = found.get(0).language();
    }
    for (Answer a : found) {
      results.add(article(a));
    }
    sender.callOnce(
        AnswerInlineQuery.builder()
            .inlineQueryId(q.getId())
            .results(results)
            .cacheTime(CACHE_SECONDS)
            // the result follows the asker's app language: never served to someone else
            .isPersonal(true)
            .button(
                InlineQueryResultsButton.builder()
                    .text(messages.get(language, "telegram.inline.button"))
                    .startParameter("inline")
                    .build())
            .build(),
        "answerInlineQuery");
  }

  /** One answer as an article: its title, its lead as the description, one phone screen to post. */
  private InlineQueryResult article(Answer a) {
    Answer shown =
        a.steps().size() > 1 ? a.toBuilder().steps(List.of(a.steps().get(0))).build() : a;
    String html = renderer.render(shown).get(0);
    String description = Inline.plain(a.lead());
    if (description.length() > DESCRIPTION) {
      description = description.substring(0, DESCRIPTION - 1) + "…";
    }
    return InlineQueryResultArticle.builder()
        .id(
            a.platformId().orElse(a.kind().name().toLowerCase(java.util.Locale.ROOT))
                + "-"
                + a.language().code())
        .title(Inline.plain(a.title()))
        .description(description)
        .inputMessageContent(
            InputTextMessageContent.builder()
                .messageText(html)
                .parseMode("HTML")
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                .build())
        .build();
  }
}
