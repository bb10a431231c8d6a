package ch.optout.understand;

import ch.optout.knowledge.Language;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Builds each language's {@link Classifiers} from its {@link LanguagePack} and the answer cards,
 * masking each exemplar once, whichever classifiers read it. Thread-safe: languages may be built in
 * parallel.
 */
final class ClassifierFactory {
  private final Masker masker;
  private final CardLabels cards;

  /** Exemplars masked before (at build time), and every exemplar masked here. */
  private final Map<String, String> known;

  private final Map<String, String> masks = new ConcurrentHashMap<>();

  /**
   * @param known exemplars already masked ({@link MaskSnapshot}), for a faster start
   */
  ClassifierFactory(Masker masker, CardLabels cards, Map<String, String> known) {
    this.masker = masker;
    this.cards = cards;
    this.known = Collections.unmodifiableMap(known);
  }

  /** One language's classifiers. */
  Classifiers build(LanguagePack pack) {
    Language language = pack.language();
    UnaryOperator<String> mask =
        t -> masks.computeIfAbsent(t, x -> known.containsKey(x) ? known.get(x) : masker.mask(x));
    UnaryOperator<String> unnamed = t -> Masker.withoutNames(mask.apply(t));
    List<Exemplar> questions = cards.questions(language);
    List<Exemplar> asked = new ArrayList<>(pack.exemplars("cards"));
    asked.addAll(questions);
    // a card's answer tells it from its guide's other cards, but is no way of asking
    asked.addAll(cards.answers(language));
    List<Exemplar> scope = new ArrayList<>(pack.exemplars("scope"));
    pack.exemplars("cards").forEach(c -> scope.add(new Exemplar("in", c.text())));
    questions.forEach(c -> scope.add(new Exemplar("in", c.text())));
    return new Classifiers(
        pack,
        new ExemplarClassifier(language, pack.exemplars("acts"), unnamed, true),
        new ExemplarClassifier(language, scope, mask, false),
        new ExemplarClassifier(language, pack.exemplars("shapes"), unnamed, true),
        // names masked: they are shared by every card of a guide
        new ExemplarClassifier(language, asked, mask, false));
  }

  /** Every exemplar with its names masked, sorted, for {@link MaskSnapshot}. */
  Map<String, String> masks() {
    return new TreeMap<>(masks);
  }
}
