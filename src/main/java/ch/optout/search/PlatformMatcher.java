package ch.optout.search;

import ch.optout.knowledge.DocumentKind;
import ch.optout.knowledge.Guide;
import ch.optout.knowledge.KnowledgeBase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
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
  /** A word written with a capital. */
  private static final Pattern CAPITAL_WORD = Pattern.compile("\\b\\p{Lu}\\p{L}+");

  /** Platform names that are also common nouns. */
  private static final Set<String> COMMON_NOUNS = Set.of("notion", "zoom", "slack", "discord");

  private static final Set<String> ARTICLES =
      Set.of("la", "le", "une", "un", "cette", "ce", "the", "a", "an", "this", "de", "du");

  /** A platform named in a question, where and how surely. */
  public record Match(String platformId, int start, int end, boolean exact, int length) {}

  private final List<PlatformAlias> aliases = new ArrayList<>();
  private final Map<String, String> names = new HashMap<>();

  /** The words the knowledge is written in, names aside: correctly spelt, so never typos. */
  private final Set<String> vocabulary;

  /** The aliases by their first word, for exact matches. */
  private final Map<String, List<PlatformAlias>> byFirstWord = new HashMap<>();

  private final AliasTypos typos;
  private final UnknownNames unknownNames;

  public PlatformMatcher(KnowledgeBase knowledge) {
    this(knowledge, KnowledgeWords.of(knowledge));
  }

  /**
   * @param vocabulary the knowledge's words ({@link KnowledgeWords}), saved at build time
   */
  public PlatformMatcher(KnowledgeBase knowledge, Set<String> vocabulary) {
    Map<String, PlatformAlias> unique = new LinkedHashMap<>();
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
          unique.putIfAbsent(key, new PlatformAlias(guide.id(), words));
          if (words.size() > 1 && String.join("", words).length() >= 5) {
            // "chat gpt" also typed "chatgpt"
            List<String> joined = List.of(String.join("", words));
            unique.putIfAbsent(
                guide.id() + "|" + joined.get(0), new PlatformAlias(guide.id(), joined));
          }
        }
      }
    }
    aliases.addAll(unique.values());
    this.vocabulary = Set.copyOf(vocabulary);
    Set<String> aliasWords = new HashSet<>();
    for (PlatformAlias alias : aliases) {
      byFirstWord.computeIfAbsent(alias.first(), k -> new ArrayList<>()).add(alias);
      aliasWords.addAll(alias.words());
    }
    this.typos = new AliasTypos(aliases);
    this.unknownNames = new UnknownNames(aliasWords);
  }

  /**
   * The aliases a word may start: those beginning with it, and, for a word the knowledge does not
   * use (a typo?), those beginning with its first letter.
   */
  private List<PlatformAlias> candidates(String word) {
    List<PlatformAlias> exact = byFirstWord.getOrDefault(word, List.of());
    if (word.length() < 4 || vocabulary.contains(word)) {
      return exact;
    }
    List<PlatformAlias> typed = typos.of(word);
    if (typed.isEmpty()) {
      return exact;
    }
    List<PlatformAlias> all = new ArrayList<>(exact);
    all.addAll(typed);
    return all;
  }

  /** Every platform named, in the order they appear, longest names first where they overlap. */
  public List<Match> find(String question) {
    List<String> words = Text.words(question);
    List<Match> candidates = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      for (PlatformAlias alias : candidates(word)) {
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
        for (PlatformAlias alias :
            spelt ? byFirstWord.getOrDefault(joined, List.of()) : candidates(joined)) {
          String want = alias.first();
          // two words glued are a weaker signal than one typed word: one edit at most
          if (alias.words().size() == 1
              && want.length() >= 6
              && (joined.equals(want)
                  || (AliasTypos.isTypo(joined, want) && Text.distance(joined, want, 1) <= 1))) {
            candidates.add(
                new Match(alias.platformId(), i, i + 2, joined.equals(want), joined.length()));
          }
        }
      }
    }
    dropCommonNouns(candidates, question, words);
    return longestFirst(candidates, words.size());
  }

  /**
   * "la notion de…", "a zoom on…": a common noun after an article is no platform's name, unless
   * written as one ("the Discord setting", « un Zoom »).
   */
  private static void dropCommonNouns(List<Match> candidates, String question, List<String> words) {
    Set<String> capitalised = new HashSet<>();
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
  }

  /** The candidates that do not overlap, exact and longer ones first, in the order they appear. */
  private static List<Match> longestFirst(List<Match> candidates, int words) {
    candidates.sort(
        Comparator.comparing(Match::exact)
            .reversed()
            .thenComparing(Comparator.comparingInt(Match::length).reversed()));
    List<Match> chosen = new ArrayList<>();
    boolean[] taken = new boolean[words];
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
    return unknownNames.find(question);
  }

  public String name(String platformId) {
    return names.getOrDefault(platformId, platformId);
  }

  /**
   * @return true for an exact match, false for a typo, null for no match
   */
  private Boolean matches(PlatformAlias alias, List<String> words, int at) {
    boolean exact = true;
    for (int k = 0; k < alias.words().size(); k++) {
      String want = alias.words().get(k);
      String got = words.get(at + k);
      if (!want.equals(got)) {
        // a word the knowledge itself uses is spelt right: it is no typo of a name
        if (vocabulary.contains(got) || !AliasTypos.isTypo(got, want)) {
          return null;
        }
        exact = false;
      }
    }
    return exact;
  }
}
