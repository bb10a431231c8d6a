package ch.optout.understand;

import java.util.ArrayList;
import java.util.List;

/**
 * The question in a long message: people paste an e-mail or a policy and ask about it at the end
 * ("…how do I switch this off on my phone?"). Understanding reads the question; the pasted text
 * only tells which platform it is about.
 */
final class Pastes {
  /** Shorter messages are read whole. */
  static final int LONG = 400;

  /** The question kept from a long message is at most this long. */
  static final int QUESTION_CHARS = 320;

  private Pastes() {}

  /** The part of a message that asks: the whole message when short. */
  static String question(String text) {
    String t = text.strip();
    if (t.length() < LONG) {
      return t;
    }
    List<String> sentences = sentences(t);
    // the last sentence that asks, with the one before it when short ("Here's the email. Is it
    // legit?")
    for (int i = sentences.size() - 1; i >= 0; i--) {
      String s = sentences.get(i);
      if (s.endsWith("?")) {
        String before = i > 0 ? sentences.get(i - 1) : "";
        String joined =
            before.length() + s.length() < QUESTION_CHARS && i > 0 ? before + " " + s : s;
        return cut(joined);
      }
    }
    // no question mark: the last sentence, where people usually say what they want
    return cut(sentences.get(sentences.size() - 1));
  }

  private static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      current.append(c);
      boolean end =
          c == '\n'
              || ((c == '?' || c == '!' || c == '.')
                  && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1))));
      if (end) {
        String s = current.toString().strip();
        if (s.length() > 1) {
          out.add(s);
        }
        current.setLength(0);
      }
    }
    String rest = current.toString().strip();
    if (!rest.isEmpty()) {
      out.add(rest);
    }
    return out;
  }

  private static String cut(String s) {
    return s.length() <= QUESTION_CHARS ? s : s.substring(s.length() - QUESTION_CHARS).strip();
  }
}
