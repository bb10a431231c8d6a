package ch.optout.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The aliases a word may be a typo of ("linkdin" → "linkedin"): only names of five letters or more,
 * one letter off (two from nine letters), starting with the same letter, and never a real word one
 * letter away from a name.
 */
final class AliasTypos {
  /** Real words one letter away from an alias: never read them as a typo of it. */
  private static final Set<String> NOT_TYPOS =
      Set.of(
          "black", "abode", "credit", "quota", "gros", "discard", "metal", "metro", "cloud",
          "clause", "slick", "stack", "snack", "titok", "tweet", "tweets", "twitch", "quote",
          "quotas", "chats", "copies", "pilot", "gemin", "reddish", "clade", "adore", "noton");

  /** Beyond this many words the cache stops growing: user text must not fill the memory. */
  static final int TYPO_CACHE_SIZE = 100_000;

  /**
   * The aliases by the first letter and length of their first word: a name, typed exactly or with a
   * typo, starts with its own first letter and is at most two letters longer or shorter, so a word
   * is only compared with these.
   */
  private final Map<Long, List<PlatformAlias>> byFirstLetter = new HashMap<>();

  /** Words already compared with every alias, and the aliases they are a typo of. */
  private final Map<String, List<PlatformAlias>> cache = new ConcurrentHashMap<>();

  AliasTypos(List<PlatformAlias> aliases) {
    for (PlatformAlias alias : aliases) {
      String first = alias.first();
      if (first.length() >= 5) {
        // shorter names are never typo targets (isTypo)
        byFirstLetter
            .computeIfAbsent(key(first.charAt(0), first.length()), k -> new ArrayList<>())
            .add(alias);
      }
    }
  }

  /** The aliases whose first word the word is a typo of. */
  List<PlatformAlias> of(String word) {
    List<PlatformAlias> cached = cache.get(word);
    if (cached != null) {
      return cached;
    }
    List<PlatformAlias> found = new ArrayList<>();
    for (int length = Math.max(5, word.length() - 2); length <= word.length() + 2; length++) {
      for (PlatformAlias a : byFirstLetter.getOrDefault(key(word.charAt(0), length), List.of())) {
        if (!a.first().equals(word) && isTypo(word, a.first())) {
          found.add(a);
        }
      }
    }
    List<PlatformAlias> result = List.copyOf(found);
    if (cache.size() < TYPO_CACHE_SIZE) {
      cache.put(word, result);
    }
    return result;
  }

  static boolean isTypo(String typed, String alias) {
    if (alias.length() < 5
        || Math.abs(typed.length() - alias.length()) > 2
        || NOT_TYPOS.contains(typed)
        || typed.charAt(0) != alias.charAt(0)) {
      return false;
    }
    int allowed = alias.length() >= 9 ? 2 : 1;
    return Text.distance(typed, alias, allowed) <= allowed;
  }

  private static long key(char first, int length) {
    return ((long) first << 16) | length;
  }
}
