package ch.optout.understand;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What each classifier makes of a message, label by label (vote, coverage, cosine), for tuning:
 * {@code optout understand --explain}.
 */
final class Explanation {
  private Explanation() {}

  /**
   * @param masked the message with its names masked, as the scope and cards classifiers read it
   * @param unnamed the message without its names and places, as the acts and shapes ones read it
   * @param vector the message's cosines with every exemplar, once the model is ready
   */
  static Map<String, List<String>> of(
      Classifiers c, String masked, String unnamed, Optional<double[]> vector) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    out.put("masked", List.of(masked));
    Map<String, ExemplarClassifier> all = new LinkedHashMap<>();
    all.put("acts", c.acts());
    all.put("scope", c.scope());
    all.put("shapes", c.shapes());
    all.put("cards", c.cards());
    all.forEach(
        (task, classifier) -> {
          boolean named = task.equals("scope") || task.equals("cards");
          ExemplarClassifier.Result r = classifier.classify(named ? masked : unnamed, vector);
          if (task.equals("cards")) {
            out.putAll(cards(r));
          }
          out.put(
              task,
              r.votes().stream()
                  .limit(5)
                  .map(
                      v ->
                          String.format(
                              Locale.ROOT,
                              "%s v%.2f t%.2f s%.2f",
                              v.label(),
                              v.score(),
                              r.similarity(v.label()),
                              r.cosine(v.label())))
                  .toList());
        });
    return out;
  }

  /** The cards classifier's scores by guide's card, then by label. */
  private static Map<String, List<String>> cards(ExemplarClassifier.Result r) {
    Set<String> labels = new TreeSet<>(r.similarity().keySet());
    labels.addAll(r.cosine().keySet());
    r.votes().forEach(v -> labels.add(v.label()));
    Map<String, List<String>> out = new LinkedHashMap<>();
    Map<String, List<String>> groups = new TreeMap<>();
    r.byGroup()
        .forEach(
            (k, v) ->
                groups
                    .computeIfAbsent("group", x -> new ArrayList<>())
                    .add(String.format(Locale.ROOT, "%s t%.3f s%.3f", k, v[0], v[1])));
    out.putAll(groups);
    out.put(
        "cards-all",
        labels.stream()
            .map(
                l ->
                    String.format(
                        Locale.ROOT,
                        "%s v%.3f t%.3f s%.3f",
                        l,
                        r.score(l),
                        r.similarity(l),
                        r.cosine(l)))
            .toList());
    return out;
  }
}
