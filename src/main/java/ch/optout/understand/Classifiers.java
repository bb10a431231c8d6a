package ch.optout.understand;

import java.util.List;

/** The four classifiers of one language and its word lists. */
record Classifiers(
    LanguagePack pack,
    ExemplarClassifier acts,
    ExemplarClassifier scope,
    ExemplarClassifier shapes,
    ExemplarClassifier cards) {

  /** The four, in the order {@link LanguagePack#TASKS} names them. */
  List<ExemplarClassifier> all() {
    return List.of(acts, scope, shapes, cards);
  }
}
