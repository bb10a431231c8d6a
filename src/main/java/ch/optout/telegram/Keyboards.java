package ch.optout.telegram;

import ch.optout.answer.Answer;
import ch.optout.answer.Messages;
import ch.optout.answer.StepGroup;
import ch.optout.chat.Choice;
import ch.optout.chat.Reply;
import ch.optout.knowledge.Language;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * The inline buttons under the bot's messages; labels come from the bundles, actions from {@link
 * Action}.
 */
final class Keyboards {
  /** Beyond this many step groups the buttons stop helping: the full answer shows them all. */
  static final int MAX_STEP_BUTTONS = 4;

  /** Platform buttons per row: names like "Meta (Facebook, Instagram)" need the width. */
  static final int PLATFORMS_PER_ROW = 2;

  private final Messages messages;

  Keyboards(Messages messages) {
    this.messages = messages;
  }

  /**
   * Under a guide: one button per group of steps when there are several (web, mobile…), 👍/👎, and
   * the other platforms.
   *
   * @param groups the guide's step groups
   * @param focus the group shown alone, or −1 when all are shown
   */
  InlineKeyboardMarkup guide(
      Language language, String platformId, List<StepGroup> groups, int focus) {
    List<InlineKeyboardRow> rows = new ArrayList<>();
    if (groups.size() >= 2 && groups.size() <= MAX_STEP_BUTTONS) {
      InlineKeyboardRow steps = new InlineKeyboardRow();
      for (int i = 0; i < groups.size(); i++) {
        if (i != focus) {
          String label =
              groups.get(i).label().isBlank()
                  ? messages.get(language, "telegram.button.steps", i + 1)
                  : groups.get(i).label();
          button(label, new Action.ShowSteps(language, platformId, i)).ifPresent(steps::add);
        }
      }
      if (focus >= 0) {
        button(
                messages.get(language, "telegram.button.allSteps"),
                new Action.ShowSteps(language, platformId, -1))
            .ifPresent(steps::add);
      }
      addIfAny(rows, steps);
    }
    addIfAny(rows, feedback(language, platformId));
    rows.add(new InlineKeyboardRow(platformsButton(language, "telegram.button.otherPlatforms")));
    return new InlineKeyboardMarkup(rows);
  }

  /**
   * Under a short answer: the other devices' steps and "More", each editing the message in place; a
   * link that opens the setting or form; 👍/👎; Share and the other platforms.
   *
   * @param groups the guide's step groups
   * @param focus the group the message shows, −1 for none in particular
   * @param offerMore false once the message shows everything
   * @param share the deep link that opens this guide, to pass on
   */
  InlineKeyboardMarkup phone(
      Language language,
      String platformId,
      List<StepGroup> groups,
      int focus,
      boolean offerMore,
      Optional<java.net.URI> link,
      Optional<String> share) {
    List<InlineKeyboardRow> rows = new ArrayList<>();
    InlineKeyboardRow steps = new InlineKeyboardRow();
    if (groups.size() >= 2) {
      for (int i = 0; i < groups.size() && i < MAX_STEP_BUTTONS; i++) {
        if (i != focus) {
          String label =
              groups.get(i).label().isBlank()
                  ? messages.get(language, "telegram.button.steps", i + 1)
                  : groups.get(i).label();
          button(label, new Action.ShowSteps(language, platformId, i)).ifPresent(steps::add);
        }
      }
    }
    addIfAny(rows, steps);
    InlineKeyboardRow more = new InlineKeyboardRow();
    if (offerMore) {
      button(
              messages.get(language, "telegram.button.more"),
              new Action.More(language, platformId, Math.max(focus, -1)))
          .ifPresent(more::add);
    }
    link.filter(u -> "https".equalsIgnoreCase(u.getScheme()))
        .ifPresent(
            u ->
                more.add(
                    InlineKeyboardButton.builder()
                        .text(messages.get(language, "telegram.button.open"))
                        .url(u.toString())
                        .build()));
    addIfAny(rows, more);
    addIfAny(rows, feedback(language, platformId));
    InlineKeyboardRow last = new InlineKeyboardRow();
    share.ifPresent(
        url ->
            last.add(
                InlineKeyboardButton.builder()
                    .text(messages.get(language, "telegram.button.share"))
                    .url(url)
                    .build()));
    last.add(platformsButton(language, "telegram.button.otherPlatforms"));
    rows.add(last);
    return new InlineKeyboardMarkup(rows);
  }

  /**
   * The checklist's pick list: one toggle per platform, in the list's order, and a button that
   * starts with those ticked.
   */
  InlineKeyboardMarkup checklistPick(Language language, List<String> names) {
    List<InlineKeyboardRow> rows = new ArrayList<>();
    InlineKeyboardRow row = new InlineKeyboardRow();
    for (int i = 0; i < names.size() && i < 99; i++) {
      button(names.get(i), new Action.Toggle(language, i + 1)).ifPresent(row::add);
      if (row.size() == PLATFORMS_PER_ROW) {
        rows.add(row);
        row = new InlineKeyboardRow();
      }
    }
    addIfAny(rows, row);
    rows.add(
        new InlineKeyboardRow(
            button(
                    messages.get(language, "telegram.button.startPicked"),
                    new Action.StartPicked(language))
                .orElseThrow()));
    return new InlineKeyboardMarkup(rows);
  }

