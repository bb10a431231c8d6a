package ch.optout.chat;

import ch.optout.answer.Answer;
import ch.optout.answer.Messages;
import ch.optout.knowledge.Guide;
import ch.optout.knowledge.KnowledgeBase;
import ch.optout.knowledge.Language;
import ch.optout.search.PlatformMatcher;
import ch.optout.search.UncoveredServices;
import ch.optout.understand.Act;
import ch.optout.understand.Reading;
import ch.optout.understand.Scope;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What runs only in a private chat: a letter (a name to sign, the law one lives under) and the
 * checklist (the platforms one uses). Asked in a group, they get one line and the start payload
 * that begins them in private ({@code letter_tiktok}, {@code checklist}); {@code /start} with that
 * payload, there, begins them. A payload holds only a guide's id or a name from the list of
 * services without a guide, never words the user typed.
 */
final class PrivateFlows {
  private static final String LETTER = "letter";
  private static final String CHECKLIST = "checklist";
  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,55}");

  /**
   * A flow to begin in private.
   *
   * @param platformIds the letter's platform, when it has a guide
   * @param service the letter's service, when it has none
   */
  record Start(boolean checklist, List<String> platformIds, Optional<String> service) {}

  private final KnowledgeBase knowledge;
  private final PlatformMatcher platforms;
  private final UncoveredServices uncovered;
  private final Messages messages;
  private final CommandNames names;

  PrivateFlows(
      KnowledgeBase knowledge,
      PlatformMatcher platforms,
      UncoveredServices uncovered,
      Messages messages,
      CommandNames names) {
    this.names = names;
    this.knowledge = knowledge;
    this.platforms = platforms;
    this.uncovered = uncovered;
    this.messages = messages;
  }

  /** "/letter tiktok", "/checklist" and their names in other languages, typed in a group. */
  Optional<Reply> forCommand(String text, Language language) {
    String[] parts = text.strip().split("\\s+", 2);
    String name = parts[0].toLowerCase(Locale.ROOT);
    int at = name.indexOf('@');
    if (at > 0) {
      name = name.substring(0, at);
    }
    String argument = parts.length > 1 ? parts[1].strip() : "";
    return switch (names.command(name)) {
      case "/checklist" -> Optional.of(checklist(language));
      case "/letter" -> Optional.of(letter(argument, language));
      default -> Optional.empty();
    };
  }

  /** "/letter tiktok" in a group, by what follows the command. */
  Reply letter(String argument, Language language) {
    return letter(
        platforms.platforms(argument),
        uncovered.find(argument).map(UncoveredServices.Match::name),
        language);
  }

  /** A letter or the checklist asked in words, in a group. */
  Optional<Reply> forReading(Reading r) {
    if (r.act() == Act.LETTER && r.scope() != Scope.OUT) {
      return Optional.of(withReading(letter(r.platformIds(), r.uncovered(), r.language()), r));
    }
    if ((r.act() == Act.CHECKLIST && r.platforms().isEmpty()) || r.act() == Act.PROGRESS) {
      return Optional.of(withReading(checklist(r.language()), r));
    }
    return Optional.empty();
  }

  /** The flow a start payload begins, if it names one. */
  Optional<Start> start(String payload) {
    String p = payload.strip().toLowerCase(Locale.ROOT);
    if (p.equals(CHECKLIST)) {
      return Optional.of(new Start(true, List.of(), Optional.empty()));
    }
    if (p.equals(LETTER)) {
      return Optional.of(new Start(false, List.of(), Optional.empty()));
    }
    if (!p.startsWith(LETTER + "_") || !SLUG.matcher(p.substring(LETTER.length() + 1)).matches()) {
      return Optional.empty();
    }
    String id = p.substring(LETTER.length() + 1);
    if (knowledge.isGuide(id)) {
      return Optional.of(new Start(false, List.of(id), Optional.empty()));
    }
    // a service without a guide travels as its listed name, folded: "ray-ban-meta-glasses"
    return Optional.of(
        new Start(
            false,
            List.of(),
            uncovered.find(id.replace('-', ' ')).map(UncoveredServices.Match::name)));
  }

  private Reply letter(List<String> platformIds, Optional<String> service, Language language) {
    Optional<String> id =
        platformIds.stream().filter(p -> knowledge.findAny(p, language).isPresent()).findFirst();
    Optional<String> name =
        id.flatMap(p -> knowledge.findAny(p, language).map(Guide::platform)).or(() -> service);
    Optional<String> payload =
        id.or(() -> service.map(PrivateFlows::slug).filter(s -> !s.isEmpty()))
            .map(s -> LETTER + "_" + s);
    String text =
        name.isPresent()
            ? messages.get(language, "group.private.letter", name.get())
            : messages.get(language, "group.private.letter.any");
    return new Reply(
        Answer.message(language, "", text),
        Optional.empty(),
        List.of(),
        Optional.of(payload.filter(p -> p.length() <= 64).orElse(LETTER)));
  }

  /** The checklist, asked in a group. */
  Reply checklist(Language language) {
    return new Reply(
        Answer.message(language, "", messages.get(language, "group.private.checklist")),
        Optional.empty(),
        List.of(),
        Optional.of(CHECKLIST));
  }

  /** "Ray-Ban Meta glasses" as "ray-ban-meta-glasses". */
  private static String slug(String name) {
    return ch.optout.search.Text.words(name).stream()
        .map(w -> w.replaceAll("[^a-z0-9]", ""))
        .filter(w -> !w.isEmpty())
        .reduce((a, b) -> a + "-" + b)
        .orElse("");
  }

  private static Reply withReading(Reply reply, Reading r) {
    return new Reply(reply.answer(), Optional.of(r), reply.choices(), reply.privateStart());
  }
}
