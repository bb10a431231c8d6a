package ch.optout.telegram;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The little HTML this channel writes, read back: for the plain-text fallback. */
final class TelegramHtml {
  private static final Pattern LINK =
      Pattern.compile("<a href=\"([^\"]*)\">(.*?)</a>", Pattern.DOTALL);
  private static final Pattern TAG = Pattern.compile("<[^>]*>");

  private TelegramHtml() {}

  /**
   * The same words without markup: links become "title (url)", tags go, entities are decoded. Never
   * longer than the HTML it comes from, so it keeps within the same message limit.
   */
  static String toPlain(String html) {
    Matcher m = LINK.matcher(html);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(m.group(2) + " (" + m.group(1) + ")"));
    }
    m.appendTail(sb);
    return unescape(TAG.matcher(sb).replaceAll(""));
  }

  private static String unescape(String text) {
    return text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
  }
}
