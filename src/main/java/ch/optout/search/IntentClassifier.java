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
              + "|(letter|lettre|courrier|template)s? (to|for|pour|a|au|aux|de|d) |modeles? (de |d )(lettre|courrier|mail|e mail)"
              + "|write (a |an )?(letter|email|e mail)"
              + "|(write|draft|send)( me| them| us| him| her| it| to them)? (a |an |the |my )?(objection )?letter\\b"
              + "|(ecri(re|s|vez)|redige(r|z)?|envoie|envoy(er|ez))( moi| leur| lui| nous)? (une |un |la |le |ma |mon )?(lettre|courrier|mail|e mail)"
              + "|lettres? type|(lettre|courrier)s? d (opposition|objection))");
  private static final Pattern SMALL_TALK =
      Pattern.compile(
          "^((hi|hello|hey|bonjour|bonsoir|salut|coucou|thanks|thank you|thx|merci|ok|okay|d accord|good|great|super|cool|parfait"
              + "|perfect|top|yo|bye|au revoir|a plus|see you)( |$))+(beaucoup|a lot|so much|very much|optout|bot)?$");

  /** Thanks, greetings and acknowledgements followed by a few words ("thanks, that worked"). */
  private static final Pattern SMALL_TALK_START =
      Pattern.compile(
          "^(hi|hello|hey|bonjour|bonsoir|salut|coucou|thanks|thank you|thx|merci|ok|okay|d accord|great|super|cool|parfait|perfect"
              + "|top|nickel|genial|excellent|awesome|bye|au revoir|good night|bonne (soiree|journee|nuit))\\b");

  /** About a platform, but not about AI training: accounts, audience, unrelated letters. */
  private static final Pattern OFF_TOPIC =
      Pattern.compile(
          "\\b(password|passwords|mot de passe|mots de passe|mdp|log ?in|sign in|se connecter|connexion|hacked|piratee?|locked out|bloquee?"
              + "|code (par )?sms|verification code|code de verification|followers?|abonnes|likes|more views|plus de vues|reach|for you( page)?|fyp|pour toi"
              + "|algorithm|algorithme|best time|meilleur moment|quelle heure|what time|go viral|viral|monetiz\\w*|monetis\\w*|grow my|faire grandir"
              + "|cover letter|motivation letter|lettre de motivation|landlord|proprietaire|bailleur|heating|chauffage|job application letter"
              + "|profile (photo|picture|pic)|photo de profil|username|nom d utilisateur|blue (tick|check)|badge bleu|certif\\w*"
              + "|recipe|recette|weather|meteo|poem|poeme|joke|blague|homework|devoirs"
              + "|(delete|close|deactivate|remove) (my|the|your)( \\w+)? account|(supprimer|fermer|desactiver) (mon|le|ton|votre) compte)\\b");

  /** Words that make a text about AI training even when it also mentions followers or a login. */
  private static final Pattern TRAINING =
      Pattern.compile(
          "(?<!\\bj )\\b(ai|ia|train\\w*|entrain\\w*|model|models|modele|modeles|opt out|optout|objection|object|oppos\\w*|gdpr|rgpd|grok|gemini|chatgpt|llm|scrap\\w*)\\b");

  /** "which of them", « lesquels », "compare": a question about several platforms at once. */
  private static final Pattern COMPARE =
      Pattern.compile(
          "\\b(which|lesquels|lesquelles|lequel|laquelle|compare|comparer|comparaison|versus|between|entre|difference|differences"
              + "|which one|which of them|each of them|chacun|chacune|both|les deux|all three|les trois)\\b");

  /** "Which platforms have no setting?", « lesquels n'entraînent pas l'IA ? » */
  private static final Pattern KINDS =
      Pattern.compile(
          "\\b(which|what|quelles?|quels?|lesquel(le)?s)\\b.{0,30}\\b(platforms?|services?|plateformes?|apps?|applis?|applications?|sites?|reseaux|networks?|ones|ont|have|offer|offrent|proposent)\\b.{0,40}"
              + "\\b(setting|settings|switch|toggle|reglage|reglages|interrupteur|option|opt out|form|forms|formulaire|formulaires|train|entrain\\w*)\\b");

  /** Which opt-out kinds a "which platforms…" question asks for, as {@code OptOutKind} names. */
  public static List<String> kindsAsked(String question) {
    String folded = Text.wordLine(question);
    if (folded.matches(
        ".*\\b(don t|do not|doesn t|does not|n entrain\\w*|ne s entrain\\w*|pas d entrainement|not train\\w*|won t train)\\b.*")) {
      return List.of("NOT_NEEDED");
    }
    if (folded.matches(
        ".*\\b(no|pas de|aucun|aucune|sans|without|n ont pas|have no|don t have)\\b.{0,20}\\b(setting|settings|switch|toggle|reglage|reglages|interrupteur|option|opt out)\\b.*")) {
      return List.of("FORM", "NONE");
    }
    if (folded.matches(".*\\b(form|forms|formulaire|formulaires)\\b.*")) {
      return List.of("FORM");
    }
    if (folded.matches(
        ".*\\b(setting|settings|switch|toggle|reglage|reglages|interrupteur)\\b.*")) {
      return List.of("SETTING");
    }
    return List.of("SETTING", "FORM", "NONE", "NOT_NEEDED");
  }

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
    String folded = Text.wordLine(question);
    return FOLLOW_UP.matcher(folded).find() || domainWords(question) > 0;
  }

  public Intent classify(String question, boolean platformNamed) {
    return classify(question, platformNamed ? 1 : 0);
  }

  /**
   * @param platformsNamed how many different platforms the question names
   */
  public Intent classify(String question, int platformsNamed) {
    boolean platformNamed = platformsNamed > 0;
    String folded = Text.wordLine(question);
    if (SMALL_TALK.matcher(folded).matches() || isShortSmallTalk(question, folded, platformNamed)) {
      return Intent.SMALL_TALK;
    }
    boolean training = TRAINING.matcher(folded).find();
    if (OFF_TOPIC.matcher(folded).find() && !training) {
      return Intent.OFF_TOPIC;
    }
    if (LETTER.matcher(folded).find()) {
      // "a letter to my landlord" is no objection letter
      return platformNamed || training || domainWords(question) > 0
          ? Intent.LETTER
          : Intent.OFF_TOPIC;
    }
    if (platformsNamed >= 2 && COMPARE.matcher(folded).find()) {
      return Intent.COMPARE;
    }
    if (platformsNamed == 0 && KINDS.matcher(folded).find()) {
      // "which platforms have no setting?": every platform, sorted by what it offers
      return Intent.COMPARE;
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

  /** "thanks, that worked", « merci beaucoup ça marche » — no question, no platform, no topic. */
  private boolean isShortSmallTalk(String question, String folded, boolean platformNamed) {
    return SMALL_TALK_START.matcher(folded).find()
        && !platformNamed
        && !question.contains("?")
        && folded.split(" ").length <= 7
        && domainWords(question) == 0
        && !TRAINING.matcher(folded).find();
  }

  /** The kind of small talk, for a reply that fits: "hello", "thanks", "bye" or "ok". */
  public static String smallTalkKind(String question) {
    String folded = Text.wordLine(question);
    if (folded.matches("^(hi|hello|hey|bonjour|bonsoir|salut|coucou|yo)\\b.*")) {
      return "hello";
    }
    if (folded.matches(".*\\b(thanks|thank you|thx|merci)\\b.*")) {
      return "thanks";
    }
    if (folded.matches(
        ".*\\b(bye|au revoir|a plus|see you|good night|bonne (soiree|journee|nuit))\\b.*")) {
      return "bye";
    }
    return "ok";
  }

  /** How many words of the question belong to OptOut's topic. */
  public int domainWords(String question) {
    List<String> words = Text.words(question);
    return (int) words.stream().filter(DOMAIN::contains).count();
  }

  /** "How do I…", « comment désactiver… », "turn off": the question asks for steps. */
  /**
   * Whether the question asks for a letter, platform or not ("write me a letter", « écris-leur une
   * lettre »): after a guide, the letter is for the platform in context.
   */
  public static boolean asksLetter(String question) {
    return LETTER.matcher(Text.wordLine(question)).find();
  }

  public static boolean asksHowTo(String question) {
    return isHowTo(Text.wordLine(question));
  }

  private static boolean isHowTo(String folded) {
    return folded.matches(
        ".*\\b(how (do|can|to|should)|comment (faire|empecher|desactiver|refuser|arreter|bloquer|supprimer|s opposer|je fais|on fait|m opposer)|turn (it |that )?off|switch (it |that )?off|desactiver|stop|je fais comment|je clique ou|clique ou|where do i (click|tap|go|find)|ou (est|se trouve) (le|la) (reglage|bouton|option)|where is the (setting|button|option)|what (are the )?steps|les etapes)\\b.*");
  }

  /** "all my Instagram photos" names one platform: the checklist is for "all platforms". */
  private static boolean platformNamedOnly(String folded, boolean platformNamed) {
    return platformNamed
        && !folded.matches(
            ".*\\b(everywhere|partout|all (the |my )?(social )?(networks|platforms)|every (social )?(network|platform)|tous les reseaux|toutes les plateformes|tout bloquer)\\b.*");
  }
}
