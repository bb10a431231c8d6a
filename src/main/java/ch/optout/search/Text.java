package ch.optout.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one normalisation of user and knowledge text: language detection, platform matching,
 * snippets, checklist replies and letter regions all compare folded words.
 */
public final class Text {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private Text() {}

  /** Lower case, accents removed, typographic apostrophes made plain. */
  public static String fold(String text) {
    String lower = text.toLowerCase(Locale.ROOT).replace('’', '\'').replace('‘', '\'');
    return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
  }

  /**
   * The folded words on one line, one space apart, for patterns that match across words: "Est-ce
   * que l'IA ?" gives "est ce que l ia".
   */
  public static String wordLine(String text) {
    return String.join(" ", words(text));
  }

  /** Folded words: letters and digits only; "l'ia" gives "l", "ia". */
  public static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    for (String w : NON_WORD.split(fold(text))) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return words;
  }

  /** Damerau–Levenshtein (optimal string alignment) distance, stopping early past {@code max}. */
  public static int distance(String a, String b, int max) {
    if (Math.abs(a.length() - b.length()) > max) {
      return max + 1;
    }
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int rowMin = Integer.MAX_VALUE;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin > max) {
        return max + 1;
      }
    }
    return d[a.length()][b.length()];
  }
}
