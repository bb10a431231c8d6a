package ch.optout.chat;

import ch.optout.knowledge.Language;
import ch.optout.store.ChatState;
import java.util.Optional;

/**
 * A {@link Choice} carried out: what its command does when typed, by the method that command runs,
 * without reading any text.
 */
final class Choices {
  private final Commands commands;
  private final SlashCommands slash;
  private final Checklist checklist;
  private final Letters letters;
  private final FollowUps followUps;
  private final PrivateFlows privateFlows;

  Choices(
      Commands commands,
      SlashCommands slash,
      Checklist checklist,
      Letters letters,
      FollowUps followUps,
      PrivateFlows privateFlows) {
    this.commands = commands;
    this.slash = slash;
    this.checklist = checklist;
    this.letters = letters;
    this.followUps = followUps;
    this.privateFlows = privateFlows;
  }

  /**
   * A choice carried out, as its command would be; in a group, a letter or the checklist, which run
   * only in a private chat, get the line that moves them there.
   *
   * @param state the chat's state before the choice
   */
  Reply choose(String chatId, Choice choice, Language language, ChatState state, boolean group) {
    Optional<Reply> elsewhere = group ? elsewhere(choice, language) : Optional.empty();
    return elsewhere.orElseGet(() -> carryOut(chatId, choice, language, state));
  }

  private Optional<Reply> elsewhere(Choice choice, Language language) {
    if (choice instanceof Choice.WriteLetter l) {
      return Optional.of(privateFlows.letter(l.platform(), language));
    }
    boolean checklistChoice =
        choice instanceof Choice.OpenChecklist
            || choice instanceof Choice.PickAll
            || choice instanceof Choice.PickSome
            || choice instanceof Choice.MarkItem;
    return checklistChoice ? Optional.of(privateFlows.checklist(language)) : Optional.empty();
  }

  /**
   * Why a choice from an older message must not act: see {@link Checklist#refusal}; empty when it
   * may.
   */
  Optional<String> refusal(String chatId, Choice choice, Language language) {
    return choice instanceof Choice.MarkItem m
        ? checklist.refusal(chatId, m, language)
        : Optional.empty();
  }

  /**
   * @throws IllegalArgumentException for a {@link Choice.NamePlatform}, which is a message to
   *     answer, not a command
   */
  private Reply carryOut(String chatId, Choice choice, Language language, ChatState state) {
    if (choice instanceof Choice.OpenChecklist) {
      return checklist.open(chatId, language);
    }
    if (choice instanceof Choice.PickAll) {
      return checklist.startAll(chatId, language);
    }
    if (choice instanceof Choice.PickSome p) {
      return checklist.startPicked(chatId, p.numbers(), language);
    }
    if (choice instanceof Choice.MarkItem m) {
      return checklist.mark(chatId, m, language);
    }
    if (choice instanceof Choice.WriteLetter l) {
      return commands.letter(chatId, l.platform(), language);
    }
    if (choice instanceof Choice.LetterRegion r) {
      // the law buttons of a waiting letter: the choice, then the letter itself
      return letters
          .answer(chatId, r.regime(), language, state)
          .orElseGet(() -> letters.setRegion(chatId, r.regime(), language));
    }
    if (choice instanceof Choice.RemindMe r) {
      return followUps.remind(chatId, r.subject(), r.kind(), r.sentOn(), language);
    }
    if (choice instanceof Choice.Follow f) {
      return followUps.follow(chatId, f.platform(), language);
    }
    if (choice instanceof Choice.Unfollow u) {
      return followUps.unfollow(chatId, u.platform(), language);
    }
    if (choice instanceof Choice.ReminderAnswer a) {
      return followUps.outcome(chatId, a.outcome(), a.subject(), language);
    }
    if (choice instanceof Choice.OpenGuide g) {
      // a guide no longer in the knowledge: the welcome, as /start says it
      return slash
          .guide(chatId, g.platformId(), language)
          .orElseGet(() -> Reply.of(commands.start(language)));
    }
    if (choice instanceof Choice.SetLanguage s) {
      return Reply.of(commands.lang(chatId, s.language()));
    }
    throw new IllegalArgumentException("not a command: " + choice);
  }
}
