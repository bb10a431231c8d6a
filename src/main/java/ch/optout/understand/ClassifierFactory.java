package ch.optout.understand;

import ch.optout.knowledge.Language;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Builds each language's {@link Classifiers} from its {@link LanguagePack} and the answer cards,
 * masking each exemplar once, whichever classifiers read it. Thread-safe: languages may be built in
 * parallel.
 */
final class ClassifierFactory {
  private final Masker masker;
  private final CardLabels cards;

  /** What the build worked out, and everything worked out here. */
  private final ExemplarSnapshot known;

  private final Map<String, String> masks = new ConcurrentHashMap<>();
  private final Map<Language, Map<String, Set<String>>> stems = new ConcurrentHashMap<>();

  /**
   * @param known exemplars already masked and stemmed at build time, for a faster start
   */
  ClassifierFactory(Masker masker, CardLabels cards, ExemplarSnapshot known) {
    this.masker = masker;
    this.cards = cards;
    this.known = known;
  }

  /** One language's classifiers. */
  Classifiers build(LanguagePack pack) {
    Language language = pack.language();
    UnaryOperator<String> mask = once(masks, known.masks(), masker::mask)::apply;
    // a form read by several classifiers (the cards' questions are in scope too) is stemmed once
    ExemplarAnalyzer analysis = new ExemplarAnalyzer(language);
    Function<String, Set<String>> stemmed =
        once(
            stems.computeIfAbsent(language, l -> new ConcurrentHashMap<>()),
            known.stems(language),
            analysis::stems);
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
        new ExemplarClassifier(analysis, pack.exemplars("acts"), unnamed, stemmed, true),
        new ExemplarClassifier(analysis, scope, mask, stemmed, false),
        new ExemplarClassifier(analysis, pack.exemplars("shapes"), unnamed, stemmed, true),
        // names masked: they are shared by every card of a guide
        new ExemplarClassifier(analysis, asked, mask, stemmed, false));
  }

  /**
   * Each text worked out once into {@code memo}: taken from what the build saved when it has it,
   * else computed.
   */
  private static <V> Function<String, V> once(
      Map<String, V> memo, Map<String, V> saved, Function<String, V> compute) {
    return t ->
        memo.computeIfAbsent(t, x -> saved.containsKey(x) ? saved.get(x) : compute.apply(x));
  }

  /** Every exemplar masked and every form stemmed, for the build to save (it sorts them). */
  ExemplarSnapshot snapshot() {
    Map<Language, Map<String, Set<String>>> copy = new HashMap<>();
    stems.forEach((l, m) -> copy.put(l, Map.copyOf(m)));
    return new ExemplarSnapshot(Map.copyOf(masks), copy);
  }
}
