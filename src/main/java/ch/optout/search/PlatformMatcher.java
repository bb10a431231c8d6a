package ch.optout.search;

import ch.optout.knowledge.DocumentKind;
import ch.optout.knowledge.Guide;
import ch.optout.knowledge.KnowledgeBase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the platforms a question names, from the guides' names and aliases, tolerating typos
 * ("linkdin", "instagramm", "chatgtp") and spacing ("chat gpt", "linked in").
 */
public final class PlatformMatcher {
  /** Real words one letter away from an alias: never read them as a typo of it. */
  private static final Set<String> NOT_TYPOS =
      Set.of(
          "black", "abode", "credit", "quota", "gros", "discard", "metal", "metro", "cloud",
          "clause", "slick", "stack", "snack", "titok", "tweet", "tweets", "twitch", "quote",
          "quotas", "chats", "copies", "pilot", "gemin", "reddish", "clade", "adore", "noton");

  private record Alias(String platformId, List<String> words) {}

  /** A capitalised word that does not start a sentence. */
  private static final Pattern CAPITALISED =
      Pattern.compile("(?<=[\\p{L}\\p{N},;'’)]\\s{1,3})(\\p{Lu}\\p{Ll}{2,})\\b");

  /** Capitalised words that name no platform. */
  private static final Set<String> COMMON_NAMES =
      Set.of(
          "europe",
          "european",
          "europeen",
          "europeenne",
          "switzerland",
          "suisse",
          "swiss",
          "france",
          "french",
          "english",
          "francais",
          "anglais",
          "germany",
          "allemagne",
          "britain",
          "england",
          "united",
          "kingdom",
          "states",
          "america",
          "american",
          "geneva",
          "geneve",
          "lausanne",
          "zurich",
          "bern",
          "berne",
          "brussels",
          "bruxelles",
          "paris",
          "london",
          "january",
          "february",
          "march",
          "april",
          "may",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december",
          "janvier",
          "fevrier",
          "mars",
          "avril",
          "mai",
          "juin",
          "juillet",
          "aout",
          "septembre",
          "octobre",
          "novembre",
          "decembre",
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday",
          "article",
          "regulation",
          "act",
          "law",
          "loi",
          "court",
          "commission",
          "temps",
          "internet",
          "web",
          "android",
          "iphone",
          "apple",
          "ios",
          "windows",
          "mac",
          "chrome",
          "firefox",
          "safari",
          "optout",
          "help",
          "settings",
          "privacy",
          "data",
          "terms");

  /** A word written with a capital. */
  private static final Pattern CAPITAL_WORD = Pattern.compile("\\b\\p{Lu}\\p{L}+");

  /** Platform names that are also common nouns. */
  private static final Set<String> COMMON_NOUNS = Set.of("notion", "zoom", "slack", "discord");

  private static final Set<String> ARTICLES =
      Set.of("la", "le", "une", "un", "cette", "ce", "the", "a", "an", "this", "de", "du");

  /** A platform named in a question, where and how surely. */
  public record Match(String platformId, int start, int end, boolean exact, int length) {}

  private final List<Alias> aliases = new ArrayList<>();
  private final Map<String, String> names = new HashMap<>();

  public PlatformMatcher(KnowledgeBase knowledge) {
    Map<String, Alias> unique = new LinkedHashMap<>();
    for (Guide guide : knowledge.documents()) {
      if (guide.kind() != DocumentKind.GUIDE) {
        continue;
      }
      names.putIfAbsent(guide.id(), guide.platform());
      List<String> forms = new ArrayList<>(guide.aliases());
      forms.add(guide.id());
      forms.add(guide.platform().replaceAll("\\(.*\\)", ""));
      for (String form : forms) {
        List<String> words = Text.words(form);
        if (!words.isEmpty()) {
          String key = guide.id() + "|" + String.join(" ", words);
          unique.putIfAbsent(key, new Alias(guide.id(), words));
          if (words.size() > 1 && String.join("", words).length() >= 5) {
            // "chat gpt" also typed "chatgpt"
            List<String> joined = List.of(String.join("", words));
            unique.putIfAbsent(guide.id() + "|" + joined.get(0), new Alias(guide.id(), joined));
          }
        }
      }
    }
    aliases.addAll(unique.values());
    for (Guide guide : knowledge.documents()) {
      guide.sections().forEach(section -> vocabulary.addAll(Text.words(section.fullText())));
      guide
          .cards()
          .forEach(
              card -> {
                vocabulary.addAll(Text.words(card.question()));
                vocabulary.addAll(Text.words(card.answer()));
              });
    }
    for (Alias alias : aliases) {
      String first = alias.words().get(0);
      if (first.length() >= 5) {
        // shorter names are never typo targets (isTypo)
        byFirstLetter
            .computeIfAbsent(typoKey(first.charAt(0), first.length()), k -> new ArrayList<>())
            .add(alias);
      }
      byFirstWord.computeIfAbsent(alias.words().get(0), k -> new ArrayList<>()).add(alias);
    }
  }

  /**
   * The aliases by the first letter and length of their first word: a name, typed exactly or with a
   * typo, starts with its own first letter and is at most two letters longer or shorter, so a word
   * is only compared with these.
   */
  private final Map<Long, List<Alias>> byFirstLetter = new HashMap<>();

  private static long typoKey(char first, int length) {
    return ((long) first << 16) | length;
  }

  /** The aliases by their first word, for exact matches. */
  private final Map<String, List<Alias>> byFirstWord = new HashMap<>();

