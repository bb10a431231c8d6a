package ch.optout.chat;

import ch.optout.answer.Answer;
import ch.optout.answer.AnswerComposer;
import ch.optout.answer.ExtractiveComposer;
import ch.optout.answer.LetterWriter;
import ch.optout.answer.Messages;
import ch.optout.knowledge.KnowledgeBase;
import ch.optout.knowledge.Language;
import ch.optout.search.KnowledgeSearch;
import ch.optout.store.ChatState;
import ch.optout.store.ChatStore;
import ch.optout.understand.Reading;
import ch.optout.understand.Understander;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one entry point of every channel: a chat id and a text in, a {@link Reply} out. It never
 * throws for any text a user can send. A message is read once ({@link Understander}), completed by
 * the conversation ({@link Conversation}), then handled by what it does: a flow, a letter, a
 * complaint, or a question answered from the knowledge.
 */
public final class Assistant {
  private final CommandNames names;

  private final Understander understander;
  private final ExtractiveComposer extractive;
  private final Messages messages;
  private final ChatStore store;
  private final KnowledgeBase knowledge;
  private final Conversation conversation;
  private final ChecklistText checklistText;
  private final Letters letters;
  private final FollowUps followUps;
  private final AdminStats stats;
  private final PrivateFlows privateFlows;
  private final Questions questions;
  private final Acts acts;
  private final SlashCommands slash;
  private final Choices choices;

  public Assistant(
      Understander understander,
      KnowledgeSearch search,
      AnswerComposer composer,
      ExtractiveComposer extractive,
      Messages messages,
      ChatStore store,
      Clock clock,
      String version) {
    this.understander = understander;
    this.extractive = extractive;
    this.messages = messages;
    this.store = store;
    this.knowledge = search.index().knowledge();
    this.conversation = new Conversation(knowledge, store, clock);
    LetterWriter writer = new LetterWriter(knowledge, messages, clock);
    this.names = CommandNames.load();
    this.letters =
        new Letters(
            writer, understander.platforms(), understander.uncovered(), messages, store, clock);
    Checklist checklist =
        new Checklist(
            knowledge,
            extractive,
            messages,
            store,
            clock,
            new Timeline(store, letters::displayName, messages));
    this.checklistText = new ChecklistText(checklist, ChecklistWords.load());
    FollowThrough followThrough = new FollowThrough(writer, letters, messages);
    this.followUps =
        new FollowUps(knowledge, understander.platforms(), letters, messages, store, clock);
    Commands commands =
        new Commands(
            knowledge,
            understander.platforms(),
            understander.uncovered(),
            extractive,
            messages,
            store,
            version,
            checklistText,
            letters,
            followUps,
            names,
            ch.optout.answer.LlmComposer.sendsQuestionsAway(composer));
    this.stats = new AdminStats(store, messages, understander.platforms(), clock);
    this.privateFlows =
        new PrivateFlows(
            knowledge, understander.platforms(), understander.uncovered(), messages, names);
    this.questions =
        new Questions(
            understander, search, composer, extractive, messages, store, conversation, followUps);
    this.acts =
        new Acts(
            extractive,
            messages,
            store,
            conversation,
            checklist,
            letters,
            followThrough,
            questions);
    this.slash =
        new SlashCommands(
            knowledge,
            understander.platforms(),
            commands,
            checklist,
            letters,
            privateFlows,
            questions);
    this.choices = new Choices(commands, slash, checklist, letters, followUps, privateFlows);
  }

  public Reply reply(String chatId, String text) {
    return reply(chatId, text, Optional.empty(), Optional.empty());
  }

  /**
   * @param clientLanguage the language the user's app is set to (Telegram's language_code), used
   *     when neither the text nor a /lang choice decides
   * @param forced a language imposed by the caller (ask --lang), above everything else
   */
  public Reply reply(
      String chatId, String text, Optional<Language> clientLanguage, Optional<Language> forced) {
    return reply(chatId, text, clientLanguage, forced, false);
  }

