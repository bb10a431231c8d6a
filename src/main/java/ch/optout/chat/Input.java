package ch.optout.chat;

import java.util.regex.Pattern;

/** Makes any user text safe to analyse: no control or invisible characters, bounded length. */
final class Input {
  /** Longer messages are cut before analysis; the user is told. */
  static final int MAX_CHARS = 1000;

  private static final Pattern INVISIBLE =
      Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}&&[^\\n\\t]]|[\\u2028\\u2029]");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private Input() {}

  /**
   * @param truncated whether the original was longer than {@link #MAX_CHARS}
   */
  record Cleaned(String text, boolean truncated) {}

  static Cleaned clean(String raw) {
    String text = raw == null ? "" : raw;
    boolean truncated = false;
    if (text.length() > MAX_CHARS * 4) {
      text = text.substring(0, MAX_CHARS * 4);
    }
    text = SPACES.matcher(INVISIBLE.matcher(text).replaceAll(" ")).replaceAll(" ").strip();
    if (text.length() > MAX_CHARS) {
      int cut = MAX_CHARS;
      if (Character.isHighSurrogate(text.charAt(cut - 1))) {
        cut--;
      }
      text = text.substring(0, cut).strip();
      truncated = true;
    }
    return new Cleaned(text, truncated || (raw != null && raw.length() > MAX_CHARS * 4));
  }
}
