package ch.optout.chat;

import ch.optout.answer.Answer;
import ch.optout.answer.Messages;
import ch.optout.knowledge.Language;
import ch.optout.search.PlatformMatcher;
import ch.optout.store.ChatStore;
import ch.optout.store.GuideDay;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The anonymous daily figures per guide (answers given, 👍, 👎), newest day first, for the people
 * who run the bot. Nothing here names a chat: the store never links figures to one.
 */
final class AdminStats {
  /** Days shown by default: a week is what a maintainer looks at. */
  static final int DEFAULT_DAYS = 7;

  private final ChatStore store;
  private final Messages messages;
  private final PlatformMatcher platforms;
  private final Clock clock;

  AdminStats(ChatStore store, Messages messages, PlatformMatcher platforms, Clock clock) {
    this.store = store;
    this.messages = messages;
    this.platforms = platforms;
    this.clock = clock;
  }

  Answer answer(Language language, int days) {
    LocalDate today = LocalDate.now(clock);
    List<GuideDay> figures = new ArrayList<>(store.guideDays(today.minusDays(days - 1L)));
    String title = messages.get(language, "admin.stats.title", days);
    if (figures.isEmpty()) {
      return Answer.message(language, title, messages.get(language, "admin.stats.empty"));
    }
    figures.sort(Comparator.comparing(GuideDay::day).reversed().thenComparing(GuideDay::guideId));
    StringBuilder lines = new StringBuilder();
    int answers = 0;
    int helpful = 0;
    int unhelpful = 0;
    for (GuideDay d : figures) {
      lines
          .append("• ")
          .append(
              messages.get(
                  language,
                  "admin.stats.line",
                  d.day(),
                  platforms.name(d.guideId()),
                  d.answers(),
                  d.helpful(),
                  d.unhelpful()))
          .append('\n');
      answers += d.answers();
      helpful += d.helpful();
      unhelpful += d.unhelpful();
    }
    lines
        .append('\n')
        .append(messages.get(language, "admin.stats.total", answers, helpful, unhelpful));
    return Answer.message(language, title, lines.toString());
  }
}
