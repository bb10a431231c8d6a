package ch.optout.answer;

import ch.optout.knowledge.Section;
import ch.optout.search.Text;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Picks the lines of a passage that share the most words with the question. */
final class Snippets {
  private Snippets() {}

  /**
   * The section's prose, then up to {@code maxItems} of its items that overlap the question (all of
   * them when none does and there are few).
   */
  static List<String> best(Section section, String question, int maxItems) {
    Set<String> asked = stems(question);
    List<String> out = new ArrayList<>();
    if (!section.text().isBlank()) {
      out.add(section.text());
    }
    List<String> ranked = new ArrayList<>(section.items());
    ranked.sort(Comparator.comparingInt((String item) -> -overlap(stems(item), asked)));
    List<String> chosen =
        ranked.stream().filter(item -> overlap(stems(item), asked) > 0).limit(maxItems).toList();
    if (chosen.isEmpty() && section.items().size() <= maxItems) {
      chosen = section.items();
    }
    // keep the knowledge's own order
    for (String item : section.items()) {
      if (chosen.contains(item)) {
        out.add(item);
      }
    }
    return out;
  }

  /**
   * The {@code n} sentences or items, across sections, that best match the question, rarer shared
   * words counting more (an IDF over the candidates), so "private messages" beats "train".
   */
  static List<String> bestLines(List<Section> sections, String question, int n) {
    Set<String> asked = stems(question);
    List<String> candidates = new ArrayList<>();
    for (Section s : sections) {
      for (String sentence : s.text().split("(?<=[.!?])\\s+(?=[A-ZÀ-Ý«\"])")) {
        if (!sentence.isBlank()) {
          candidates.add(sentence.strip());
        }
      }
      candidates.addAll(s.items());
    }
    java.util.Map<String, Integer> df = new java.util.HashMap<>();
    List<Set<String>> stems = candidates.stream().map(Snippets::stems).toList();
    stems.forEach(set -> set.forEach(st -> df.merge(st, 1, Integer::sum)));
    double[] score = new double[candidates.size()];
    for (int i = 0; i < candidates.size(); i++) {
      for (String st : stems.get(i)) {
        if (asked.contains(st)) {
          score[i] += Math.log(1.0 + (double) candidates.size() / df.get(st));
        }
      }
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      if (score[i] > 0) {
        order.add(i);
      }
    }
    order.sort(Comparator.comparingDouble((Integer i) -> -score[i]));
    return order.stream().limit(n).map(candidates::get).distinct().toList();
  }

  private static int overlap(Set<String> a, Set<String> b) {
    int n = 0;
    for (String s : a) {
      if (b.contains(s)) {
        n++;
      }
    }
    return n;
  }

  /** Crude stems: folded words of four letters or more, cut to five. */
  static Set<String> stems(String text) {
    return stems(text, STOP);
  }

  /** The same, leaving out the words of {@code stop}. */
  static Set<String> stems(String text, Set<String> stop) {
    Set<String> stems = new HashSet<>();
    for (String w : Text.words(text)) {
      if (w.length() >= 4 && !stop.contains(w)) {
        stems.add(w.length() > 5 ? w.substring(0, 5) : w);
      }
    }
    return stems;
  }

  /** Words too common to say what a text is about. */
  static final Set<String> STOP =
      Set.of(
          "what",
          "when",
          "does",
          "with",
          "from",
          "that",
          "this",
          "your",
          "have",
          "about",
          "they",
          "their",
          "dans",
          "pour",
          "avec",
          "sont",
          "quel",
          "quelle",
          "quand",
          "comment",
          "votre",
          "vous",
          "leur",
          "cette",
          "utilise",
          "utiliser",
          "using",
          "used",
          "data",
          "donnees");
}