  /**
   * A member's message in a group. Answered as {@link #reply}, with two differences. The member is
   * answered in their own language: the one the text is clearly written in, else their app's,
   * before the one the group last spoke (another member's). Letters and the checklist are personal:
   * they are not run in the group; the reply says so and carries the payload that starts them in a
   * private chat ({@link Reply#privateStart()}).
   *
   * @param member the language of the member's app
   */
  public Reply replyInGroup(String chatId, String text, Optional<Language> member) {
    return reply(chatId, text, member, Optional.empty(), true);
  }

  private Reply reply(
      String chatId,
      String text,
      Optional<Language> clientLanguage,
      Optional<Language> forced,
      boolean group) {
    ChatState state = store.load(chatId);
    // the language: imposed by the caller, else chosen with /lang, else the one the text is
    // clearly written in, else the one the conversation was last held in, else the app's (in a
    // group, the member's app before the group's conversation)
    Optional<Language> pinned = forced.or(() -> state.language().flatMap(Language::fromCode));
    Language fallback = language(state, pinned, clientLanguage, group);
    Input.Cleaned input = Input.clean(text);
    if (input.text().startsWith("/")) {
      if (group) {
        Optional<Reply> elsewhere = privateFlows.forCommand(input.text(), fallback);
        if (elsewhere.isPresent()) {
          return elsewhere.get();
        }
      }
      return slash.command(chatId, input.text(), fallback, state);
    }
    if (input.text().isBlank() || input.text().codePoints().noneMatch(Character::isLetterOrDigit)) {
      return Reply.of(
          Answer.message(fallback, "", messages.get(fallback, "decline.empty")).asDecline());
    }
    Reading read = understander.read(input.text(), fallback, conversation.platforms(state));
    if (pinned.isPresent()) {
      read = read.toBuilder().language(pinned.get(), true).build();
    }
    Reading r = conversation.resolve(read, state);
    conversation.rememberCountry(chatId, state, read);
    if (group) {
      Optional<Reply> elsewhere = privateFlows.forReading(r);
      if (elsewhere.isPresent()) {
        return elsewhere.get();
      }
      // a flow left waiting in the group (by an older version) is not continued there
      return truncated(acts.byAct(chatId, r, state), input);
    }
    if (Letters.isWaitingForPlatform(state)) {
      // "/letter" alone asked which platform: this message names it, unless it is a real question
      Optional<Reply> named = acts.letterFor(chatId, input.text(), r, state);
      if (named.isPresent()) {
        return named.get();
      }
    }
    Optional<Reply> flow =
        checklistText
            .answer(chatId, input.text(), r.language(), state)
            .or(() -> letters.answer(chatId, input.text(), r.language(), state));
    if (flow.isPresent()) {
      return flow.get();
    }
    return truncated(acts.byAct(chatId, r, state), input);
  }

  /**
   * A choice a reply offered, carried out (a button tapped) as its command would be.
   *
   * @param clientLanguage the language of the user's app, or of the buttons
   */
  public Reply choose(String chatId, Choice choice, Optional<Language> clientLanguage) {
    return choose(chatId, choice, clientLanguage, false);
  }

  /** A member's choice in a group: carried out as {@link #replyInGroup} would run its command. */
  public Reply chooseInGroup(String chatId, Choice choice, Optional<Language> member) {
    return choose(chatId, choice, member, true);
  }

  private Reply choose(
      String chatId, Choice choice, Optional<Language> clientLanguage, boolean group) {
    if (choice instanceof Choice.NamePlatform name) {
      // a name is said, not run: it answers the question that asked which platform
      return reply(chatId, name.name(), clientLanguage, Optional.empty(), group);
    }
    ChatState state = store.load(chatId);
    Optional<Language> pinned = state.language().flatMap(Language::fromCode);
    return choices.choose(
        chatId, choice, language(state, pinned, clientLanguage, group), state, group);
  }

  /**
   * The language to answer in when the text does not say: the one pinned, else the conversation's,
   * else the app's; in a group, the member's app before the group's conversation.
   */
  private Language language(
      ChatState state, Optional<Language> pinned, Optional<Language> client, boolean group) {
    Optional<Language> spoken = conversation.spoken(state);
    return group
        ? pinned.or(() -> client).or(() -> spoken).orElse(Language.fallback())
        : pinned.or(() -> spoken).or(() -> client).orElse(Language.fallback());
  }

