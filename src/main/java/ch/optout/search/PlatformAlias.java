package ch.optout.search;

import java.util.List;

/** One way of naming a platform, as folded words: "linkedin", "chat gpt", "chatgpt". */
record PlatformAlias(String platformId, List<String> words) {
  /** The first word, which a match starts on. */
  String first() {
    return words.get(0);
  }
}
