package ch.optout.telegram;

import ch.optout.answer.Answer;
import ch.optout.answer.Inline;
import ch.optout.answer.Messages;
import ch.optout.answer.StepGroup;
import ch.optout.knowledge.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * An {@link Answer} as Telegram HTML messages. Every text from the knowledge or the user is escaped
 * ({@link Inline#html}); the only tags are {@code <b>} and {@code <a href>}; line breaks are plain
 * newlines (Telegram refuses {@code <br>}). Each message stays within {@link #MAX_LENGTH}
 * characters of raw HTML — more than Telegram counts, as it measures the text after removing the
 * tags — and a long answer is split between blocks (paragraphs, step groups, lists), else between
 * lines (steps), else between sentences or words: never inside a tag or an entity.
 */
final class TelegramRenderer {
  /** Telegram's limit for one message, in UTF-16 code units, like Java's String.length(). */
  static final int MAX_LENGTH = 4096;

  private final Messages messages;
  private final int maxLength;

  TelegramRenderer(Messages messages) {
    this(messages, MAX_LENGTH);
  }

  /**
   * @param maxLength a smaller limit, for tests of the splitting
   */
  TelegramRenderer(Messages messages, int maxLength) {
    if (maxLength < 64) {
      throw new IllegalArgumentException(
          "maxLength below 64 cannot hold a tag and a word: " + maxLength);
    }
    this.messages = messages;
    this.maxLength = maxLength;
  }

  /** What fits on a phone screen: a short answer's first bubble stays under this. */
  static final int PHONE = 1200;

  /** One or more messages, in order; empty only for an answer without any text. */
  List<String> render(Answer a) {
    if (a.more()) {
      // a short answer, its buttons give the rest: one bubble, the least useful part dropped
      // first when it is too long for a phone screen
      List<String> phone = pack(blocks(a, true));
      if (phone.size() > 1 || visibleLength(phone.get(0)) > PHONE) {
        phone = pack(blocks(a.toBuilder().caveats(List.of()).build(), true));
      }
      return phone;
    }
    return pack(blocks(a, false));
  }

  /**
   * A whole answer with its sources as one line of sites: "More" under a short answer, which should
   * still fit in the message it replaces.
   */
  List<String> renderWhole(Answer a) {
    return pack(blocks(a.toBuilder().more(false).build(), true));
  }

  /** Characters a reader sees: the text without its HTML tags and entities. */
  static int visibleLength(String html) {
    return TelegramHtml.toPlain(html).length();
  }

  /** A paragraph or a titled list: lines that stay together when they can. */
  private record Block(List<String> lines) {}

  private List<Block> blocks(Answer a, boolean compact) {
    List<Block> blocks = new ArrayList<>();
    if (!a.title().isBlank()) {
      blocks.add(new Block(fit("<b>", Inline.plain(a.title()), Inline::escapeHtml, "</b>")));
    }
    for (String paragraph : a.lead().strip().split("\n\\s*\n")) {
      List<String> lines = new ArrayList<>();
      for (String line : paragraph.split("\n")) {
        if (!line.isBlank()) {
          lines.addAll(fit("", line.strip(), Inline::html, ""));
        }
      }
      if (!lines.isEmpty()) {
        blocks.add(new Block(lines));
      }
    }
    if (!a.document().isBlank()) {
      // a letter to copy: one preformatted block, which Telegram offers to copy with one tap
      blocks.add(new Block(fit("<pre>", a.document().strip(), Inline::escapeHtml, "</pre>")));
    }
    // checklist lines are numbered too: the numbers are what the user replies with to pick
    for (StepGroup group : a.steps()) {
      List<String> items = new ArrayList<>();
      int n = 1;
      for (String step : group.steps()) {
        items.add(n++ + ". " + Inline.html(step));
      }
      blocks.add(titled(group.label().isBlank() ? "" : group.label(), items));
    }
    blocks.add(titled(messages.get(a.language(), "label.notCovered"), bulleted(a.caveats())));
    blocks.add(titled(messages.get(a.language(), "label.goodToKnow"), bulleted(a.notes())));
    if (!a.warning().isBlank()) {
      blocks.add(new Block(fit("⚠️ ", a.warning(), Inline::escapeHtml, "")));
    }
    if (compact && !a.sources().isEmpty()) {
      // one line: the sources' sites, each a link, and when the guide was checked
      String heading =
          a.verified()
              .map(d -> messages.get(a.language(), "label.sourcesVerified", d))
              .orElse(messages.get(a.language(), "label.sources"));
      List<String> links = new ArrayList<>();
      for (Source source : a.sources()) {
        links.add(siteLink(source));
      }
      blocks.add(
          new Block(
              List.of("<i>" + Inline.escapeHtml(heading) + "</i> " + String.join(" · ", links))));
      blocks.removeIf(b -> b.lines().isEmpty());
      return blocks;
    }
    if (a.more()) {
      blocks.add(
          new Block(
              fit("<i>", messages.get(a.language(), "answer.more"), Inline::escapeHtml, "</i>")));
    }
    if (!a.sources().isEmpty()) {
      String heading =
          a.verified()
              .map(d -> messages.get(a.language(), "label.sourcesVerified", d))
              .orElse(messages.get(a.language(), "label.sources"));
      List<String> links = new ArrayList<>();
      for (int i = 0; i < a.sources().size(); i++) {
        links.add((a.citesByNumber() ? "[" + (i + 1) + "] " : "• ") + link(a.sources().get(i)));
      }
      blocks.add(titled(heading, links));
    }
    blocks.removeIf(b -> b.lines().isEmpty());
    return blocks;
  }

  private static List<String> bulleted(List<String> items) {
    return items.stream().map(i -> "• " + Inline.html(i)).toList();
  }

  /** A source as a link showing its site ("linkedin.com"), for the compact line. */
  private static String siteLink(Source s) {
    String scheme = s.url().getScheme() == null ? "" : s.url().getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      return Inline.escapeHtml(s.title());
    }
    return "<a href=\""
        + Inline.escapeHtml(s.url().toString())
        + "\">"
        + Inline.escapeHtml(s.domain())
        + "</a>";
  }

  /** A source as a link showing its title; a URL that is not web is shown, not linked. */
  private static String link(Source s) {
    String scheme = s.url().getScheme() == null ? "" : s.url().getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      return Inline.escapeHtml(s.title() + " — " + s.url());
    }
    return "<a href=\""
        + Inline.escapeHtml(s.url().toString())
        + "\">"
        + Inline.escapeHtml(s.title())
        + "</a>";
  }

  /** A bold heading kept on the same message as the first line under it. */
  private Block titled(String heading, List<String> htmlLines) {
    if (htmlLines.isEmpty()) {
      return new Block(List.of());
    }
    List<String> lines = new ArrayList<>();
    for (String line : htmlLines) {
      // an item is already escaped HTML: split it only between its words' markup-free pieces
      lines.addAll(
          line.length() <= maxLength
              ? List.of(line)
              : fit("", TelegramHtml.toPlain(line), Inline::escapeHtml, ""));
    }
    if (!heading.isBlank()) {
      String head = "<b>" + Inline.escapeHtml(heading) + "</b>";
      if (head.length() + 1 + lines.get(0).length() <= maxLength) {
        lines.set(0, head + "\n" + lines.get(0));
      } else {
        lines.addAll(0, fit("<b>", heading, Inline::escapeHtml, "</b>"));
      }
    }
    return new Block(lines);
  }

  /**
   * {@code open + toHtml(text) + close} as one line, or as several when too long: the text (never
   * its HTML) is cut between sentences, else words, else characters, and each piece rendered alone.
   */
  private List<String> fit(String open, String text, UnaryOperator<String> toHtml, String close) {
    int budget = maxLength - open.length() - close.length();
    List<String> out = new ArrayList<>();
    for (String piece : pieces(text, toHtml, budget)) {
      out.add(open + toHtml.apply(piece) + close);
    }
    return out;
  }

  private static List<String> pieces(String text, UnaryOperator<String> toHtml, int budget) {
    if (toHtml.apply(text).length() <= budget) {
      return List.of(text);
    }
    String[] sentences = text.split("(?<=[.!?…;:])\\s+");
    if (sentences.length > 1) {
      return pack(sentences, toHtml, budget);
    }
    String[] words = text.split("\\s+");
    if (words.length > 1) {
      return pack(words, toHtml, budget);
    }
    return cut(text, budget);
  }

  /** Joins tokens with spaces while the rendering fits; a token too long alone is split further. */
  private static List<String> pack(String[] tokens, UnaryOperator<String> toHtml, int budget) {
    List<String> out = new ArrayList<>();
    String current = "";
    for (String token : tokens) {
      String joined = current.isEmpty() ? token : current + " " + token;
      if (toHtml.apply(joined).length() <= budget) {
        current = joined;
        continue;
      }
      if (!current.isEmpty()) {
        out.add(current);
      }
      List<String> parts = pieces(token, toHtml, budget);
      out.addAll(parts.subList(0, parts.size() - 1));
      current = parts.get(parts.size() - 1);
    }
    if (!current.isEmpty()) {
      out.add(current);
    }
    return out;
  }

  /**
   * Last resort for a "word" longer than a message: a sixth of the budget, as escaping can grow a
   * character to 6.
   */
  private static List<String> cut(String text, int budget) {
    int size = Math.max(1, budget / 6);
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int end = Math.min(text.length(), i + size);
      if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
        end--;
      }
      out.add(text.substring(i, end));
      i = end;
    }
    return out;
  }

  /**
   * Blocks go whole into a message when they fit, else start a new one; only a block too long alone
   * is split by lines.
   */
  private List<String> pack(List<Block> blocks) {
    List<String> chunks = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (Block block : blocks) {
      String whole = String.join("\n", block.lines());
      if (fits(current, "\n\n", whole)) {
        append(current, "\n\n", whole);
        continue;
      }
      if (whole.length() <= maxLength) {
        flush(chunks, current);
        current.append(whole);
        continue;
      }
      boolean first = true;
      for (String line : block.lines()) {
        String separator = first ? "\n\n" : "\n";
        if (!fits(current, separator, line)) {
          flush(chunks, current);
        }
        append(current, separator, line);
        first = false;
      }
    }
    flush(chunks, current);
    return chunks;
  }

  private boolean fits(StringBuilder current, String separator, String text) {
    return current.length() + (current.length() == 0 ? 0 : separator.length()) + text.length()
        <= maxLength;
  }

  private static void append(StringBuilder current, String separator, String text) {
    if (current.length() > 0) {
      current.append(separator);
    }
    current.append(text);
  }

  private static void flush(List<String> chunks, StringBuilder current) {
    if (current.length() > 0) {
      chunks.add(current.toString());
      current.setLength(0);
    }
  }
}
