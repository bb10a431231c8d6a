package ch.optout.search;

import ch.optout.knowledge.Language;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * French or English for short, accent-less, typo-ridden questions. Scores function words, elisions
 * and accents; general-purpose detectors were weaker on such texts (see issue 4 notes).
 */
public final class LanguageDetector {
  private static final Map<String, Double> FRENCH =
      weights(
          3.0,
          List.of(
              "comment",
              "empecher",
              "desactiver",
              "donnees",
              "utilise",
              "utiliser",
              "puis",
              "quelle",
              "quelles",
              "quel",
              "quels",
              "pourquoi",
              "quand",
              "mes",
              "est",
              "sont",
              "avec",
              "dans",
              "pour",
              "sur",
              "je",
              "j",
              "veux",
              "vos",
              "votre",
              "nous",
              "leur",
              "cette",
              "entrainer",
              "entrainement",
              "partout",
              "refuser",
              "supprimer",
              "arreter",
              "oui",
              "non",
              "merci",
              "bonjour",
              "salut",
              "ecris",
              "moi",
              "poeme",
              "lettre",
              "opposer",
              "opposition",
              "droit",
              "reseau",
              "reseaux",
              "aussi",
              "depuis",
              "ou",
              "aux",
              "mon",
              "ma",
              "les",
              "des",
              "une",
              "du",
              "et",
              "que",
              "qui",
              "quoi",
              "faire",
              "faut",
              "il",
              "elle",
              "ca",
              "cela",
              "ce",
              "ces",
              "tout",
              "tous",
              "toutes",
              "parametres",
              "reglages",
              "confidentialite",
              "compte",
              "publications",
              "ia",
              "svp",
              "stp",
              "peux",
              "peut",
              "dois",
              "doit",
              "etre",
              "pas",
              "ne",
              "plus",
              "sans",
              "chez",
              "entre",
              "apres",
              "avant",
              "mais",
              "donc",
              "car",
              "l",
              "d",
              "qu",
              "m",
              "n",
              "s",
              "c",
              "t",
              "se",
              "y",
              "en",
              "la",
              "le",
              "de",
              "un",
              "sa",
              "son",
              "ses",
              "mettre",
              "bloquer",
              "proteger",
              "interdire",
              "enlever",
              "retirer",
              "decocher",
              "cocher"));
  private static final Map<String, Double> ENGLISH =
      weights(
          3.0,
          List.of(
              "how",
              "the",
              "stop",
              "does",
              "do",
              "my",
              "to",
              "of",
              "is",
              "are",
              "can",
              "what",
              "when",
              "where",
              "why",
              "which",
              "who",
              "turn",
              "off",
              "using",
              "use",
              "uses",
              "used",
              "from",
              "with",
              "and",
              "it",
              "its",
              "for",
              "train",
              "training",
              "trains",
              "delete",
              "object",
              "setting",
              "settings",
              "please",
              "hi",
              "hello",
              "thanks",
              "yes",
              "all",
              "every",
              "everywhere",
              "about",
              "their",
              "your",
              "you",
              "want",
              "dont",
              "t",
              "i",
              "me",
              "mine",
              "this",
              "that",
              "these",
              "those",
              "should",
              "would",
              "could",
              "will",
              "be",
              "been",
              "have",
              "has",
              "an",
              "a",
              "in",
              "into",
              "on",
              "out",
              "opt",
              "prevent",
              "block",
              "disable",
              "remove",
              "write",
              "letter",
              "privacy",
              "posts",
              "data",
              "ai",
              "account",
              "them",
              "any",
              "there",
              "they",
              "if",
              "or",
              "not",
              "no",
              "than",
              "tell",
              "keep",
              "keeping",
              "learning",
              "weather",
              "tomorrow",
              "ignore",
              "instructions",
              "print",
              "since",
              "legal",
              "law",
              "right",
              "basis"));
  private static final Pattern FRENCH_LETTERS = Pattern.compile("[éèêàâçùûôîïëœ]");
  private static final Pattern ELISION =
      Pattern.compile("(?i)\\b[ldjmnstc]['’]\\p{L}|\\bqu['’]\\p{L}");

  /** Detected language and how sure; {@code ambiguous} when neither side wins clearly. */
  public record Detection(Optional<Language> language, double margin) {
    public boolean ambiguous() {
      return language.isEmpty();
    }
  }

  public Detection detect(String text) {
    double fr = 0;
    double en = 0;
    for (String word : Text.words(text)) {
      fr += FRENCH.getOrDefault(word, 0.0);
      en += ENGLISH.getOrDefault(word, 0.0);
    }
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    fr += 2.0 * FRENCH_LETTERS.matcher(lower).results().count();
    fr += 3.0 * ELISION.matcher(text).results().count();
    double margin = Math.abs(fr - en);
    if (margin < 1.5) {
      return new Detection(Optional.empty(), margin);
    }
    return new Detection(Optional.of(fr > en ? Language.FR : Language.EN), margin);
  }

  /** The question's language, else the fallback (chat preference, client language, English). */
  public Language detectOr(String text, Language fallback) {
    return detect(text).language().orElse(fallback);
  }

  private static Map<String, Double> weights(double strong, List<String> words) {
    java.util.HashMap<String, Double> map = new java.util.HashMap<>();
    for (int i = 0; i < words.size(); i++) {
      // the first words of each list are the most telling; short particles count less
      String w = words.get(i);
      map.put(w, w.length() <= 2 ? 1.0 : (i < 40 ? strong : 2.0));
    }
    return Map.copyOf(map);
  }
}
