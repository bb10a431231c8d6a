package ch.optout.chat;

import ch.optout.answer.Answer;
import ch.optout.answer.ExtractiveComposer;
import ch.optout.answer.LegalRegime;
import ch.optout.answer.Messages;
import ch.optout.knowledge.Guide;
import ch.optout.knowledge.KnowledgeBase;
import ch.optout.knowledge.Language;
import ch.optout.search.PlatformMatcher;
import ch.optout.search.UncoveredServices;
import ch.optout.store.ChatExport;
import ch.optout.store.ChatStore;
import ch.optout.store.ChecklistItem;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The slash commands, the same on Telegram and in the terminal. */
final class Commands {
  /** Times in /mydata: to the minute, in UTC, the same in both languages. */
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /** What an unknown command echoes of itself: the slash and the word after it. */
  private static final Pattern COMMAND_WORD = Pattern.compile("/[\\p{L}\\p{N}_]*");

  private final KnowledgeBase knowledge;
  private final PlatformMatcher platforms;
  private final UncoveredServices uncovered;
  private final ExtractiveComposer extractive;
  private final Messages messages;
  private final ChatStore store;
  private final String version;
  private final ChecklistText checklist;
  private final Letters letters;
  private final FollowUps followUps;
  private final CommandNames names;

  /** Whether a third party's language model phrases answers: then said with every privacy note. */
  private final boolean hostedModel;

  Commands(
      KnowledgeBase knowledge,
      PlatformMatcher platforms,
      UncoveredServices uncovered,
      ExtractiveComposer extractive,
      Messages messages,
      ChatStore store,
      String version,
      ChecklistText checklist,
      Letters letters,
      FollowUps followUps,
      CommandNames names,
      boolean hostedModel) {
    this.followUps = followUps;
    this.names = names;
    this.hostedModel = hostedModel;
    this.knowledge = knowledge;
    this.platforms = platforms;
    this.uncovered = uncovered;
    this.extractive = extractive;
    this.messages = messages;
    this.store = store;
    this.version = version;
    this.checklist = checklist;
    this.letters = letters;
  }

  /**
   * @param text starts with '/'; "/lang@OptOutBot fr" is "/lang" with argument "fr"
   */
  Reply run(String chatId, String text, Language language) {
    String[] parts = text.strip().split("\\s+", 2);
    String name = parts[0].toLowerCase(Locale.ROOT);
    int at = name.indexOf('@');
    if (at > 0) {
      name = name.substring(0, at);
    }
    name = names.command(name);
    String argument = parts.length > 1 ? parts[1].strip() : "";
    switch (name) {
      case "/checklist" -> {
        return checklist.command(chatId, argument, language);
      }
      case "/letter" -> {
        return letter(chatId, argument, language);
      }
      case "/region" -> {
        return letters.setRegion(chatId, argument, language);
      }
      case "/remind" -> {
        return followUps.remind(chatId, argument, language);
      }
      case "/watch" -> {
        return followUps.watch(chatId, argument, language);
      }
      case "/followup" -> {
        return followUps.outcome(chatId, argument, language);
      }
      default -> {
        return Reply.of(answer(chatId, name, argument, language));
      }
    }
  }

  /** /letter with what follows it: a platform, a service without a guide, or nothing yet. */
  Reply letter(String chatId, String argument, Language language) {
    List<String> named = platforms.platforms(argument);
    // "/letter Duolingo": a service without a guide still gets the reviewed letter
    Optional<String> service =
        named.isEmpty() && !argument.isBlank()
            ? Optional.of(
                uncovered
                    .find(argument)
                    .map(UncoveredServices.Match::name)
                    .orElse(LegalRegime.withoutRegion(argument)))
            : Optional.empty();
    return letters.request(chatId, argument, named, service, language, Optional.empty());
  }

  private Answer answer(String chatId, String name, String argument, Language language) {
    return switch (name) {
      case "/start" -> start(language);
      case "/help" ->
          Answer.message(
              language, messages.get(language, "help.title"), messages.get(language, "help.body"));
      case "/lang" -> lang(chatId, argument, language);
      case "/platforms" -> platforms(language);
      case "/about" -> about(language);
      case "/mydata" -> myData(chatId, language);
      case "/forget" -> forget(chatId, language);
      default ->
          Answer.message(language, "", messages.get(language, "command.unknown", abbreviate(name)))
              .asDecline();
    };
  }

  /** The welcome of /start. */
  Answer start(Language language) {
    Answer welcome = extractive.welcome(language);
    return Answer.message(
        language,
        welcome.title(),
        welcome.lead() + "\n\n" + messages.get(language, "start.privacy") + hosted(language));
  }

  /** The line saying questions go to a model provider, when they do; else nothing. */
  private String hosted(Language language) {
    return hostedModel ? "\n" + messages.get(language, "llm.hosted") : "";
  }

  private Answer lang(String chatId, String argument, Language current) {
    Optional<Language> wanted = names.language(argument);
    if (wanted.isEmpty()) {
      return Answer.message(
          current, "", messages.get(current, "lang.usage", messages.get(current, "lang.name")));
    }
    return lang(chatId, wanted.get());
  }