  /**
   * The aliases a word may start: those beginning with it, and, for a word the knowledge does not
   * use (a typo?), those beginning with its first letter.
   */
  private List<Alias> candidates(String word) {
    List<Alias> exact = byFirstWord.getOrDefault(word, List.of());
    if (word.length() < 4 || vocabulary.contains(word)) {
      return exact;
    }
    List<Alias> typos = typos(word);
    if (typos.isEmpty()) {
      return exact;
    }
    List<Alias> all = new ArrayList<>(exact);
    all.addAll(typos);
    return all;
  }

  /** Words already compared with every alias, and the aliases they are a typo of. */
  private final Map<String, List<Alias>> typoCache = new java.util.concurrent.ConcurrentHashMap<>();

  /** Beyond this many words the cache stops growing: user text must not fill the memory. */
  static final int TYPO_CACHE_SIZE = 100_000;

  private List<Alias> typos(String word) {
    List<Alias> cached = typoCache.get(word);
    if (cached != null) {
      return cached;
    }
    List<Alias> found = new ArrayList<>();
    for (int length = Math.max(5, word.length() - 2); length <= word.length() + 2; length++) {
      for (Alias a : byFirstLetter.getOrDefault(typoKey(word.charAt(0), length), List.of())) {
        if (!a.words().get(0).equals(word) && isTypo(word, a.words().get(0))) {
          found.add(a);
        }
      }
    }
    List<Alias> result = List.copyOf(found);
    if (typoCache.size() < TYPO_CACHE_SIZE) {
      typoCache.put(word, result);
    }
    return result;
  }

  /** The words the knowledge is written in, names aside: correctly spelt, so never typos. */
  private final java.util.Set<String> vocabulary = new java.util.HashSet<>();

  /** Every platform named, in the order they appear, longest names first where they overlap. */
  public List<Match> find(String question) {
    List<String> words = Text.words(question);
    List<Match> candidates = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      for (Alias alias : candidates(word)) {
        int n = alias.words().size();
        if (i + n <= words.size()) {
          Boolean exact = matches(alias, words, i);
          if (exact != null) {
            int length = String.join(" ", alias.words()).length();
            candidates.add(new Match(alias.platformId(), i, i + n, exact, length));
          }
        }
      }
      // a one-word alias typed as two words: "linked in", "snap chat"
      if (i + 1 < words.size()) {
        String joined = word + words.get(i + 1);
        // two correctly spelt words glued are a name only exactly ("linked in")
        boolean spelt = vocabulary.contains(word) && vocabulary.contains(words.get(i + 1));
        for (Alias alias :
            spelt ? byFirstWord.getOrDefault(joined, List.of()) : candidates(joined)) {
          String want = alias.words().get(0);
          // two words glued are a weaker signal than one typed word: one edit at most
          if (alias.words().size() == 1
              && want.length() >= 6
              && (joined.equals(want)
                  || (isTypo(joined, want) && Text.distance(joined, want, 1) <= 1))) {
            candidates.add(
                new Match(alias.platformId(), i, i + 2, joined.equals(want), joined.length()));
          }
        }
      }
    }
    // "la notion de…", "a zoom on…": a common noun after an article is no platform's name, unless
    // written as one ("the Discord setting", « un Zoom »)
    java.util.Set<String> capitalised = new java.util.HashSet<>();
    Matcher upper = CAPITAL_WORD.matcher(question);
    while (upper.find()) {
      capitalised.add(Text.fold(upper.group()));
    }
    candidates.removeIf(
        m ->
            COMMON_NOUNS.contains(words.get(m.start()))
                && !capitalised.contains(words.get(m.start()))
                && m.start() > 0
                && ARTICLES.contains(words.get(m.start() - 1)));
    candidates.sort(
        Comparator.comparing(Match::exact)
            .reversed()
            .thenComparing(Comparator.comparingInt(Match::length).reversed()));
    List<Match> chosen = new ArrayList<>();
    boolean[] taken = new boolean[words.size()];
    for (Match m : candidates) {
      boolean free = true;
      for (int i = m.start(); i < m.end(); i++) {
        free &= !taken[i];
      }
      if (free) {
        for (int i = m.start(); i < m.end(); i++) {
          taken[i] = true;
        }
        chosen.add(m);
      }
    }
    chosen.sort(Comparator.comparingInt(Match::start));
    return chosen;
  }

  /** The platform ids named, first mention first, each once. */
  public List<String> platforms(String question) {
    return find(question).stream().map(Match::platformId).distinct().toList();
  }

  /**
   * A capitalised name, mid-sentence, that is no platform we know: "How do I stop Bumble…". Such a
   * question is about a platform OptOut has no guide for, and is better declined than answered from
   * another platform's guide.
   */
  public Optional<String> unknownName(String question) {
    Matcher m = CAPITALISED.matcher(question);
    while (m.find()) {
      String word = m.group(1);
      String folded = Text.fold(word);
      boolean known =
          COMMON_NAMES.contains(folded)
              || aliases.stream().anyMatch(a -> a.words().contains(folded));
      if (!known) {
        return Optional.of(word);
      }
    }
    return Optional.empty();
  }

  public String name(String platformId) {
    return names.getOrDefault(platformId, platformId);
  }

  /**
   * @return true for an exact match, false for a typo, null for no match
   */
  private Boolean matches(Alias alias, List<String> words, int at) {
    boolean exact = true;
    for (int k = 0; k < alias.words().size(); k++) {
      String want = alias.words().get(k);
      String got = words.get(at + k);
      if (!want.equals(got)) {
        // a word the knowledge itself uses is spelt right: it is no typo of a name
        if (vocabulary.contains(got) || !isTypo(got, want)) {
          return null;
        }
        exact = false;
      }
    }
    return exact;
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
}
