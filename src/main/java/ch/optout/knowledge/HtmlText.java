package ch.optout.knowledge;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The readable text of a dropped-in HTML page: blocks become paragraphs, markup goes. */
final class HtmlText {
  private static final Pattern HIDDEN =
      Pattern.compile("(?is)<(script|style|head|nav|footer|noscript)\\b.*?</\\1\\s*>");
  private static final Pattern BLOCK_END =
      Pattern.compile(
          "(?i)</?(p|div|h[1-6]|li|ul|ol|br|tr|section|article|header|blockquote)\\b[^>]*>");
  private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
  private static final Pattern ENTITY =
      Pattern.compile("&(#x?[0-9a-fA-F]+|amp|lt|gt|quot|apos|nbsp);");

  private HtmlText() {}

  static String of(String html) {
    String text = HIDDEN.matcher(html).replaceAll(" ");
    text = text.replaceAll("(?s)<!--.*?-->", " ");
    text = BLOCK_END.matcher(text).replaceAll("\n\n");
    text = TAG.matcher(text).replaceAll(" ");
    text = decode(text);
    return text.replaceAll("[ \\t\\x0B\\f\\r]+", " ")
        .replaceAll(" *\\n[ \\n]*\\n *", "\n\n")
        .strip();
  }

  private static String decode(String text) {
    Matcher m = ENTITY.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String e = m.group(1);
      String replacement =
          switch (e) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            default -> codePoint(e);
          };
      m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static String codePoint(String entity) {
    try {
      int cp =
          entity.startsWith("#x") || entity.startsWith("#X")
              ? Integer.parseInt(entity.substring(2), 16)
              : Integer.parseInt(entity.substring(1));
      return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : " ";
    } catch (NumberFormatException e) {
      return " ";
    }
  }
}
