package ch.optout.chat;

import java.util.regex.Pattern;

/** Makes any user text safe to analyse: no control or invisible characters, bounded length. */
final class Input {
  /** Longer messages are cut before analysis; the user is told. */
  static final int MAX_CHARS = 1000;

  /** Controls and line separators: they separate words, so they become spaces. */
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\u2028\\u2029]");

  /**
   * Format, private-use and unassigned characters (zero-width space and joiner, soft hyphen,
   * bidirectional overrides): invisible, so they are removed, or "L\u200binkedIn" would read as two
   * words and hide the platform's name.
   */
  private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}\\p{Co}\\p{Cn}]");

  private static final Pattern SPACES = Pattern.compile("\\s+");

  private Input() {}

  /**
   * @param truncated whether the original was longer than {@link #MAX_CHARS}
   */
  record Cleaned(String text, boolean truncated) {}

  /** Of a long message, the end kept besides its start: where a pasted text's question often is. */
  static final int TAIL_CHARS = 300;

  static Cleaned clean(String raw) {
    String text = raw == null ? "" : raw;
    boolean truncated = false;
    String tail = "";
    if (text.length() > MAX_CHARS) {
      tail = lastSentence(tidy(text.substring(Math.max(0, text.length() - MAX_CHARS))));
    }
    if (text.length() > MAX_CHARS * 4) {
      text = text.substring(0, MAX_CHARS * 4);
    }
    text = tidy(text);
    if (text.length() > MAX_CHARS) {
      int cut = MAX_CHARS - tail.length() - 3;
      if (Character.isHighSurrogate(text.charAt(cut - 1))) {
        cut--;
      }
      text = text.substring(0, cut).strip() + (tail.isEmpty() ? "" : " … " + tail);
      truncated = true;
    }
    return new Cleaned(text, truncated || (raw != null && raw.length() > MAX_CHARS * 4));
  }

  private static String tidy(String text) {
    String visible = INVISIBLE.matcher(CONTROL.matcher(text).replaceAll(" ")).replaceAll("");
    return SPACES.matcher(visible).replaceAll(" ").strip();
  }

  /** The text's last sentence, at most {@link #TAIL_CHARS} characters. */
  private static String lastSentence(String text) {
    String t = text.strip();
    int end = t.length() - 1;
    int start = 0;
    for (int i = end - 1; i >= 0; i--) {
      char c = t.charAt(i);
      if ((c == '.' || c == '!' || c == '?' || c == '\n') && i < end - 1) {
        start = i + 1;
        break;
      }
    }
    String sentence = t.substring(start).strip();
    if (sentence.length() > TAIL_CHARS) {
      sentence = sentence.substring(sentence.length() - TAIL_CHARS);
      if (Character.isLowSurrogate(sentence.charAt(0))) {
        sentence = sentence.substring(1);
      }
    }
    return sentence;
  }
}
