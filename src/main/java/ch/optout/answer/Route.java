package ch.optout.answer;

import ch.optout.knowledge.Guide;
import ch.optout.knowledge.OptOutKind;
import ch.optout.understand.Act;
import java.util.List;
import java.util.Optional;

/**
 * How a question is answered, decided once by the {@link Router} from the reading alone; each kind
 * has one small composer.
 */
sealed interface Route {
  /** "Thanks", "hello", "are you a bot?": one line. */
  record SmallTalk(Act act) implements Route {}

  /** Not about AI and data, whatever platform it names: a short decline. */
  record OffTopic(Optional<Guide> platform) implements Route {}

  /** A service without a guide, named: said honestly, with the letter that still works. */
  record NotCovered(String service) implements Route {}

  /** Not enough to answer: one question back, with choices. */
  record Clarify(Kind kind, List<Guide> choices) implements Route {
    enum Kind {
      /** which platform? */
      PLATFORM,
      /** is this about AI using your data (on this platform)? */
      TOPIC,
      /** where do you live? (the authority depends on it) */
      COUNTRY
    }
  }

  /** Who to complain to, where the user lives. */
  record Complaint(String country, Optional<Guide> platform, Optional<Found> card)
      implements Route {}

  /** Cards of a law file or the article lead, then what to do on the platform if one is named. */
  record Law(List<Found> cards, Optional<Guide> platform) implements Route {}

  /** A platform's card(s) lead, then its one-line action. */
  record Card(Guide guide, List<Found> cards) implements Route {}

  /**
   * The one-line action, the steps for the device, the key caveats; a card first if asked, or, for
   * a card this guide lacks, that its sources say nothing about it.
   */
  record HowTo(Guide guide, List<Found> facts, Optional<String> unanswered) implements Route {
    HowTo(Guide guide, List<Found> facts) {
      this(guide, facts, Optional.empty());
    }
  }

  /** No card answers, but a line of the guide's own text does: it leads, then the action. */
  record Lines(Guide guide, List<String> lines) implements Route {}

  /** Every platform and its one-line action: "help me opt out everywhere". */
  record Checklist() implements Route {}

  /** One line per platform: what each offers, or the card asked about on each. */
  record Compare(List<Guide> guides, Optional<String> cardId) implements Route {}

  /** Every platform offering these kinds of opt-out, one line each. */
  record ByKind(List<OptOutKind> kinds) implements Route {}

  /** Passages from retrieval when no card answers: law or background. */
  record Passages() implements Route {}
}
