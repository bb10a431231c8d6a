package ch.optout.telegram;

import ch.optout.answer.Answer;
import ch.optout.answer.AnswerKind;
import ch.optout.answer.Messages;
import ch.optout.answer.StepGroup;
import ch.optout.chat.CommandNames;
import ch.optout.chat.Reply;
import ch.optout.knowledge.Language;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * How an answer is laid out in a Telegram chat, decided here only: a short answer as one phone
 * screen with buttons for the rest, the checklist as toggles, a command's answer with its buttons.
 * What it needs to know besides the reply (a guide's groups of steps, the platforms) comes with it,
 * as {@link LayoutFacts}.
 */
final class PhoneLayout {
  /** Commands whose answer gets buttons, by their own names (each language's: {@link #names}). */
  private static final String PLATFORMS = "/platforms";

  private static final String LANG = "/lang";

  private static final Set<String> WELCOME = Set.of("/start", "/help");

  /** The platforms most people ask about first, offered under the welcome. */
  private static final List<String> QUICK = List.of("linkedin", "meta");

  private final Messages messages;
  private final Keyboards keyboards;
  private final Incoming.Bot bot;
  private final CommandNames names;

  PhoneLayout(Messages messages, Keyboards keyboards, Incoming.Bot bot, CommandNames names) {
    this.messages = messages;
    this.keyboards = keyboards;
    this.bot = bot;
    this.names = names;
  }

  /** An answer as a channel shows it, and the buttons under it. */
  record Shown(Answer answer, Optional<InlineKeyboardMarkup> keyboard) {}

  /** The answer to a typed message, with the buttons its command or kind calls for. */
  Shown forMessage(Incoming in, Reply reply, LayoutFacts facts) {
    return layout(reply.answer(), reply.choices(), facts, a -> keyboardFor(in, a, facts));
  }

  /** The answer to a tapped button, with the buttons of a guide when it is one. */
  Shown forTap(Reply reply, LayoutFacts facts) {
    return layout(
        reply.answer(),
        reply.choices(),
        facts,
        a -> a.kind() == AnswerKind.GUIDE ? guideKeyboard(a, facts) : Optional.empty());
  }

  /**
   * How an answer is laid out in a chat: the pick list as its toggles, a short answer as one phone
   * screen with its buttons, anything else with {@code otherwise}'s keyboard; the quick choices
   * above.
   */
  private Shown layout(
      Answer answer,
      List<Reply.Offer> choices,
      LayoutFacts facts,
      Function<Answer, Optional<InlineKeyboardMarkup>> otherwise) {
    Answer a = answer.kind() == AnswerKind.CHECKLIST ? pickList(answer, facts) : answer;
    if (isShort(a)) {
      Shown phone = phone(a, facts);
      return new Shown(
          phone.answer(), keyboards.withChoices(a.language(), choices, phone.keyboard()));
    }
    return new Shown(a, keyboards.withChoices(a.language(), choices, otherwise.apply(a)));
  }

  /** A short answer about one platform, whose buttons give the rest. */
  static boolean isShort(Answer a) {
    return a.kind() == AnswerKind.GUIDE
        && a.more()
        && a.platformId().filter(p -> Action.ID.matcher(p).matches()).isPresent();
  }

  /** A group gets the gist of a short answer; the steps and the rest are one tap away, private. */
  Shown gist(Answer answer) {
    String platformId = answer.platformId().orElseThrow();
    Answer gist = answer.toBuilder().steps(List.of()).caveats(List.of()).build();
    return new Shown(
        gist,
        Optional.of(keyboards.continueInPrivate(answer.language(), bot.username(), platformId)));
  }

  /**
   * One phone screen: the answer with the steps of one device (the first the answer gives), and
   * buttons for the other devices, the rest of the guide, the setting's page and sharing.
   */
  private Shown phone(Answer a, LayoutFacts facts) {
    String platformId = a.platformId().orElseThrow();
    Answer shown = a;
    int focus = -1;
    if (!a.steps().isEmpty()) {
      shown = a.toBuilder().steps(List.of(a.steps().get(0))).build();
      focus = facts.guideSteps().indexOf(a.steps().get(0));
    }
    return new Shown(shown, Optional.of(phoneKeyboard(a, platformId, facts, focus, true)));
  }

  /**
   * The buttons of one phone screen of a guide.
   *
   * @param facts with the guide's groups of steps
   */
  InlineKeyboardMarkup phoneKeyboard(
      Answer a, String platformId, LayoutFacts facts, int focus, boolean offerMore) {
    return keyboards.phone(
        a.language(),
        platformId,
        facts.guideSteps(),
        focus,
        offerMore,
        a.link(),
        shareLink(platformId, facts.name(platformId), a.language()));
  }

  /** t.me's share page with the deep link that opens this guide in the bot. */
  private Optional<String> shareLink(String platformId, String name, Language language) {
    if (bot.username().isBlank()) {
      return Optional.empty();
    }
    String deepLink = "https://t.me/" + bot.username() + "?start=" + platformId;
    return Optional.of(
        "https://t.me/share/url?url="
            + URLEncoder.encode(deepLink, StandardCharsets.UTF_8)
            + "&text="
            + URLEncoder.encode(
                messages.get(language, "telegram.share.text", name), StandardCharsets.UTF_8));
  }

  private Optional<InlineKeyboardMarkup> keyboardFor(Incoming in, Answer a, LayoutFacts facts) {
    Language l = a.language();
    String command = in.command().map(names::command).orElse("");
    if (command.equals(PLATFORMS)) {
      return Optional.of(keyboards.platforms(l, facts.platforms()));
    }
    if (command.equals(LANG) && in.argument().isBlank()) {
      return Optional.of(keyboards.languages(l));
    }
    if (command.equals("/start")) {
      return Optional.of(keyboards.welcome(l, quickPlatforms(facts)));
    }
    if (WELCOME.contains(command) || (a.kind() == AnswerKind.DECLINE && command.isEmpty())) {
      return Optional.of(keyboards.platformList(l));
    }
    if (a.kind() == AnswerKind.CHECKLIST) {
      // toggles that pick, on this one message, then a button that starts
      return Optional.of(keyboards.checklistPick(l, facts.checklist()));
    }
    return a.kind() == AnswerKind.GUIDE ? guideKeyboard(a, facts) : Optional.empty();
  }

  private Optional<InlineKeyboardMarkup> guideKeyboard(Answer a, LayoutFacts facts) {
    Optional<String> id = a.platformId().filter(p -> Action.ID.matcher(p).matches());
    if (id.isEmpty()) {
      return Optional.empty();
    }
    // step buttons only when the answer shows the guide's own steps
    List<StepGroup> groups =
        Keyboards.isWholeGuide(a, facts.guideSteps()) ? facts.guideSteps() : List.of();
    return Optional.of(keyboards.guide(a.language(), id.get(), groups, -1));
  }

  private List<Map.Entry<String, String>> quickPlatforms(LayoutFacts facts) {
    List<Map.Entry<String, String>> all = facts.platforms();
    return QUICK.stream()
        .flatMap(id -> all.stream().filter(e -> e.getKey().equals(id)).limit(1))
        .map(e -> Map.entry(e.getKey(), shortName(e.getValue())))
        .toList();
  }

  /** "Meta (Facebook, Instagram, Threads)" fits a button as "Meta". */
  private static String shortName(String name) {
    int paren = name.indexOf(" (");
    return paren > 0 ? name.substring(0, paren) : name;
  }

  /**
   * The checklist's pick list on a phone: the platforms are the buttons, so the text says what to
   * do with them instead of listing every platform's action.
   */
  private Answer pickList(Answer list, LayoutFacts facts) {
    Language l = list.language();
    return list.toBuilder()
        .lead(messages.get(l, "telegram.checklist.pick", facts.checklist().size()))
        .steps(List.of())
        .sources(List.of())
        .notes(list.notes().stream().skip(1).toList())
        .build();
  }

  /** The button that opens a private chat with the bot and starts there what the reply names. */
  Optional<InlineKeyboardMarkup> privateFlow(Reply reply) {
    return reply
        .privateStart()
        .filter(p -> !bot.username().isBlank())
        .map(p -> keyboards.privateFlow(reply.answer().language(), bot.username(), p));
  }

  /**
   * The list of platforms, each a button.
   *
   * @param platforms (id, name) of each
   */
  Shown platforms(Language l, List<Map.Entry<String, String>> platforms) {
    Answer list =
        Answer.message(
            l, messages.get(l, "platforms.title"), messages.get(l, "telegram.platforms.pick"));
    return new Shown(list, Optional.of(keyboards.platforms(l, platforms)));
  }
}
