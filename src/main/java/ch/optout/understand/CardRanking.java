package ch.optout.understand;

import ch.optout.search.Text;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The cards a message asks for, from the cards classifier's result: overall and per document. */
final class CardRanking {
  /** An age under 18 said with its unit ("15 ans", "14 yo", "I'm 16"): a minor, exactly. */
  private static final Pattern AGE =
      Pattern.compile(
          "\\b(1[0-7]|[5-9]) ?(ans|an|years? old|yo|y o)\\b|\\b(i m|i am|j ai|she s|he s|she is|he is|il a|elle a) (1[0-7])\\b");

  /** The most cards a ranking keeps. */
  private static final int KEPT = 6;

  private CardRanking() {}

  /** Whether a message says an age under 18. */
  static boolean minor(String text) {
    return AGE.matcher(Text.wordLine(text)).find();
  }

  /**
   * The cards asked for, best first: the votes, and an age under 18 said exactly.
   *
   * @param words the message's word line
   */
  static List<Reading.Asked> asked(ExemplarClassifier.Result r, String words) {
    Map<String, Double> scores = new LinkedHashMap<>();
    for (ExemplarClassifier.Vote v : r.votes()) {
      scores.put(v.label(), v.score());
    }
    if (AGE.matcher(words).find()) {
      scores.merge("minors", 1.0, Math::max);
    }
    return scores.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .map(e -> new Reading.Asked(e.getKey(), e.getValue()))
        .limit(KEPT)
        .toList();
  }

  /**
   * One document's cards ranked for a message: the words and meaning it shares with each card's
   * question, phrasings and answer in that document, and the vote of every guide's phrasings for
   * the card's id. Weights calibrated on the tuning half of the card paraphrases.
   *
   * @param guide the guide, or null for law and article cards (labelled {@code doc#id})
   */
  static List<Reading.Asked> ranked(
      ExemplarClassifier.Result r, String guide, List<String> labels, boolean minor) {
    List<Reading.Asked> out = new ArrayList<>();
    List<String> all = new ArrayList<>(labels);
    if (guide != null) {
      // the plain "how do I stop it?", which the guide's steps answer, ranked with its cards
      all.add(Reading.HOW_TO);
    }
    for (String label : all) {
      double[] local;
      if (label.equals(Reading.HOW_TO)) {
        // the language pack's, shared by every guide
        local =
            new double[] {
              r.similarity().getOrDefault(label, 0.0), r.cosine().getOrDefault(label, 0.0)
            };
      } else {
        String group = guide != null ? guide : label.substring(0, label.indexOf('#'));
        local = r.byGroup().getOrDefault(group + "|" + label, new double[2]);
      }
      double score = local[0] + 0.5 * local[1] + 0.25 * r.score(label);
      if (minor && label.equals("minors")) {
        score += 1;
      }
      if (score > 0) {
        out.add(new Reading.Asked(label, score));
      }
    }
    out.sort(Comparator.comparingDouble(Reading.Asked::score).reversed());
    return out.stream().limit(KEPT).toList();
  }
}
