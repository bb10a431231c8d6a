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
  }

  /** Every platform named, in the order they appear, longest names first where they overlap. */
  public List<Match> find(String question) {
    List<String> words = Text.words(question);
    List<Match> candidates = new ArrayList<>();
    for (Alias alias : aliases) {
      int n = alias.words().size();
      for (int i = 0; i + n <= words.size(); i++) {
        Boolean exact = matches(alias, words, i);
        if (exact != null) {
          int length = String.join(" ", alias.words()).length();
          candidates.add(new Match(alias.platformId(), i, i + n, exact, length));
        }
      }
      // a one-word alias typed as two words: "linked in", "snap chat"
      if (n == 1 && alias.words().get(0).length() >= 6) {
        for (int i = 0; i + 1 < words.size(); i++) {
          String joined = words.get(i) + words.get(i + 1);
          String want = alias.words().get(0);
          // two words glued are a weaker signal than one typed word: one edit at most
          if (joined.equals(want)
              || (isTypo(joined, want) && Text.distance(joined, want, 1) <= 1)) {
            candidates.add(
                new Match(alias.platformId(), i, i + 2, joined.equals(want), joined.length()));
          }
        }
      }
    }
    // "la notion de…", "a zoom on…": a common noun after an article is no platform's name
    candidates.removeIf(
        m ->
            COMMON_NOUNS.contains(words.get(m.start()))
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
  private static Boolean matches(Alias alias, List<String> words, int at) {
    boolean exact = true;
    for (int k = 0; k < alias.words().size(); k++) {
      String want = alias.words().get(k);
      String got = words.get(at + k);
      if (!want.equals(got)) {
        if (!isTypo(got, want)) {
          return null;
        }
        exact = false;
      }
    }
    return exact;
  }

  static boolean isTypo(String typed, String alias) {
    if (alias.length() < 5 || NOT_TYPOS.contains(typed) || typed.charAt(0) != alias.charAt(0)) {
      return false;
    }
    int allowed = alias.length() >= 9 ? 2 : 1;
    return Text.distance(typed, alias, allowed) <= allowed;
  }
}