  /** Said up front when the message was cut: the answer may miss what the unread middle asked. */
  private Reply truncated(Reply reply, Input.Cleaned input) {
    if (!input.truncated()) {
      return reply;
    }
    Answer a = reply.answer();
    return reply.withAnswer(
        a.toBuilder()
            .lead(
                messages.get(a.language(), "input.truncated", Input.MAX_CHARS) + "\n\n" + a.lead())
            .build());
  }

  /** An answer made without a message (a platform tapped), with the choices that follow it. */
  public Reply withOffers(String chatId, Answer answer) {
    return new Reply(answer, Optional.empty(), questions.offers(chatId, answer));
  }

  /** Reminders and alerts: the messages a channel sends or shows when they fall due. */
  public FollowUps followUps() {
    return followUps;
  }

  /** The full guide of one platform, to lay out its steps again; counts nothing. */
  public Optional<Answer> guide(String platformId, Language language) {
    return knowledge.findAny(platformId, language).map(g -> extractive.guide(platformId, language));
  }

  /**
   * A guide the user opened (a platform tapped in a list): counted once, and remembered as the
   * conversation's platform so that follow-ups are about it.
   */
  public Optional<Answer> openGuide(String chatId, String platformId, Language language) {
    return questions.openGuide(chatId, platformId, language);
  }

  /** The covered platforms as (id, display name), sorted by name, in one language. */
  public List<Map.Entry<String, String>> platforms(Language language) {
    return knowledge.guides(language).stream().map(g -> Map.entry(g.id(), g.platform())).toList();
  }

  /**
   * The short how-to of a platform with the steps of one group only (a device button), or of every
   * group ({@code group} −1). Counts nothing: the answer it replaces was counted.
   */
  public Optional<Answer> shortGuide(String platformId, Language language, int group) {
    return knowledge
        .findAny(platformId, language)
        .map(g -> extractive.howTo(platformId, language, group));
  }

  /**
   * The articles for an inline query, in the query's language, else the app's; stores and counts
   * nothing. An empty query gets the most asked platforms' short answers; a query naming a platform
   * gets the answer to it (a fact question its fact, a how-to its action and steps); a query naming
   * a service without a guide gets the one answer saying so; anything else, nothing.
   */
  public List<Answer> inlineAnswers(String query, Optional<Language> app) {
    return questions.inline(query, app);
  }

  /**
   * Whether a choice tapped on an older message would change what it no longer applies to (a
   * checklist item already done or skipped, or not the one on screen now).
   *
   * @return why it is refused, for the channel to show instead of acting; empty when it may act
   */
  public Optional<String> refusedChoice(String chatId, Choice choice, Language language) {
    return choices.refusal(chatId, choice, language);
  }

  /** The platforms of the checklist's pick list, in its order, by name. */
  public List<String> checklistPlatforms(Language language) {
    return extractive.checklistGuides(language).stream().map(g -> g.platform()).toList();
  }

  /** Records a 👍 or 👎 on a guide, anonymously. */
  public void feedback(String guideId, boolean helpful) {
    store.recordFeedback(guideId, helpful);
  }

  /**
   * The anonymous daily figures per guide over the last week. Not a command of its own: a channel
   * offers it only to the people who run the bot (Telegram: OPTOUT_ADMIN_IDS).
   */
  public Answer stats(Language language) {
    return stats.answer(language, AdminStats.DEFAULT_DAYS);
  }

  /** The language a chat is held in: chosen with /lang, else its last clear message's. */
  public Optional<Language> chatLanguage(String chatId) {
    ChatState state = store.load(chatId);
    return state.language().flatMap(Language::fromCode).or(() -> conversation.spoken(state));
  }

  /** The language a chat chose with /lang, if any. */
  public Optional<Language> chosenLanguage(String chatId) {
    return store.load(chatId).language().flatMap(Language::fromCode);
  }

  /** The names users type for each command, in every language ("/liste" is "/checklist"). */
  public CommandNames commandNames() {
    return names;
  }
}
