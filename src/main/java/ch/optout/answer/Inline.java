package ch.optout.answer;

import java.util.regex.Pattern;

/** The little inline Markdown the knowledge uses: {@code **bold**}, rendered per channel. */
public final class Inline {
  private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
  private static final Pattern ITALIC =
      Pattern.compile("(?<![\\p{L}\\p{N}*])\\*(?![\\s*])(.+?)(?<![\\s*])\\*(?![\\p{L}\\p{N}*])");

  private Inline() {}

  /** Plain text: emphasis markers removed. */
  public static String plain(String markdown) {
    return ITALIC.matcher(BOLD.matcher(markdown).replaceAll("$1")).replaceAll("$1");
  }

  /**
   * Telegram HTML: everything escaped, then bold markers turned into {@code <b>} — so no tag can
   * come from the knowledge or the user.
   */
  public static String html(String markdown) {
    String bold = BOLD.matcher(escapeHtml(markdown)).replaceAll("<b>$1</b>");
    return ITALIC.matcher(bold).replaceAll("<i>$1</i>");
  }

  /** Escapes the three characters Telegram's HTML mode requires. */
  public static String escapeHtml(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
