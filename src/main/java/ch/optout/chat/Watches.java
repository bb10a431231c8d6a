package ch.optout.chat;

import ch.optout.answer.Answer;
import ch.optout.answer.Messages;
import ch.optout.knowledge.Change;
import ch.optout.knowledge.Guide;
import ch.optout.knowledge.KnowledgeBase;
import ch.optout.knowledge.Language;
import ch.optout.knowledge.OptOutKind;
import ch.optout.search.PlatformMatcher;
import ch.optout.store.ChatStore;
import ch.optout.store.Watch;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Platforms a chat follows ({@code /watch}) and the alert each dated change of their guides makes:
 * what changed, what to do, by when, where. Only the changes that reach the knowledge after a chat
 * began following are news to it.
 */
final class Watches {
  private static final List<String> OFF = List.of("off", "stop", "non", "arreter", "arrêter");

  private final KnowledgeBase knowledge;
  private final PlatformMatcher platforms;
  private final Function<String, String> names;
  private final Messages messages;
  private final ChatStore store;
  private final Clock clock;

  /**
   * @param names the name to show for a guide id
   */
  Watches(
      KnowledgeBase knowledge,
      PlatformMatcher platforms,
      Function<String, String> names,
      Messages messages,
      ChatStore store,
      Clock clock) {
    this.knowledge = knowledge;
    this.platforms = platforms;
    this.names = names;
    this.messages = messages;
    this.store = store;
    this.clock = clock;
  }

  /** Every change the guides record, oldest first per platform. */
  List<FollowUps.Known> changes() {
    List<FollowUps.Known> all = new ArrayList<>();
    for (Guide g : knowledge.guides(Language.fallback())) {
      g.changes().forEach(c -> all.add(new FollowUps.Known(g.id(), c.id())));
    }
    return all;
  }

  /** /watch lists; /watch linkedin follows (or renews); /watch off linkedin stops. */
  Reply command(String chatId, String argument, Language language) {
    String[] words = argument.strip().split("\\s+", 2);
    if (words[0].isEmpty()) {
      return list(chatId, language);
    }
    boolean off = OFF.contains(words[0].toLowerCase(Locale.ROOT));
    return off
        ? unfollow(chatId, words.length > 1 ? words[1] : "", language)
        : follow(chatId, argument.strip(), language);
  }

  /** Stops following a platform named by its id or its name. */
  Reply unfollow(String chatId, String named, Language language) {
    Optional<String> platform = guide(named);
    if (platform.isEmpty()) {
      return unknown(named, language);
    }
    String id = platform.get();
    String key = store.unwatch(chatId, id) ? "watch.off" : "watch.off.none";
    return Reply.of(Answer.message(language, "", messages.get(language, key, names.apply(id))));
  }

  /** Follows (or renews) a platform named by its id or its name. */
  Reply follow(String chatId, String named, Language language) {
    Optional<String> platform = guide(named);
    if (platform.isEmpty()) {
      return unknown(named, language);
    }
    String id = platform.get();
    boolean already = following(chatId, id);
    // what the knowledge holds now is not news to this chat
    List<String> known =
        knowledge.findAny(id, Language.fallback()).map(Guide::changes).orElse(List.of()).stream()
            .map(Change::id)
            .toList();
    String channel = FollowUps.channel(chatId);
    store.watch(chatId, channel, new Watch(id, language.code(), clock.instant()), known);
    String key =
        already
            ? "watch.already"
            : channel.equals(FollowUps.TELEGRAM) ? "watch.set" : "watch.set.terminal";
    return Reply.of(Answer.message(language, "", messages.get(language, key, names.apply(id), id)));
  }

  private Reply unknown(String named, Language language) {
    String shown = named.length() > 40 ? named.substring(0, 40) + "…" : named;
    return Reply.of(
        Answer.message(language, "", messages.get(language, "watch.unknown", shown)).asDecline());
  }

  private Reply list(String chatId, Language language) {
    List<Watch> watches = store.watches(chatId);
    if (watches.isEmpty()) {
      return Reply.of(Answer.message(language, "", messages.get(language, "watch.list.empty")));
    }
    StringBuilder body = new StringBuilder();
    for (Watch w : watches) {
      body.append("• ")
          .append(
              messages.get(
                  language,
                  "watch.list.item",
                  names.apply(w.platformId()),
                  Timeline.day(LocalDate.ofInstant(w.since(), clock.getZone()), language)))
          .append('\n');
    }
    body.append('\n').append(messages.get(language, "watch.list.stop"));
    return Reply.of(
        Answer.message(language, messages.get(language, "watch.list.title"), body.toString()));
  }

