package ch.optout.telegram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Telegram's HTML parse mode, as documented for the Bot API: only its tags, well nested, every
 * {@code <}, {@code >} and {@code &} outside a tag escaped; the length Telegram checks is that of
 * the text left after parsing.
 */
final class HtmlRules {
  static final Set<String> TAGS =
      Set.of(
          "b",
          "strong",
          "i",
          "em",
          "u",
          "ins",
          "s",
          "strike",
          "del",
          "a",
          "code",
          "pre",
          "blockquote",
          "tg-spoiler",
          "span",
          "tg-emoji");
  private static final Pattern ENTITY =
      Pattern.compile("&(lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});");
  private static final Pattern HREF = Pattern.compile("href=\"[^\"<>]*\"");

  private HtmlRules() {}

  /** What Telegram would refuse in this text; empty when it parses. */
  static List<String> problems(String html) {
    List<String> problems = new ArrayList<>();
    Deque<String> open = new ArrayDeque<>();
    int i = 0;
    while (i < html.length()) {
      char c = html.charAt(i);
      if (c == '<') {
        int end = html.indexOf('>', i);
        if (end < 0) {
          problems.add("unclosed '<' at " + i);
          break;
        }
        String tag = html.substring(i + 1, end);
        if (tag.startsWith("/")) {
          String name = tag.substring(1).strip();
          if (open.isEmpty() || !open.peek().equals(name)) {
            problems.add("unexpected end tag </" + name + "> at " + i);
          } else {
            open.pop();
          }
        } else {
          String[] parts = tag.split("\\s+", 2);
          String name = parts[0];
          String attributes = parts.length > 1 ? parts[1].strip() : "";
          if (!TAGS.contains(name)) {
            problems.add("unsupported start tag \"" + name + "\" at " + i);
          } else if (name.equals("a")
              ? !HREF.matcher(attributes).matches()
              : !attributes.isEmpty()) {
            problems.add("bad attributes on <" + name + "> at " + i);
          }
          if (open.contains(name)) {
            problems.add("<" + name + "> nested in itself at " + i);
          }
          open.push(name);
        }
        i = end + 1;
      } else if (c == '>') {
        problems.add("unescaped '>' at " + i);
        i++;
      } else if (c == '&') {
        Matcher m = ENTITY.matcher(html).region(i, html.length());
        if (!m.lookingAt()) {
          problems.add("unescaped '&' at " + i);
          i++;
        } else {
          i = m.end();
        }
      } else {
        i++;
      }
    }
    if (!open.isEmpty()) {
      problems.add("unclosed tags " + open);
    }
    return problems;
  }

  /** The text a user sees, whose length Telegram limits to 4,096. */
  static String visibleText(String html) {
    return html.replaceAll("<[^>]*>", "")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
  }
}
