package ch.optout.answer;

import ch.optout.knowledge.Card;
import ch.optout.knowledge.Guide;
import ch.optout.knowledge.KnowledgeBase;
import ch.optout.knowledge.Language;
import java.util.List;
import java.util.Optional;

/** The guides and cards a {@link ch.optout.understand.Reading} names, in its language if any. */
final class CardLookup {
  private final KnowledgeBase knowledge;

  CardLookup(KnowledgeBase knowledge) {
    this.knowledge = knowledge;
  }

  /** A law or article card by {@code doc#id}, in the question's language if there is one. */
  Optional<Found> found(String label, Language language) {
    int hash = label.indexOf('#');
    if (hash < 0) {
      return Optional.empty();
    }
    Optional<Guide> doc = knowledge.findAny(label.substring(0, hash), language);
    Optional<Card> card = doc.flatMap(d -> d.card(label.substring(hash + 1)));
    return card.map(c -> new Found(doc.get(), c));
  }

  /** The guides of these ids that the knowledge has, in order. */
  List<Guide> guides(List<String> ids, Language language) {
    return ids.stream()
        .map(id -> knowledge.findAny(id, language))
        .flatMap(Optional::stream)
        .toList();
  }
}