  /** Under a short answer in a group: the whole guide, in a private chat with the bot. */
  InlineKeyboardMarkup continueInPrivate(Language language, String botUsername, String platformId) {
    return new InlineKeyboardMarkup(
        List.of(
            new InlineKeyboardRow(
                InlineKeyboardButton.builder()
                    .text(messages.get(language, "telegram.button.private"))
                    .url("https://t.me/" + botUsername + "?start=" + platformId)
                    .build())));
  }

  /**
   * Under the line that moves a letter or the checklist out of a group: the private chat with the
   * bot, started with {@code payload} ({@code /start letter_tiktok} there).
   */
  InlineKeyboardMarkup privateFlow(Language language, String botUsername, String payload) {
    return new InlineKeyboardMarkup(
        List.of(
            new InlineKeyboardRow(
                InlineKeyboardButton.builder()
                    .text(messages.get(language, "telegram.button.privateFlow"))
                    .url("https://t.me/" + botUsername + "?start=" + payload)
                    .build())));
  }

  /** One button per platform, leading to its guide. */
  InlineKeyboardMarkup platforms(Language language, List<Map.Entry<String, String>> platforms) {
    List<InlineKeyboardRow> rows = new ArrayList<>();
    InlineKeyboardRow row = new InlineKeyboardRow();
    for (Map.Entry<String, String> p : platforms) {
      if (!Action.ID.matcher(p.getKey()).matches()) {
        continue;
      }
      button(p.getValue(), new Action.ShowGuide(language, p.getKey())).ifPresent(row::add);
      if (row.size() == PLATFORMS_PER_ROW) {
        rows.add(row);
        row = new InlineKeyboardRow();
      }
    }
    addIfAny(rows, row);
    return new InlineKeyboardMarkup(rows);
  }

  /**
   * Under the welcome: the most asked platforms, the checklist and the list of platforms.
   *
   * @param quick (id, name) of the platforms to offer, those the knowledge has
   */
  InlineKeyboardMarkup welcome(Language language, List<Map.Entry<String, String>> quick) {
    List<InlineKeyboardRow> rows = new ArrayList<>();
    InlineKeyboardRow first = new InlineKeyboardRow();
    for (Map.Entry<String, String> p : quick) {
      button(p.getValue(), new Action.ShowGuide(language, p.getKey())).ifPresent(first::add);
    }
    addIfAny(rows, first);
    InlineKeyboardRow second = new InlineKeyboardRow();
    button(
            messages.get(language, "telegram.button.checklist"),
            new Action.Choose(language, new Choice.OpenChecklist()))
        .ifPresent(second::add);
    second.add(platformsButton(language, "telegram.button.platforms"));
    rows.add(second);
    return new InlineKeyboardMarkup(rows);
  }

  /** A single button to the platform list: under the welcome, help and "I don't know" answers. */
  InlineKeyboardMarkup platformList(Language language) {
    return new InlineKeyboardMarkup(
        List.of(new InlineKeyboardRow(platformsButton(language, "telegram.button.platforms"))));
  }

  /**
   * One button per language OptOut speaks, for /lang without an argument: each labelled in its own
   * language, in the order of their labels (their flags: by country code).
   */
  InlineKeyboardMarkup languages(Language current) {
    InlineKeyboardRow row = new InlineKeyboardRow();
    Arrays.stream(Language.values())
        .map(l -> Map.entry(messages.get(l, "telegram.button.language"), l))
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> button(e.getKey(), new Action.SetLanguage(e.getValue())).ifPresent(row::add));
    return new InlineKeyboardMarkup(List.of(row));
  }

  /**
   * The assistant's choices (done / skip / later, the law for a letter…) as a first row, above
   * whatever keyboard the answer has; a choice whose button could not be read back is left out.
   */
  Optional<InlineKeyboardMarkup> withChoices(
      Language language, List<Reply.Offer> choices, Optional<InlineKeyboardMarkup> below) {
    InlineKeyboardRow row = new InlineKeyboardRow();
    for (Reply.Offer offer : choices) {
      button(offer.label(), new Action.Choose(language, offer.choice())).ifPresent(row::add);
    }
    if (row.isEmpty()) {
      return below;
    }
    List<InlineKeyboardRow> rows = new ArrayList<>();
    rows.add(row);
    below.ifPresent(k -> rows.addAll(k.getKeyboard()));
    return Optional.of(new InlineKeyboardMarkup(rows));
  }

  /**
   * Whether a guide answer shows exactly the guide's own steps, so that step buttons make sense.
   */
  static boolean isWholeGuide(Answer answer, List<StepGroup> guideSteps) {
    return answer.steps().equals(guideSteps);
  }

  /** 👍 and 👎 for one guide. */
  private InlineKeyboardRow feedback(Language language, String platformId) {
    InlineKeyboardRow row = new InlineKeyboardRow();
    button(
            messages.get(language, "telegram.button.helpful"),
            new Action.Feedback(language, platformId, true))
        .ifPresent(row::add);
    button(
            messages.get(language, "telegram.button.notHelpful"),
            new Action.Feedback(language, platformId, false))
        .ifPresent(row::add);
    return row;
  }

  private InlineKeyboardButton platformsButton(Language language, String key) {
    return button(messages.get(language, key), new Action.ListPlatforms(language)).orElseThrow();
  }

  private static Optional<InlineKeyboardButton> button(String label, Action action) {
    if (!action.fitsInButton()) {
      return Optional.empty();
    }
    return Optional.of(
        InlineKeyboardButton.builder().text(label).callbackData(action.encode()).build());
  }

  static void addIfAny(List<InlineKeyboardRow> rows, InlineKeyboardRow row) {
    if (!row.isEmpty()) {
      rows.add(row);
    }
  }
}