  /** Under a guide: following its platform, unless the chat does. */
  Optional<Reply.Offer> offer(String chatId, String platformId, Language language) {
    return following(chatId, platformId)
        ? Optional.empty()
        : Reply.Offer.ifFits(messages.get(language, "choice.watch"), new Choice.Follow(platformId));
  }

  /**
   * The alert for a change; empty when the guide or the change is no longer in the knowledge. A
   * platform without a setting or a form gets the letter.
   */
  Optional<Reply> alert(String platformId, String changeId, Language language) {
    Optional<Guide> guide = knowledge.findAny(platformId, language);
    Optional<Change> change = guide.flatMap(g -> g.change(changeId));
    if (change.isEmpty()) {
      return Optional.empty();
    }
    Guide g = guide.get();
    Change c = change.get();
    boolean letter = c.act() && g.optOut().filter(k -> k == OptOutKind.NONE).isPresent();
    List<String> lead = new ArrayList<>();
    lead.add(c.summary());
    if (c.act()) {
      lead.addAll(whatToDo(g, c, letter, language));
    } else {
      lead.add(messages.get(language, "alert.noAct", g.platform()));
    }
    g.link().ifPresent(u -> lead.add(messages.get(language, "alert.link", u)));
    lead.add(messages.get(language, "alert.stop", g.id()));
    List<Reply.Offer> choices = new ArrayList<>();
    Reply.Offer.ifFits(messages.get(language, "choice.guide"), new Choice.OpenGuide(g.id()))
        .ifPresent(choices::add);
    if (letter) {
      Reply.Offer.ifFits(messages.get(language, "choice.letter"), new Choice.WriteLetter(g.id()))
          .ifPresent(choices::add);
    }
    Reply.Offer.ifFits(messages.get(language, "choice.watch.off"), new Choice.Unfollow(g.id()))
        .ifPresent(choices::add);
    return Optional.of(
        Reply.of(
            Answer.message(
                language,
                messages.get(language, "alert.title", g.platform()),
                String.join("\n\n", lead)),
            choices));
  }

  /** The action (a setting, a form) or the letter, and the deadline, past or to come. */
  private List<String> whatToDo(Guide g, Change c, boolean letter, Language language) {
    List<String> lines = new ArrayList<>();
    if (letter) {
      lines.add(messages.get(language, "alert.letter", g.platform(), g.id()));
    } else if (!g.action().isBlank()) {
      lines.add(messages.get(language, "alert.act", g.action()));
    }
    c.deadline()
        .ifPresent(
            d ->
                lines.add(
                    messages.get(
                        language,
                        d.isBefore(LocalDate.now(clock)) ? "alert.deadline.past" : "alert.deadline",
                        Timeline.day(d, language))));
    return lines;
  }

  /**
   * For a channel that tells a chat itself when it opens (the terminal): the alerts of changes not
   * told yet to it, each recorded as told.
   */
  List<Reply> untold(String chatId) {
    List<Reply> alerts = new ArrayList<>();
    List<FollowUps.Known> changes = changes();
    for (Watch w : store.watches(chatId)) {
      Language language = Language.fromCode(w.language()).orElse(Language.fallback());
      for (FollowUps.Known k : changes) {
        if (k.platformId().equals(w.platformId())
            && store.tell(chatId, k.platformId(), k.changeId())) {
          alert(k.platformId(), k.changeId(), language).ifPresent(alerts::add);
        }
      }
    }
    return alerts;
  }

  /** /mydata's line about the platforms followed; empty when none. */
  Optional<String> describe(List<Watch> watches, Language language) {
    if (watches.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder b = new StringBuilder(messages.get(language, "mydata.watches"));
    for (Watch w : watches) {
      b.append("\n   – ")
          .append(
              messages.get(
                  language,
                  "mydata.watch.item",
                  names.apply(w.platformId()),
                  LocalDate.ofInstant(w.since(), clock.getZone())));
    }
    return Optional.of(b.toString());
  }

  /** A covered platform by id or by name ("linkedin", "LinkedIn", "instagram" is Meta). */
  Optional<String> guide(String named) {
    String id = named.strip().toLowerCase(Locale.ROOT);
    if (isGuide(id)) {
      return Optional.of(id);
    }
    return platforms.platforms(named).stream().filter(this::isGuide).findFirst();
  }

  boolean isGuide(String id) {
    return knowledge.isGuide(id);
  }

  private boolean following(String chatId, String platformId) {
    return store.watches(chatId).stream().anyMatch(w -> w.platformId().equals(platformId));
  }
}
