package ch.optout.chat;

import ch.optout.knowledge.DocumentKind;
import ch.optout.knowledge.KnowledgeBase;
import ch.optout.knowledge.Language;
import ch.optout.search.PlatformMatcher;
import ch.optout.store.ChatState;
import java.util.Optional;

/**
 * A message starting with "/": a deep link ("/start linkedin", a flow a group sent here), a law
 * button of a waiting letter, else one of {@link Commands}.
 */
final class SlashCommands {
  private final KnowledgeBase knowledge;
  private final PlatformMatcher platforms;
  private final Commands commands;
  private final Checklist checklist;
  private final Letters letters;
  private final PrivateFlows privateFlows;
  private final Questions questions;

  SlashCommands(
      KnowledgeBase knowledge,
      PlatformMatcher platforms,
      Commands commands,
      Checklist checklist,
      Letters letters,
      PrivateFlows privateFlows,
      Questions questions) {
    this.knowledge = knowledge;
    this.platforms = platforms;
    this.commands = commands;
    this.checklist = checklist;
    this.letters = letters;
    this.privateFlows = privateFlows;
    this.questions = questions;
  }

  Reply command(String chatId, String text, Language language, ChatState state) {
    Optional<Reply> deepLink = deepLink(chatId, text, language);
    if (deepLink.isPresent()) {
      return deepLink.get();
    }
    if (Letters.isWaiting(state)
        && text.toLowerCase(java.util.Locale.ROOT).startsWith("/region ")) {
      // the law buttons of a waiting letter: the choice, then the letter itself
      Optional<Reply> letter =
          letters.answer(chatId, text.substring("/region ".length()), language, state);
      if (letter.isPresent()) {
        return letter.get();
      }
    }
    return commands.run(chatId, text, language);
  }

  /**
   * "/start linkedin", as a t.me/bot?start=linkedin link sends it: that platform's short answer,
   * remembered as the conversation's platform; empty for any other text.
   */
  private Optional<Reply> deepLink(String chatId, String text, Language language) {
    String[] parts = text.strip().split("\\s+", 2);
    if (parts.length < 2 || !parts[0].equalsIgnoreCase("/start")) {
      return Optional.empty();
    }
    String argument = parts[1].strip();
    Optional<PrivateFlows.Start> flow = privateFlows.start(argument);
    if (flow.isPresent()) {
      // a flow a group sent here: "/start letter_tiktok" writes the TikTok letter
      PrivateFlows.Start start = flow.get();
      return Optional.of(
          start.checklist()
              ? checklist.open(chatId, language)
              : letters.request(
                  chatId, "", start.platformIds(), start.service(), language, Optional.empty()));
    }
    return guide(chatId, argument, language);
  }

  /**
   * The short answer of the platform a deep link names (by its id or its name), remembered as the
   * conversation's platform, with what it offers next; empty when it names none.
   */
  Optional<Reply> guide(String chatId, String argument, Language language) {
    Optional<String> platform =
        knowledge
            .findAny(argument.toLowerCase(java.util.Locale.ROOT), language)
            .filter(g -> g.kind() == DocumentKind.GUIDE)
            .map(g -> g.id())
            .or(() -> platforms.platforms(argument).stream().findFirst());
    return platform
        .flatMap(p -> questions.openGuide(chatId, p, language))
        .map(a -> new Reply(a, Optional.empty(), questions.offers(chatId, a)));
  }
}
