package ch.optout.answer;

import ch.optout.knowledge.Card;
import ch.optout.knowledge.Guide;
import ch.optout.knowledge.Source;
import java.util.List;
import java.util.Optional;

/** An answer card and the document it belongs to, whose sources it cites. */
record Found(Guide guide, Card card) {
  /** The sources the card's answer cites, in order. */
  List<Source> cited() {
    return card.citations().stream().map(guide::source).flatMap(Optional::stream).toList();
  }

  /** {@code <document id>#<card id>}, as {@link Answer#cards()} lists it. */
  String id() {
    return guide.id() + "#" + card.id();
  }
}
