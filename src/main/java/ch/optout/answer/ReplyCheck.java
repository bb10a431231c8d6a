package ch.optout.answer;

import ch.optout.knowledge.Language;
import ch.optout.knowledge.Source;
import ch.optout.search.LanguageDetector;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a model's reply may be shown, and cleans it. A pure function of its inputs: the
 * reply, the language asked for and the passages the model was given.
 *
 * <p>Links are the one thing a reply could add that sends a user somewhere unvetted, so every form
 * a chat app makes clickable is checked: a URL, bare domain or e-mail address stays only when it is
 * on the host of a source of a passage the reply cites, and comes from the knowledge (that source,
 * or a passage's own text); an @mention, a link with another scheme ({@code tg://}) and an
 * internationalised or punycode domain never stay. What is cut leaves its sentence. Everything else
 * is all or nothing: an empty or overlong reply, a citation of a passage that was not given, no
 * citation at all, the wrong language, or a reply repeating its rules is {@link Verdict.Rejected},
 * and the caller keeps the extractive answer.
 */
final class ReplyCheck {
  /**
   * Enough for a short paragraph and a dozen steps; more is rambling, and Telegram caps at 4,096.
   */
  static final int MAX_CHARS = 3000;

  /** [1], [2, 3], [2;3]: one group of passage numbers. */
  static final Pattern CITATION = Pattern.compile("\\[(\\d{1,3}(?:\\s*[,;]\\s*\\d{1,3})*)]");

  /** A Markdown link: its label is kept and its target checked like any other link. */
  private static final Pattern MARKDOWN_LINK =
      Pattern.compile("\\[([^\\]\\n]{1,200})]\\(([^)\\s]{1,2000})\\)");

  /**
   * Links with a scheme or "www.", then bare domains and e-mail addresses ("evil.example",
   * "a@b.example"): chat apps make those clickable too.
   */
  private static final Pattern LINK =
      Pattern.compile(
          "(?i)(?:https?://|www\\.)[^\\s<>\"'()\\[\\]]+"
              + "|(?<![\\w@.-])(?:[\\w.+-]+@)?(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?\\.)+"
              + "(?:xn--[a-z0-9-]{1,59}|\\p{L}{2,24})(?![\\w-])(?:/[^\\s<>\"'()\\[\\]]*)?");

  /**
   * Links of any other scheme ({@code tg://resolve?domain=…} opens a chat), and the schemes
   * Telegram or a browser acts on without "//".
   */
  private static final Pattern OTHER_SCHEME =
      Pattern.compile(
          "(?i)(?<![\\w.+-])(?:(?!https?://)[a-z][a-z0-9+.-]{1,31}://"
              + "|(?:tg|mailto|javascript|data|file|intent|sms|tel):)[^\\s<>\"'()\\[\\]]+");

  /** "@SomeBot": Telegram makes it a link to that account. */
  private static final Pattern MENTION = Pattern.compile("(?<![\\w@.+-])@[A-Za-z0-9_]{3,64}");

  /**
   * Dots that are not ASCII full stops but that a reader, and a link parser, take for one:
   * "evil。example。com".
   */
  private static final Pattern DOTS = Pattern.compile("[\\u3002\\uFF0E\\uFF61]");

  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.,;:!?…]+$");

  /** Reasoning models served by Ollama may prefix their answer with their thoughts. */
  private static final Pattern THINKING = Pattern.compile("(?s)<think>.*?</think>");

  /**
   * Setting and menu names, bold or quoted, are often in English inside a French answer; the
   * language is judged on the rest.
   */
  private static final Pattern NAMES =
      Pattern.compile("\\*\\*[^*\\n]+\\*\\*|«[^»\\n]*»|\"[^\"\\n]*\"|“[^”\\n]*”");

  private final LanguageDetector languages;

  ReplyCheck(LanguageDetector languages) {
    this.languages = languages;
  }

  /** The outcome: a cleaned text to show, or why the extractive answer must be used instead. */
  sealed interface Verdict {
    /**
     * @param text the reply with foreign links removed
     * @param cited passage numbers, in order of first citation
     * @param linksRemoved how many links were cut out
     */
    record Accepted(String text, List<Integer> cited, int linksRemoved) implements Verdict {
      public Accepted {
        Objects.requireNonNull(text, "text");
        cited = List.copyOf(cited);
      }
    }

    /**
     * @param reason for the log: says what failed, never quotes the reply or the question
     */
    record Rejected(String reason) implements Verdict {
      public Rejected {
        Objects.requireNonNull(reason, "reason");
      }
    }
  }

  Verdict check(String reply, Language language, List<LlmPrompt.Excerpt> passages) {
    String text = THINKING.matcher(reply.replace("\r\n", "\n")).replaceAll("").strip();
    if (text.isEmpty()) {
      return new Verdict.Rejected("empty reply");
    }
    if (text.length() > MAX_CHARS) {
      return new Verdict.Rejected(
          "reply too long: " + text.length() + " characters, at most " + MAX_CHARS);
    }
    if (text.toLowerCase(Locale.ROOT).contains(LlmPrompt.RULES_MARKER)) {
      return new Verdict.Rejected("reply repeats its instructions");
    }
    Scrubbed scrubbed = scrubLinks(text, passages);
    text = scrubbed.text();
    if (text.codePoints().noneMatch(Character::isLetter)) {
      return new Verdict.Rejected("nothing left once foreign links are removed");
    }
    List<Integer> cited = new ArrayList<>();
    Matcher m = CITATION.matcher(text);
    while (m.find()) {
      for (String number : m.group(1).split("\\s*[,;]\\s*")) {
        int n = Integer.parseInt(number);
        if (n < 1 || n > passages.size()) {
          return new Verdict.Rejected(
              "cites [" + n + "] but " + passages.size() + " passages were given");
        }
        if (!cited.contains(n)) {
          cited.add(n);
        }
      }
    }
    if (cited.isEmpty()) {
      return new Verdict.Rejected("no [n] citation");
    }
    String prose = CITATION.matcher(text).replaceAll(" ");
    Optional<Language> written =
        languages
            .detect(NAMES.matcher(prose).replaceAll(" "))
            .language()
            .or(() -> languages.detect(prose).language());
    if (!written.equals(Optional.of(language))) {
      return new Verdict.Rejected(
          "written in "
              + written.map(Language::code).orElse("an unclear language")
              + ", "
              + language.code()
              + " expected");
    }
    return new Verdict.Accepted(text, cited, scrubbed.removed());
  }

  private record Scrubbed(String text, int removed) {}

  private static Scrubbed scrubLinks(String text, List<LlmPrompt.Excerpt> passages) {
    String withoutMarkdown =
        MARKDOWN_LINK
            .matcher(DOTS.matcher(text).replaceAll("."))
            .replaceAll(
                r ->
                    Matcher.quoteReplacement(
                        (r.group(1).matches("\\d{1,3}") ? "[" + r.group(1) + "]" : r.group(1))
                            + " "
                            + r.group(2)));
    Allowed allowed = Allowed.from(cited(withoutMarkdown, passages));
    int[] removed = {0};
    String withoutSchemes =
        OTHER_SCHEME
            .matcher(withoutMarkdown)
            .replaceAll(
                r -> {
                  removed[0]++;
                  return "";
                });
    StringBuilder out = new StringBuilder();
    Matcher m = LINK.matcher(withoutSchemes);
    while (m.find()) {
      String token = m.group();
      String trailing = "";
      Matcher punctuation = TRAILING_PUNCTUATION.matcher(token);
      if (punctuation.find()) {
        trailing = punctuation.group();
        token = token.substring(0, punctuation.start());
      }
      if (allowed.permits(token)) {
        m.appendReplacement(out, Matcher.quoteReplacement(token + trailing));
      } else {
        removed[0]++;
        m.appendReplacement(out, Matcher.quoteReplacement(trailing));
      }
    }
    m.appendTail(out);
    String withoutMentions =
        MENTION
            .matcher(out)
            .replaceAll(
                r -> {
                  removed[0]++;
                  return "";
                });
    return new Scrubbed(removed[0] == 0 ? withoutMarkdown : tidy(withoutMentions), removed[0]);
  }

  /** The passages the reply cites; a number out of range is the citation check's to reject. */
  private static List<LlmPrompt.Excerpt> cited(String text, List<LlmPrompt.Excerpt> passages) {
    List<LlmPrompt.Excerpt> cited = new ArrayList<>();
    Matcher m = CITATION.matcher(text);
    while (m.find()) {
      for (String number : m.group(1).split("\\s*[,;]\\s*")) {
        int n = Integer.parseInt(number);
        if (n >= 1 && n <= passages.size() && !cited.contains(passages.get(n - 1))) {
          cited.add(passages.get(n - 1));
        }
      }
    }
    return cited;
  }

  /** What cutting a link leaves behind: "see for more", "()", a space before a full stop. */
  private static String tidy(String text) {
    return text.replaceAll("\\(\\s*\\)|<\\s*>", "")
        .replaceAll("[ \\t]{2,}", " ")
        .replaceAll("[ \\t]+([.,;:!?])", "$1")
        .replaceAll("(?m)[ \\t]+$", "")
        .strip();
  }

  /** The links the knowledge behind the passages vouches for. */
  private record Allowed(Set<String> urls, Set<String> hosts, String passageText) {
    static Allowed from(List<LlmPrompt.Excerpt> passages) {
      Set<String> urls = new HashSet<>();
      Set<String> hosts = new LinkedHashSet<>();
      StringBuilder text = new StringBuilder();
      for (LlmPrompt.Excerpt e : passages) {
        for (Source s : e.sources()) {
          urls.add(normalized(s.url().toString()));
          hosts.add(s.domain().toLowerCase(Locale.ROOT));
        }
        text.append(e.text().toLowerCase(Locale.ROOT)).append('\n');
      }
      return new Allowed(urls, hosts, text.toString());
    }

    boolean permits(String token) {
      String lower = token.toLowerCase(Locale.ROOT);
      String host = host(lower);
      // look-alike letters and their punycode: no source of ours is written that way
      if (!host.chars().allMatch(c -> c < 128)
          || java.util.Arrays.stream(host.split("\\.")).anyMatch(l -> l.startsWith("xn--"))) {
        return false;
      }
      if (hosts.stream().noneMatch(h -> host.equals(h) || host.endsWith("." + h))) {
        return false;
      }
      if (writtenIn(passageText, lower)) {
        return true;
      }
      boolean link =
          lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("www.");
      if (link) {
        return urls.contains(normalized(token));
      }
      // a bare domain the sources use ("linkedin.com"); an e-mail address only if a passage gives
      // it
      String bare = lower.startsWith("www.") ? lower.substring(4) : lower;
      return !bare.contains("@") && !bare.contains("/") && hosts.contains(bare);
    }

    /**
     * The host a link token points to: "a@b.example" → b.example, "www.x.example/p" → x.example.
     */
    private static String host(String token) {
      String t = token.replaceFirst("^https?://", "");
      t = t.substring(t.indexOf('@') + 1);
      int end = t.length();
      for (char c : new char[] {'/', '?', '#', ':'}) {
        int i = t.indexOf(c);
        if (i >= 0 && i < end) {
          end = i;
        }
      }
      t = t.substring(0, end);
      return t.startsWith("www.") ? t.substring(4) : t;
    }

    /** As a whole token: "ai.com" is not vouched for by a passage that says "openai.com". */
    private static boolean writtenIn(String text, String token) {
      return Pattern.compile("(?<![\\w.@/-])" + Pattern.quote(token) + "(?![\\w@-]|\\.\\w)")
          .matcher(text)
          .find();
    }

    /**
     * Scheme and host are case-insensitive; "www.", a trailing slash and a fragment change nothing.
     */
    private static String normalized(String url) {
      String u = url.toLowerCase(Locale.ROOT).startsWith("www.") ? "https://" + url : url;
      try {
        URI uri = URI.create(u);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        host = host.startsWith("www.") ? host.substring(4) : host;
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return host + path + query;
      } catch (IllegalArgumentException e) {
        // not a URL at all: it matches nothing in the knowledge
        return "\u0000" + url;
      }
    }
  }
}
