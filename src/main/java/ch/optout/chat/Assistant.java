package ch.optout.chat;

import ch.optout.answer.Answer;
import ch.optout.answer.AnswerComposer;
import ch.optout.answer.ExtractiveComposer;
import ch.optout.answer.LetterWriter;
import ch.optout.answer.Messages;
import ch.optout.answer.Queries;
import ch.optout.answer.Question;
import ch.optout.knowledge.DocumentKind;
import ch.optout.knowledge.KnowledgeBase;
import ch.optout.knowledge.Language;
import ch.optout.search.KnowledgeSearch;
import ch.optout.search.ScoredPassage;
import ch.optout.store.ChatState;
import ch.optout.store.ChatStore;
import ch.optout.understand.Act;
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
  /** Follow-ups ("and on my phone?") use the last platform for this long. */
  static final java.time.Duration CONTEXT_TTL = ChatState.CONTEXT_TTL;

  private final Understander understander;
  private final KnowledgeSearch search;
  private final AnswerComposer composer;
  private final ExtractiveComposer extractive;
  private final Messages messages;
  private final ChatStore store;
  private final KnowledgeBase knowledge;
  private final Conversation conversation;
  private final Commands commands;
  private final Checklist checklist;
  private final Letters letters;
  private final FollowThrough followThrough;
  private final FollowUps followUps;
  private final AdminStats stats;
  private final PrivateFlows privateFlows;

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
    this.search = search;
    this.composer = composer;
    this.extractive = extractive;
    this.messages = messages;
    this.store = store;
    this.knowledge = search.index().knowledge();
    this.conversation = new Conversation(knowledge, store, clock);
    LetterWriter writer = new LetterWriter(knowledge, messages, clock);
    this.letters =
        new Letters(
            writer, understander.platforms(), understander.uncovered(), messages, store, clock);
    this.checklist =
        new Checklist(
            knowledge,
            extractive,
            messages,
            store,
            clock,
            new Timeline(store, letters::displayName, messages));
    this.followThrough = new FollowThrough(writer, letters, messages);
    this.followUps =
        new FollowUps(knowledge, understander.platforms(), letters, messages, store, clock);
    this.commands =
        new Commands(
            knowledge,
            understander.platforms(),
            understander.uncovered(),
            extractive,
            messages,
            store,
            version,
            checklist,
            letters,
            followUps,
            ch.optout.answer.LlmComposer.sendsQuestionsAway(composer));
    this.stats = new AdminStats(store, messages, understander.platforms(), clock);
    this.privateFlows =
        new PrivateFlows(knowledge, understander.platforms(), understander.uncovered(), messages);
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
    Optional<Language> spoken = conversation.spoken(state);
    Language fallback =
        group
            ? pinned.or(() -> clientLanguage).or(() -> spoken).orElse(Language.EN)
            : pinned.or(() -> spoken).or(() -> clientLanguage).orElse(Language.EN);
    Input.Cleaned input = Input.clean(text);
    if (input.text().startsWith("/")) {
      if (group) {
        Optional<Reply> elsewhere = privateFlows.forCommand(input.text(), fallback);
        if (elsewhere.isPresent()) {
          return elsewhere.get();
        }
      }
      return command(chatId, input.text(), fallback, state);
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
      return truncated(byAct(chatId, r, state), input);
    }
    if (Letters.isWaitingForPlatform(state)) {
      // "/letter" alone asked which platform: this message names it, unless it is a real question
      Optional<Reply> named = letterFor(chatId, input.text(), r, state);
      if (named.isPresent()) {
        return named.get();
      }
    }
    Optional<Reply> flow =
        checklist
            .answer(chatId, input.text(), r.language(), state)
            .or(() -> letters.answer(chatId, input.text(), r.language(), state));
    if (flow.isPresent()) {
      return flow.get();
    }
    return truncated(byAct(chatId, r, state), input);
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

  /** What the message does decides who answers it. */
  private Reply byAct(String chatId, Reading r, ChatState state) {
    switch (r.act()) {
      case MORE:
        // "plus" after an English answer: the rest comes in the conversation's language
        return more(
            chatId,
            r.toBuilder().language(conversation.spoken(state).orElse(r.language()), true).build());
      case LETTER:
        if (r.scope() != ch.optout.understand.Scope.OUT) {
          return letter(chatId, r, state);
        }
        break;
      case WHERE_TO_SEND:
        Optional<Answer> address = followThrough.whereToSend(r, letters.target(state));
        if (address.isPresent()) {
          return new Reply(address.get(), Optional.of(r));
        }
        break;
      case CHECKLIST:
        if (r.platforms().isEmpty()) {
          return withReading(checklist.pick(chatId, r.language()), r);
        }
        break;
      case PROGRESS:
        return withReading(checklist.open(chatId, r.language()), r);
      case CORRECTION:
        return correction(chatId, r, state);
      case REGION:
        if (r.country().isPresent() && r.platforms().isEmpty()) {
          return withReading(Reply.of(followThrough.countryNoted(r)), r);
        }
        break;
      default:
        break;
    }
    return answer(chatId, r, state);
  }

  /** A question answered from the knowledge, remembered for follow-ups. */
  private Reply answer(String chatId, Reading r, ChatState state) {
    List<ScoredPassage> hits =
        r.scope() == ch.optout.understand.Scope.OUT ? List.of() : search.retrieve(Queries.of(r));
    Answer answer = composer.compose(new Question(r, hits));
    if (Checklist.isChecklist(state)
        && state.lastPlatform().filter(p -> !p.equals(Checklist.PICKING)).isPresent()
        && answer.answered()) {
      // a question in the middle of the checklist: answered, and the checklist waits where it was
      String current = understander.platforms().name(state.lastPlatform().get());
      answer = answer.withNote(messages.get(answer.language(), "checklist.resume", current));
      answer.platformId().ifPresent(store::countAnswer);
      return new Reply(answer, Optional.of(r), choices(r, answer));
    }
    if (answer.kind() == ch.optout.answer.AnswerKind.CLARIFY) {
      // the next message may name the platform: the card asked waits with the question
      conversation.awaitPlatform(chatId, r);
    } else {
      conversation.remember(chatId, state, r, answer, "HOW_TO");
    }
    List<Reply.Choice> choices = new java.util.ArrayList<>(choices(r, answer));
    choices.addAll(offers(chatId, answer));
    return new Reply(answer, Optional.of(r), choices);
  }

  /** After a platform's guide: follow it, and, where it has a form, a reminder once it is sent. */
  private List<Reply.Choice> offers(String chatId, Answer answer) {
    if (answer.kind() != ch.optout.answer.AnswerKind.GUIDE
        || !answer.answered()
        || answer.platformId().isEmpty()) {
      return List.of();
    }
    return followUps.afterGuide(chatId, answer.platformId().get(), answer.language());
  }

  /**
   * An answer a channel produced without a message (a platform tapped in a list), with the choices
   * that follow it: following the platform, a reminder after its form.
   */
  public Reply withOffers(String chatId, Answer answer) {
    return new Reply(answer, Optional.empty(), offers(chatId, answer));
  }

  /** Reminders and alerts: the messages a channel sends or shows when they fall due. */
  public FollowUps followUps() {
    return followUps;
  }

  /** "Which platform?" offers the most asked ones as buttons: tapping one sends its name. */
  private List<Reply.Choice> choices(Reading r, Answer answer) {
    if (answer.kind() != ch.optout.answer.AnswerKind.CLARIFY || answer.platformId().isPresent()) {
      return List.of();
    }
    return understander.popular().stream()
        .map(id -> knowledge.findAny(id, r.language()))
        .flatMap(Optional::stream)
        .map(g -> new Reply.Choice(g.platform(), shortName(g.platform())))
        .toList();
  }

  /** "Meta (Facebook, Instagram, Threads)" is typed as "Meta". */
  private static String shortName(String platform) {
    int paren = platform.indexOf('(');
    return (paren > 0 ? platform.substring(0, paren) : platform).strip();
  }

  /** "write me a letter": for the platform named, else the one in context. */
  private Reply letter(String chatId, Reading r, ChatState state) {
    Optional<ch.optout.store.Region> region = r.country().flatMap(Regimes::letterRegion);
    return withReading(
        letters.request(chatId, r.question(), r.platformIds(), r.uncovered(), r.language(), region),
        r);
  }

  /** The message after "/letter" alone: a name, or a short request naming one. */
  private Optional<Reply> letterFor(String chatId, String text, Reading r, ChatState state) {
    boolean naming =
        r.act() == Act.LETTER
            || ((!r.platforms().isEmpty() || r.uncovered().isPresent())
                && text.strip().split("\\s+").length <= 6)
            || isShortName(text);
    store.save(chatId, state.withoutContext());
    if (!naming) {
      return Optional.empty();
    }
    return Optional.of(
        withReading(
            letters.request(
                chatId,
                text,
                r.platformIds(),
                r.uncovered().or(() -> Optional.of(text.strip())),
                r.language(),
                r.country().flatMap(Regimes::letterRegion)),
            r));
  }

  /** "no, I meant Facebook": the same question, about the platform now named. */
  private Reply correction(String chatId, Reading r, ChatState state) {
    // a law card is not asked again of another platform
    Optional<String> card = conversation.lastCard(state).filter(c -> !c.contains("#"));
    Reading again =
        r.toBuilder()
            .act(Act.QUESTION)
            .shape(
                card.isPresent()
                    ? ch.optout.understand.Shape.FACT
                    : ch.optout.understand.Shape.HOW_TO)
            .cardsByDocument(
                card.map(
                        c ->
                            r.platformIds().stream()
                                .collect(
                                    java.util.stream.Collectors.toMap(
                                        p -> p, p -> List.of(new Reading.Asked(c, 9.0)))))
                    .orElse(r.cardsByDocument()))
            .build();
    return answer(chatId, again, state);
  }

  private Reply command(String chatId, String text, Language language, ChatState state) {
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
    Optional<String> platform =
        knowledge
            .findAny(argument.toLowerCase(java.util.Locale.ROOT), language)
            .filter(g -> g.kind() == DocumentKind.GUIDE)
            .map(g -> g.id())
            .or(() -> understander.platforms().platforms(argument).stream().findFirst());
    return platform.flatMap(p -> openGuide(chatId, p, language)).map(a -> withOffers(chatId, a));
  }

  /** A reply that could be a service's name: a few words, no question. */
  private static boolean isShortName(String text) {
    String t = text.strip();
    return !t.isEmpty() && t.length() <= 40 && t.split("\\s+").length <= 3 && !t.contains("?");
  }

  private static Reply withReading(Reply reply, Reading r) {
    return new Reply(reply.answer(), Optional.of(r), reply.choices());
  }

  /** "more", « plus »: the rest of the guide in context. */
  private Reply more(String chatId, Reading r) {
    Optional<String> platform = r.platformIds().stream().findFirst();
    if (platform.isEmpty()) {
      return new Reply(
          Answer.message(r.language(), "", messages.get(r.language(), "more.none")),
          Optional.of(r));
    }
    Answer answer = extractive.more(platform.get(), r.language());
    conversation.rememberPlatform(chatId, platform.get(), r.language());
    return new Reply(answer, Optional.of(r));
  }

  /**
   * The full guide answer for one platform, e.g. to lay out its steps again. Counts nothing: see
   * {@link #openGuide}.
   */
  public Optional<Answer> guide(String platformId, Language language) {
    if (knowledge.findAny(platformId, language).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(extractive.guide(platformId, language));
  }

  /**
   * A guide the user opened (a platform tapped in a list): counted once, and remembered as the
   * conversation's platform so that follow-ups are about it.
   */
  public Optional<Answer> openGuide(String chatId, String platformId, Language language) {
    if (knowledge.findAny(platformId, language).isEmpty()) {
      return Optional.empty();
    }
    store.countAnswer(platformId);
    conversation.rememberPlatform(chatId, platformId, language);
    return Optional.of(extractive.howTo(platformId, language, -1));
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
    if (knowledge.findAny(platformId, language).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(extractive.howTo(platformId, language, group));
  }

  /**
   * The articles for an inline query, in the query's language, else the app's; stores and counts
   * nothing. An empty query gets the most asked platforms' short answers; a query naming a platform
   * gets the answer to it (a fact question its fact, a how-to its action and steps); a query naming
   * a service without a guide gets the one answer saying so; anything else, nothing.
   */
  public List<Answer> inlineAnswers(String query, Optional<Language> app) {
    Input.Cleaned input = Input.clean(query);
    Language language = app.orElse(Language.EN);
    if (input.text().isBlank()) {
      return understander.popular().stream()
          .filter(id -> knowledge.findAny(id, language).isPresent())
          .map(id -> extractive.howTo(id, language, -1))
          .toList();
    }
    Reading r = understander.read(input.text(), language);
    if (r.platforms().isEmpty() && r.uncovered().isEmpty()) {
      return List.of();
    }
    Answer a = composer.compose(new Question(r, search.retrieve(Queries.of(r))));
    boolean saysNoGuide =
        r.platforms().isEmpty() && a.kind() == ch.optout.answer.AnswerKind.DECLINE;
    return a.answered() || saysNoGuide ? List.of(a) : List.of();
  }

  /**
   * Whether a quick choice tapped on an older message would change what it no longer applies to (a
   * checklist item already done or skipped, or not the one on screen now).
   *
   * @param command the choice's command, as {@link Reply.Choice#command()} wrote it
   * @return why it is refused, for the channel to show instead of acting; empty when it may act
   */
  public Optional<String> refusedChoice(String chatId, String command, Language language) {
    String[] parts = command.strip().split("\\s+", 2);
    if (parts.length == 2 && parts[0].equalsIgnoreCase("/checklist")) {
      return checklist.refusal(chatId, parts[1], language);
    }
    return Optional.empty();
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

  /**
   * The language a chat is held in: chosen with /lang, else the one of its last clear message while
   * the conversation's context lasts.
   */
  public Optional<Language> chatLanguage(String chatId) {
    ChatState state = store.load(chatId);
    return state.language().flatMap(Language::fromCode).or(() -> conversation.spoken(state));
  }

  /** The language a chat chose with /lang, if any. */
  public Optional<Language> chosenLanguage(String chatId) {
    return store.load(chatId).language().flatMap(Language::fromCode);
  }
}
