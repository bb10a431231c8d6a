package ch.optout.search;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Rules over folded words: transparent, fast, and tested on paraphrases in both languages. */
public final class IntentClassifier {
  private static final Pattern EVERYWHERE =
      Pattern.compile(
          "\\b(everywhere|every (social )?(network|platform|site|app|service)s?|all (the |my )?(social )?(networks|platforms|sites|apps|services|of them)"
              + "|all platforms|partout|tous les (reseaux|sites|services)|toutes les (plateformes|applis|applications)"
              + "|tout bloquer|sur tous|checklist|liste de controle)\\b");
  private static final Pattern LEGAL =
      Pattern.compile(
          "\\b(gdpr|rgpd|dsgvo|law|laws|legal|legally|lawful|loi|lois|legale?s?|juridique|droit|droits|rights?"
              + "|legitimate interests?|interet legitime|consent|consentement|opt in|optin|article \\d+|art \\d+"
              + "|fadp|lpd|nlpd|edpb|cepd|cnil|ico|fdpic|pfpdt|edoeb|regulator|regulateur|basis|base legale|allowed|autorise|illegal"
              + "|suisse|switzerland|swiss|right to be forgotten|droit a l oubli|erasure|effacement|complain|plainte|deadline|delai|how long)\\b");
  private static final Pattern FACTS =
      Pattern.compile(
          "\\b(when|since when|what data|which data|quand|depuis quand|a partir de quand|quelles donnees|quel type de donnees"
              + "|private messages?|messages prives|dms?|inbox|start(ed|s)?|commence|date|which countries|quels pays"
              + "|why|pourquoi|article|articles|press|presse|journal|newspaper|le temps|wrote|write about|ecrit|summary|summarise|summarize|resume)\\b");
  private static final Pattern LETTER =
      Pattern.compile(
          "\\b((objection|opposition|complaint|gdpr|rgpd|formal) (letter|email|e mail|mail)s?|letters? (of|d) (objection|opposition)"
              + "|(letter|lettre|courrier|mail|email|e mail|modele|template)s? (to|for|pour|a|au|aux|de|d) "
              + "|write (a |an )?(letter|email|e mail)|ecri(re|s|vez)( moi)? (une |un )?(lettre|courrier|mail|e mail)"
              + "|lettres? type|(lettre|courrier)s? d (opposition|objection))");
  private static final Pattern SMALL_TALK =
      Pattern.compile(
          "^((hi|hello|hey|bonjour|bonsoir|salut|coucou|thanks|thank you|thx|merci|ok|okay|d accord|good|great|super|cool|parfait"
              + "|perfect|top|yo|bye|au revoir|a plus|see you)( |$))+(beaucoup|a lot|so much|very much|optout|bot)?$");

  /** Words that make a question about OptOut's topic even without a platform name. */
  private static final Set<String> DOMAIN =
      Set.of(
          "ai",
          "ia",
          "data",
          "donnees",
          "privacy",
          "confidentialite",
          "train",
          "training",
          "trained",
          "entrainer",
          "entrainement",
          "entraine",
          "opt",
          "optout",
          "gdpr",
          "rgpd",
          "object",
          "objection",
          "opposer",
          "opposition",
          "consent",
          "consentement",
          "personal",
          "personnelles",
          "personnelle",
          "model",
          "models",
          "modele",
          "modeles",
          "llm",
          "generative",
          "generatives",
          "legitimate",
          "legitime",
          "erase",
          "erasure",
          "effacement",
          "delete",
          "supprimer",
          "profile",
          "profil",
          "posts",
          "publications",
          "scraping",
          "scrape",
          "artificial",
          "artificielle",
          "intelligence",
          "lpd",
          "nlpd",
          "fadp",
          "forgotten",
          "oubli",
          "objecting",
          "oppose",
          "chatbot",
          "chatbots");

  /** Words that make a short question read as a follow-up of the previous answer. */
  private static final Pattern FOLLOW_UP =
      Pattern.compile(
          "^(and|et|also|aussi|what about|how about|et pour|et sur|and on|and for|then|puis|ok and|et si)\\b"
              + "|\\b(phone|mobile|app|iphone|android|ipad|computer|desktop|web|browser|telephone|portable|smartphone"
              + "|ordinateur|ordi|navigateur|past|passe|passees|old|anciennes?|already|deja|before|avant|still|toujours"
              + "|it|this|that|ca|cela|le|la|les)\\b");

  /** Whether a question without a platform may continue the last answer's topic. */
  public boolean isFollowUp(String question) {
    String folded = String.join(" ", Text.words(question));
    return FOLLOW_UP.matcher(folded).find() || domainWords(question) > 0;
  }

  public Intent classify(String question, boolean platformNamed) {
    String folded = String.join(" ", Text.words(question));
    if (SMALL_TALK.matcher(folded).matches()) {
      return Intent.SMALL_TALK;
    }
    if (LETTER.matcher(folded).find()) {
      return Intent.LETTER;
    }
    if (EVERYWHERE.matcher(folded).find() && !platformNamedOnly(folded, platformNamed)) {
      return Intent.EVERYWHERE;
    }
    if (LEGAL.matcher(folded).find() && !isHowTo(folded)) {
      return Intent.LEGAL;
    }
    if (FACTS.matcher(folded).find() && !isHowTo(folded)) {
      return Intent.FACTS;
    }
    return Intent.HOW_TO;
  }

  /** How many words of the question belong to OptOut's topic. */
  public int domainWords(String question) {
    List<String> words = Text.words(question);
    return (int) words.stream().filter(DOMAIN::contains).count();
  }

  private static boolean isHowTo(String folded) {
    return folded.matches(
        ".*\\b(how (do|can|to)|comment (faire|empecher|desactiver|refuser|arreter|bloquer|supprimer)|turn off|switch off|desactiver|stop)\\b.*");
  }

  /** "all my Instagram photos" names one platform: the checklist is for "all platforms". */
  private static boolean platformNamedOnly(String folded, boolean platformNamed) {
    return platformNamed
        && !folded.matches(
            ".*\\b(everywhere|partout|all (the |my )?(social )?(networks|platforms)|every (social )?(network|platform)|tous les reseaux|toutes les plateformes|tout bloquer)\\b.*");
  }
}