  /** The chat is answered in this language from now on. */
  Answer lang(String chatId, Language wanted) {
    store.save(chatId, store.load(chatId).withLanguage(wanted.code()));
    return Answer.message(wanted, "", messages.get(wanted, "lang.set"));
  }

  private Answer platforms(Language language) {
    List<Guide> guides = knowledge.guides(language);
    String list = guides.stream().map(g -> "• " + g.platform()).collect(Collectors.joining("\n"));
    String example = guides.isEmpty() ? "LinkedIn" : guides.get(0).platform();
    return Answer.message(
        language,
        messages.get(language, "platforms.title"),
        list + "\n\n" + messages.get(language, "platforms.body", example));
  }

  private Answer about(Language language) {
    KnowledgeBase kb = knowledge;
    List<LocalDate> dates =
        kb.guides(language).stream()
            .map(Guide::verified)
            .flatMap(Optional::stream)
            .sorted(Comparator.naturalOrder())
            .toList();
    String oldest = dates.isEmpty() ? "—" : dates.get(0).toString();
    String newest = dates.isEmpty() ? "—" : dates.get(dates.size() - 1).toString();
    String body = messages.get(language, "about.body", kb.guides(language).size(), oldest, newest);
    if (!kb.contacts().isEmpty()) {
      body +=
          "\n\n"
              + messages.get(
                  language,
                  "about.contacts",
                  kb.contacts().companies().size(),
                  kb.contacts().authorities().size());
    }
    return Answer.message(
        language, messages.get(language, "about.title", version), body + hosted(language));
  }

  private Answer myData(String chatId, Language language) {
    ChatExport data = store.export(chatId);
    String title = messages.get(language, "mydata.title");
    if (data.isEmpty()) {
      return Answer.message(
          language,
          title,
          messages.get(language, "mydata.empty")
              + "\n\n"
              + messages.get(language, "mydata.anonymous")
              + hosted(language));
    }
    List<String> lines = new ArrayList<>();
    data.language().ifPresent(code -> lines.add(messages.get(language, "mydata.language", code)));
    data.device().ifPresent(device -> lines.add(messages.get(language, "mydata.device", device)));
    data.region()
        .ifPresent(region -> lines.add(messages.get(language, "mydata.region", region.name())));
    data.country().ifPresent(code -> lines.add(messages.get(language, "mydata.country", code)));
    data.context()
        .ifPresent(
            c ->
                lines.add(
                    messages.get(
                        language,
                        "mydata.context",
                        c.platformId().equals(Checklist.PICKING)
                                || c.platformId().equals(Letters.ASKED)
                            ? "—"
                            : platforms.name(c.platformId()),
                        flowName(c.intent(), language),
                        TIME.format(c.expiresAt()))));
    if (!data.checklist().isEmpty()) {
      StringBuilder checklist = new StringBuilder(messages.get(language, "mydata.checklist"));
      for (ChecklistItem item : data.checklist()) {
        checklist
            .append("\n   – ")
            .append(
                messages.get(
                    language,
                    "mydata.checklist.item",
                    platforms.name(item.platformId()),
                    messages.get(language, "mydata.status." + item.status().name()),
                    item.date()));
        item.letterOn()
            .ifPresent(
                d ->
                    checklist.append(
                        messages.get(language, "mydata.checklist.letter", d.toString())));
      }
      lines.add(checklist.toString());
    }
    lines.addAll(followUps.describe(data, language));
    data.lastChange()
        .ifPresent(at -> lines.add(messages.get(language, "mydata.lastChange", TIME.format(at))));
    ChatExport.RelayRows relay = data.relay();
    if (!relay.isEmpty()) {
      lines.add(
          messages.get(
              language,
              "mydata.relay",
              relay.updates(),
              relay.unhandled(),
              relay.replies(),
              relay.unsent()));
    }
    String body =
        lines.stream().map(line -> "• " + line).collect(Collectors.joining("\n"))
            + "\n\n"
            + messages.get(language, "mydata.anonymous")
            + hosted(language)
            + "\n"
            + messages.get(language, "mydata.forget");
    return Answer.message(language, title, body);
  }

  /**
   * The context's flow in words ("the checklist"); a flow the bundles have no words for, or that
   * this version does not read, is shown as stored.
   */
  private String flowName(String stored, Language language) {
    Flow flow = Flow.decode(stored);
    boolean described = !(flow instanceof Flow.Unknown);
    return described ? messages.get(language, "mydata.intent." + flow.name()) : stored;
  }

  private Answer forget(String chatId, Language language) {
    store.forget(chatId);
    return Answer.message(language, "", messages.get(language, "forget.done"));
  }

  /**
   * The command as echoed back: its leading word only, so that "/https://evil.example/x" cannot
   * make the bot repeat a link (Telegram makes any address in a message clickable).
   */
  private static String abbreviate(String name) {
    Matcher word = COMMAND_WORD.matcher(name);
    String shown = word.lookingAt() ? word.group() : "/";
    return shown.length() > 40 ? shown.substring(0, 40) + "…" : shown;
  }
}
