package ch.optout.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one thing a question asks about a platform or the law ("is it retroactive?", "my daughter is
 * 15", "who do I complain to in Geneva?"), as answer-card ids shared by every guide. Rules over
 * folded words, in both languages; the order of the result is the order of importance.
 */
public final class Facets {
  private static final Map<String, Pattern> RULES = new LinkedHashMap<>();

  private static void rule(String id, String regex) {
    RULES.put(id, Pattern.compile("\\b(" + regex + ")\\b"));
  }

  static {
    // the law's questions first: they answer even when a platform is named
    rule(
        "complaint",
        "complain|complaints?|complaining|plaintes?|plaindre|plains|reclamations?|reclamer|report (them|it|linkedin|meta|x)"
            + "|signaler|regulator|regulateur|autorite de (controle|protection)|who (do|can|should) i (turn|go) to|a qui m adresser"
            + "|qui controle|who (supervises|regulates|oversees|enforces|controls)|supervisory authority|autorite competente");
    rule(
        "which-law",
        "which law|what law|quelle loi|quel droit|gdpr or (the )?swiss|rgpd ou (la )?(lpd|loi suisse|nlpd)|swiss law or|loi suisse ou"
            + "|lpd ou (le )?rgpd|fadp or|protects? me|me protege|applies to me|s applique a moi"
            + "|(gdpr|rgpd|lpd|nlpd|fadp|swiss law|loi suisse) (apply|applies|s applique)|(does|do) (the )?(gdpr|rgpd|fadp) apply");
    rule(
        "legal-bases",
        "how many (legal|lawful) bases|(legal|lawful) bases?|combien de bases|bases? (juridiques?|legales?)|six bases");
    rule(
        "public-data",
        "(profile|profil|posts?|data|donnees|compte|account) (is|are|est|sont) (public|publique|publiques|publics)"
            + "|public (anyway|data|profile)|donnees publiques|profil public|publiques? de toute facon|not personal data|plus des donnees personnelles");
    rule(
        "objection-vs-consent",
        "(consent|consentement).{0,60}(object\\w*|oppos\\w*|opt out)|(object\\w*|oppos\\w*|opt out).{0,60}(consent|consentement)"
            + "|opt in or opt out|opt in vs|opt in ou opt out|why (is it|do i have) to (object|opt out)|pourquoi (c est|est ce) a moi");
    rule("omnibus", "omnibus|88c|article 88|digital omnibus");
    // the article's questions
    rule(
        "quoted",
        "quoted?|quotes|cite|cites|expert|who is he|qui est il|interview(e|ed)?|interroge|specialiste|avocat|lawyer");
    rule(
        "risk",
        "risk|risks|risque|risques|danger|dangers|why does .{0,40}recommend|pourquoi .{0,40}recommande");
    // a platform's questions
    rule(
        "retroactive",
        "retroacti\\w*|retroactively|already (trained|used|learned|learnt|taken|collected)|deja (entraine\\w*|utilise\\w*|appris|pris|collecte\\w*)"
            + "|undo|untrain|unlearn|remove .{0,30}from (the|their|its) (model|ai)|retirer? .{0,30}(du|de leur|de son) (modele|ia)"
            + "|what (it|they|chatgpt|linkedin|meta) (already )?learned|ce qu (il|ils|elle) (a|ont) (deja )?appris|anciens? (posts?|publications?|messages?|donnees)"
            + "|old (posts?|data|messages?)|past (posts?|data)|before i (switched|turned|opted)|avant (de|que)"
            + "|deja (publie\\w*|poste\\w*|partage\\w*|mis en ligne)|already (posted|published|shared|uploaded)"
            + "|l an dernier|l annee derniere|last year|(years?|ans) ago|il y a \\d+ ans");
    rule(
        "minors",
        "daughter|daughters|(my|our|his|her|a|your) sons?|child|children|kid|kids|teen|teens|teenager|teenagers|minor|minors|under 18|under eighteen|underage"
            + "|fille|fils|enfant|enfants|ado|ados|adolescente?s?|mineure?s?|moins de 18|1[0-7] (ans|years? old|yo)|(aged|age) 1[0-7]"
            + "|i m 1[0-7]|i am 1[0-7]|j ai 1[0-7]");
    rule(
        "account-deletion",
        "delete (my|the|your) account|deleting (my|the) account|close (my|the) account|supprimer? (mon|le|son) compte|suppression (du|de mon) compte"
            + "|fermer (mon|le) compte|delete my profile|supprime mon compte");
    rule(
        "non-users",
        "no account|not (on|a user of) (it|facebook|instagram|linkedin|x|tiktok|there)|don t (have|use) (an? )?(account|profile)|without an account|never (signed|joined|used)|pas de compte|sans compte|pas inscrit\\w*"
            + "|other people|someone else|friends? post|photos? of me|tag(ged|s)? me|me tague?|d autres personnes|quelqu un d autre|des amis");
    rule(
        "deadline",
        "deadline|too late|trop tard|any time|anytime|n importe quand|a tout moment|date limite|delai|until when|jusqu a quand|still (object|opt out|time)"
            + "|encore (le temps|possible)|last (day|date)|expire");
    rule(
        "retention",
        "how long|combien de temps|kept|keep (my|the)|stored|store (my|the)|retention|retain|conserv\\w*|garde\\w*|durée|duree");
    rule(
        "business",
        "business|businesses|team plan|teams? (plan|workspace)|enterprise|entreprise|professional account|compte pro|company account|my company|mon entreprise"
            + "|my employer|mon employeur|workspace|edu|education plan|plan team|ma boite|notre boite|our company|employees?|salaries?");
    rule(
        "scope",
        "each device|every device|(is|are) the other|the other (one|account)s?|covered too|couverts? aussi|l autre compte|autres? comptes?|other accounts?|all (my )?devices|per device|chaque appareil|tous (mes|les) appareils|on (my )?phone too|each account|every account"
            + "|all (my )?accounts|tous mes comptes|chaque compte|three times|trois fois|twice|deux fois|separately|separement|(once|une seule fois) for all"
            + "|same (accounts? cent(er|re)|account)|meme compte|also (cover|apply|stop|count)|covers? (also|too|aussi)|couvre (aussi|egalement)|vaut (aussi|egalement)"
            + "|s applique (aussi|egalement)|does (that|this|it) (also|cover|apply)|est ce que ca (couvre|vaut|s applique)");
    rule(
        "regions",
        "switzerland|suisse|swiss|zurich|geneva|geneve|lausanne|bern|berne|basel|bale|fribourg|neuchatel|sion|lugano|canada|canadian|canadien\\w*|quebec|montreal"
            + "|toronto|vancouver|united states|usa|us users|in the us|aux us|america|texas|california|californie|florida|floride|new york|the way people in europe|comme (les gens |les personnes )?en europe|like (people in )?europe|americans?|etats unis|americain\\w*|uk|united kingdom|britain|royaume uni|england|angleterre"
            + "|only (for|in) (the )?(eu|europe)|only europeans?|juste pour les europeens|que (pour )?les europeens|which (countries|regions)|quels pays|quelles regions"
            + "|concerne|concerns? me|affect(s|ed)? me|apply to (me|us)|icitte|outside (the )?(eu|europe)|hors (de l )?(ue|europe)");
    rule(
        "since",
        "since when|when did|when does it start|when will|start(ed|s|ing)? (using|to use|training)|began|begin|depuis quand|a partir de quand|quand (a|est ce que|commence)|commence\\w*|since (20\\d\\d|january|february|march|april|may|june|july|august|september|october|november|december)");
    rule(
        "default",
        "by default|par defaut|d office|pre ?cochee?s?|cochee?s? (d office|par defaut)|ticked|pre ?ticked|never touched|jamais touche|sans rien faire|without doing anything|automatically|automatiquement|do i (have|need) to (do|act)|dois je (faire|agir)|switched on|active (d office|par defaut)|opt(ed)? in automatically");
    rule(
        "private-messages",
        "private messages?|private chats?|dms?|direct messages?|inbox|messages? prives?|messages? privees?|messagerie|discussions?|conversations? privees?"
            + "|messenger chats?|chats? with (my )?(family|friends)|whatsapp messages?|mes messages|my messages|my chats|mes conversations|texts? i send");
    rule(
        "data",
        "what data|which data|what (exactly|information)|quelles? (donnees|informations)|quel type de donnees|what do they use|qu est ce qu (ils|il) utilise\\w*"
            + "|my (cv|resume|photos?|posts?|videos?|voice|recordings?|code|emails?|listening|texts?|files?|designs?|documents?|conversations?|prompts?)"
            + "|mes (cv|photos?|posts?|videos?|publications?|enregistrements?|textes?|fichiers?|annonces?|e mails?|mails?|prompts?|requetes?)|cvs?");
  }

  /** Countries a city or a country name points to, for "who do I complain to in Geneva?". */
  private static final Map<String, Pattern> COUNTRIES = new LinkedHashMap<>();

  private static void country(String code, String regex) {
    COUNTRIES.put(code, Pattern.compile("\\b(" + regex + ")\\b"));
  }

  static {
    country(
        "switzerland",
        "switzerland|suisse|swiss|schweiz|geneva|geneve|lausanne|zurich|bern|berne|basel|bale|fribourg|neuchatel|sion|lugano|lucerne|valais|vaud|ticino|tessin");
    country(
        "france",
        "france|french|francais|paris|lyon|marseille|nantes|toulouse|lille|bordeaux|nice|strasbourg|rennes|montpellier|grenoble");
    country(
        "belgium",
        "belgium|belgique|belgian|belge|brussels|bruxelles|liege|namur|charleroi|antwerp|anvers|ghent|gand|mons");
    country(
        "uk",
        "uk|united kingdom|britain|great britain|royaume uni|england|angleterre|scotland|ecosse|wales|london|londres|leeds|manchester|birmingham|glasgow|edinburgh|bristol|liverpool|cardiff|belfast");
    country("ireland", "ireland|irlande|irish|dublin|cork|galway");
    country("germany", "germany|allemagne|german|berlin|munich|hamburg|cologne|frankfurt");
    country("italy", "italy|italie|italian|rome|milan|turin|naples");
    country("spain", "spain|espagne|spanish|madrid|barcelona|barcelone|valencia|seville");
    country(
        "netherlands",
        "netherlands|pays bas|dutch|holland|amsterdam|rotterdam|utrecht|la haye|the hague");
    country("luxembourg", "luxembourg");
    country("austria", "austria|autriche|vienna|vienne|salzburg|graz");
    country(
        "us",
        "usa|united states|etats unis|america|texas|california|californie|florida|floride|new york|chicago|boston|seattle");
    country(
        "canada", "canada|canadian|canadien\\w*|quebec|montreal|toronto|vancouver|ottawa|calgary");
  }

  /** The facets of a question, most important first. */
  public List<String> of(String question) {
    String folded = Text.wordLine(question);
    List<String> found = new ArrayList<>();
    for (Map.Entry<String, Pattern> rule : RULES.entrySet()) {
      if (rule.getValue().matcher(folded).find()) {
        found.add(rule.getKey());
      }
    }
    if (found.contains("complaint")) {
      country(folded).ifPresent(c -> found.add(0, "complaint-" + c));
      found.remove("regions");
    }
    if (found.contains("which-law")) {
      found.remove("regions");
    }
    if (found.contains("regions") && country(folded).isPresent()) {
      // "does it apply to us in Switzerland?" asks about the region, not about one setting
      found.remove("regions");
      int at = 0;
      while (at < found.size()
          && !List.of("scope", "default", "since", "data").contains(found.get(at))) {
        at++;
      }
      found.add(at, "regions");
    }
    if (found.contains("quoted") && !mentionsArticle(folded)) {
      found.remove("quoted");
    }
    if (found.contains("risk") && !mentionsArticle(folded)) {
      found.remove("risk");
    }
    return found;
  }

  /** The country a question is asked from, by a city or a country name. */
  public Optional<String> country(String folded) {
    for (Map.Entry<String, Pattern> c : COUNTRIES.entrySet()) {
      if (c.getValue().matcher(folded).find()) {
        return Optional.of(c.getKey());
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a question is about a press article ("the Le Temps article", « l'article du Temps »).
   */
  public static boolean mentionsArticle(String question) {
    String folded = Text.wordLine(question);
    return folded.matches(
        ".*\\b(article|articles|le temps|press|presse|journal|newspaper|journalist|journaliste)\\b.*");
  }

  /** Facets that belong to the law files, not to a platform's guide. */
  public static boolean isLegal(String facet) {
    return facet.startsWith("complaint")
        || facet.equals("which-law")
        || facet.equals("legal-bases")
        || facet.equals("public-data")
        || facet.equals("objection-vs-consent")
        || facet.equals("omnibus");
  }
}
