package ch.optout.answer;

import ch.optout.knowledge.DocumentKind;
import ch.optout.knowledge.Guide;
import ch.optout.knowledge.KnowledgeBase;
import ch.optout.knowledge.Language;
import ch.optout.knowledge.OptOutKind;
import ch.optout.knowledge.Section;
import ch.optout.knowledge.SectionKind;
import ch.optout.knowledge.Source;
import ch.optout.search.Facets;
import ch.optout.search.Intent;
import ch.optout.search.IntentClassifier;
import ch.optout.search.Passage;
import ch.optout.search.ScoredPassage;
import ch.optout.search.SearchResult;
import ch.optout.search.Text;
import ch.optout.search.Understanding;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The default composer: it only copies what the knowledge says, so every sentence of an answer can
 * be traced to a guide and its sources.
 */
public final class ExtractiveComposer implements AnswerComposer {
  static final String NAME = "extractive";

  /**
   * "Summarise the article", « résume l'article »: the summary, not the passage richest in the
   * words.
   */
  private static final java.util.regex.Pattern SUMMARISE =
      java.util.regex.Pattern.compile("(?i)\\b(summar|résum|resum|en bref|in short|tl;?dr)");

  /** A yes/no question's first words, in either language. */
  private static final java.util.regex.Pattern FACT_OPENER =
      java.util.regex.Pattern.compile(
          "(is|are|does|do|did|will|would|can|could|has|have|est ce qu|est ce que|est il|est elle|y a t il|faut il|si je)\\b");

  private static final java.util.regex.Pattern USE_VERB =
      java.util.regex.Pattern.compile(
          "\\b(use|uses|using|used|train|trains|training|trained|feed|feeds|feeding|utilise\\w*|utilisent|entraine\\w*|exploite\\w*|sert|servent|nourri\\w*)\\b");

  private static final java.util.regex.Pattern WH_WORD =
      java.util.regex.Pattern.compile(
          "\\b(how|what|which|when|where|why|who|comment|quoi|quel|quels|quelle|quelles|quand|ou|pourquoi|qui|combien)\\b");

  /**
   * A yes-or-no question whether the platform uses something ("Does Instagram use my photos for
   * AI?", « TikTok utilise-t-il mes vidéos ? »): its answer is what data is used, then the action.
   */
  static boolean asksWhetherUsed(String question) {
    String folded = Text.wordLine(question);
    boolean yesNo =
        FACT_OPENER.matcher(folded).lookingAt()
            || folded.matches(".*\\b\\w+ t (il|elle|ils|elles)\\b.*")
            // « Meta utilise quand même mes photos ? »: a question by its tone alone
            || (question.strip().endsWith("?") && !WH_WORD.matcher(folded).find());
    return yesNo && USE_VERB.matcher(folded).find();
  }

  /** A card sharing this much with a question answers it even when another platform is named. */
  static final double STRONG_CARD = 5.0;

  private final KnowledgeBase knowledge;
  private final Messages messages;
  private final CardFinder cards;
  private final LeadAnswers leads;

  public ExtractiveComposer(KnowledgeBase knowledge, Messages messages) {
    this(knowledge, messages, Clock.systemUTC());
  }

  /**
   * @param clock today's date, to warn when a guide was checked long ago
   */
  public ExtractiveComposer(KnowledgeBase knowledge, Messages messages, Clock clock) {
    this.knowledge = knowledge;
    this.messages = messages;
    this.cards = new CardFinder(knowledge);
    this.leads = new LeadAnswers(messages, clock);
  }

  @Override
  public Answer compose(SearchResult result) {
    Understanding u = result.understanding();
    if (u.intent() == Intent.SMALL_TALK) {
      return smallTalk(u);
    }
    if (u.intent() == Intent.OFF_TOPIC) {
      return offTopic(u);
    }
    if (u.uncovered().isPresent() && u.platforms().isEmpty()) {
      return notCovered(u.language(), u.uncovered().get());
    }
    if (u.intent() == Intent.COMPARE && u.platforms().isEmpty()) {
      return byKind(u);
    }
    Optional<Answer> carded = cardAnswer(result);
    if (carded.isPresent()) {
      return alsoUncovered(carded.get(), u);
    }
    if (!result.confident()) {
      return decline(u, result.unknownPlatform());
    }
    Answer answer =
        switch (u.intent()) {
          case EVERYWHERE -> checklist(u.language());
          // letters need the user's region: the conversation asks for it before composing
          case LETTER -> u.platforms().isEmpty() ? decline(u) : howTo(u);
          case LEGAL -> information(result, true);
          case FACTS -> u.platforms().isEmpty() ? information(result, true) : facts(result);
          default -> u.platforms().isEmpty() ? information(result, true) : howTo(u);
        };
    return alsoUncovered(answer, u);
  }

  /**
   * The answer a card gives: the law's for a legal facet ("complaint-switzerland"), the article's
   * for a question about it, else the platform's ("retroactive" on LinkedIn); one line per platform
   * when several are named.
   */
  private Optional<Answer> cardAnswer(SearchResult result) {
    Understanding u = result.understanding();
    List<String> facets = new ArrayList<>(u.facets());
    // "Is it retroactive if I switch off ChatGPT's training?" names an action but asks a fact
    boolean howTo =
        IntentClassifier.asksHowTo(u.question())
            && !(FACT_OPENER.matcher(Text.fold(u.question()).strip()).lookingAt()
                && facets.stream().anyMatch(CardFinder.HOW_TO_FACTS::contains));
    if (howTo) {
      // "how do I stop LinkedIn using my CV?" asks for steps, not for what data is used; "does
      // Instagram use my photos?" asks whether it does
      boolean whetherUsed = asksWhetherUsed(u.question());
      facets.removeIf(
          f ->
              !Facets.isLegal(f)
                  && !CardFinder.HOW_TO_FACTS.contains(f)
                  && !(whetherUsed && f.equals("data")));
    }
    List<Guide> platforms = allPlatformGuides(u);
    boolean topical =
        !platforms.isEmpty()
            || u.domainWords() > 0
            || u.intent() == Intent.LEGAL
            || u.intent() == Intent.FACTS
            // "who supervises this in Geneva?": asked of a data-protection assistant, the answer is
            // that country's regulator
            || facets.stream().anyMatch(f -> f.startsWith("complaint-"));
    List<CardFinder.Found> found = new ArrayList<>();
    if (Facets.mentionsArticle(u.question()) && topical) {
      found.addAll(cards.article(facets, u.question(), u.language()));
    }
    if (topical) {
      cards.legal(facets, u.language(), u.question()).ifPresent(found::add);
    }
    if (!found.isEmpty()) {
      return Optional.of(
          leads.fact(found.get(0).guide(), u, found, platforms.stream().findFirst()));
    }
    if (platforms.size() == 2
        && u.intent() != Intent.COMPARE
        && !facets.contains("scope")
        && mentions(platforms.get(0), platforms.get(1).id()) >= 2) {
      // "does Google Photos train Gemini on my photos?" is about Google Photos, whose guide
      // explains what it has to do with Gemini
      platforms = List.of(platforms.get(0));
    }
    if (platforms.size() >= 2 && u.intent() != Intent.COMPARE && !facets.isEmpty()) {
      // "does YouTube's switch also stop Google training Gemini?" is about YouTube: one of its
      // cards answers it, naming the other
      Optional<CardFinder.Scored> first = cards.best(platforms.get(0), u.question(), facets);
      if (first.filter(b -> b.score() >= STRONG_CARD).isPresent()) {
        platforms = List.of(platforms.get(0));
      }
    }
    if (u.intent() == Intent.COMPARE || platforms.size() >= 2) {
      return platforms.size() >= 2
          ? Optional.of(leads.compare(platforms, u, facets, cards))
          : Optional.empty();
    }
    if (platforms.size() == 1) {
      return platformCard(result, platforms.get(0), facets, howTo);
    }
    if (topical && (u.intent() == Intent.LEGAL || u.intent() == Intent.FACTS)) {
      // without a facet, a law card must share much with the question: "what does the GDPR say
      // about…" wants the law's own explanation, not the nearest card
      return cards
          .byWords(cards.documents(DocumentKind.LAW, u.language()), u.question(), 3)
          .map(f -> leads.fact(f.guide(), u, List.of(f), Optional.empty()));
    }
    return Optional.empty();
  }

  /**
   * The answer from one platform's cards: the card asked for (or, for a question no card asks, the
   * line of the guide that answers it), or an honest "my sources say nothing about it" before the
   * steps; empty for a plain how-to.
   */
  private Optional<Answer> platformCard(
      SearchResult result, Guide g, List<String> facets, boolean howTo) {
    Understanding u = result.understanding();
    boolean strongFacet =
        facets.stream().anyMatch(f -> !CardFinder.WEAK_FACETS.contains(f))
            || (facets.contains("data") && asksWhetherUsed(u.question()));
    if (u.intent() == Intent.LETTER || (howTo && !strongFacet)) {
      return Optional.empty();
    }
    Optional<CardFinder.Scored> best = cards.best(g, u.question(), facets);
    if (facets.contains("data")
        && asksWhetherUsed(u.question())
        && best.filter(b -> facets.contains(b.found().card().id()) || b.score() >= 3).isEmpty()) {
      // "does Instagram use my photos?": the guide's answer to what data it uses, unless a card
      // shares much more with the question ("does Gmail use my emails to train Gemini?")
      Optional<CardFinder.Scored> data =
          g.card("data").map(c -> new CardFinder.Scored(new CardFinder.Found(g, c), 0));
      if (data.isPresent()) {
        best = data;
      }
    }
    int line = CardFinder.bestLineScore(g, u.question());
    // "my account is protected: can Grok still use my posts?" is answered by a line of the
    // guide no card asks about
    boolean facetCard =
        best.filter(b -> facets.contains(b.found().card().id()))
            .filter(b -> !b.found().card().id().equals("data"))
            .isPresent();
    if (!howTo
        && !facetCard
        && line >= 3
        && best.map(b -> line > b.score()).orElse(true)
        && u.intent() != Intent.COMPARE) {
      return Optional.of(facts(result));
    }
    Optional<String> unanswered =
        facets.stream()
            .filter(CardFinder.HOW_TO_FACTS::contains)
            .findFirst()
            .filter(f -> g.card(f).isEmpty());
    if (unanswered.isPresent()
        && best.filter(b -> facets.contains(b.found().card().id())).isEmpty()) {
      // asked something this guide's sources do not cover: say so, then what can be done
      Answer steps = leads.howTo(g, u, List.of());
      return Optional.of(
          steps.toBuilder()
              .lead(
                  messages.get(
                          u.language(),
                          "facet.unknown",
                          g.platform(),
                          messages.get(u.language(), "facet." + unanswered.get()))
                      + "\n\n"
                      + steps.lead())
              .build());
    }
    if (best.isEmpty()) {
      return Optional.empty();
    }
    List<CardFinder.Found> facts = new ArrayList<>(List.of(best.get().found()));
    // a second thing asked ("my CVs? and my private messages?") gets its card too
    for (String facet : facets) {
      if (!facet.equals(best.get().found().card().id())
          && !CardFinder.WEAK_FACETS.contains(facet)) {
        g.card(facet).map(c -> new CardFinder.Found(g, c)).ifPresent(facts::add);
        break;
      }
    }
    return Optional.of(howTo ? leads.howTo(g, u, facts) : leads.fact(g, u, facts, Optional.of(g)));
  }

  /** "Which platforms have no setting?": those of the kinds asked, one line each. */
  private Answer byKind(Understanding u) {
    List<String> kinds = IntentClassifier.kindsAsked(u.question());
    List<Guide> guides =
        knowledge.guides(u.language()).stream()
            .filter(g -> kinds.contains(g.optOut().map(Enum::name).orElse("NONE")))
            .toList();
    if (guides.isEmpty()) {
      return decline(u);
    }
    return leads.compare(guides, u, List.of(), cards).toBuilder()
        .title(messages.get(u.language(), "compare.kinds.title", guides.size()))
        .platformId(Optional.empty())
        .build();
  }

  /** A how-to for one platform: its action first, the device's steps, the key caveats. */
  private Answer howTo(Understanding u) {
    List<Guide> guides = allPlatformGuides(u);
    if (guides.isEmpty()) {
      // a platform remembered from a knowledge folder that no longer has it
      return decline(u);
    }
    if (guides.size() >= 2) {
      return leads.compare(guides, u, List.of(), cards);
    }
    return leads.howTo(guides.get(0), u, List.of());
  }

  /**
   * The short how-to of one platform, as for "how do I stop it?": the action, then the steps of one
   * group (web, mobile app…) when {@code group} is one of the guide's, else of every device.
   */
  public Answer howTo(String platformId, Language language, int group) {
    Guide g = knowledge.findAny(platformId, language).orElseThrow();
    Understanding u = new Understanding("", language, true, List.of(platformId), Intent.HOW_TO, 1);
    Answer a = leads.howTo(g, u, List.of());
    List<StepGroup> all = LeadAnswers.steps(g, "");
    return group >= 0 && group < all.size()
        ? a.toBuilder().steps(List.of(all.get(group))).build()
        : a;
  }

  /** Everything a guide says, for "more" / « plus » after a short answer. */
  public Answer more(String platformId, Language language) {
    Answer full = guide(platformId, language);
    Guide g = knowledge.findAny(platformId, language).orElseThrow();
    return full.toBuilder()
        .title(messages.get(language, "answer.more.title", g.platform()))
        .warning(leads.warning(List.of(g), language))
        .link(g.link())
        .build();
  }

  /** "Hello", "thanks", "ok": one short line, never the whole welcome. */
  private Answer smallTalk(Understanding u) {
    String kind = IntentClassifier.smallTalkKind(u.question());
    return Answer.message(u.language(), "", messages.get(u.language(), "smalltalk." + kind));
  }

  /** A platform named, but not about AI training: a short decline, never a guide. */
  private Answer offTopic(Understanding u) {
    Language language = u.language();
    String body =
        u.platforms().isEmpty()
            ? messages.get(language, "offtopic.body.general")
            : messages.get(
                language,
                "offtopic.body",
                knowledge
                    .findAny(u.platforms().get(0), language)
                    .map(Guide::platform)
                    .orElse(u.platforms().get(0)));
    return Answer.builder(language, AnswerKind.DECLINE)
        .answered(false)
        .title(messages.get(language, "offtopic.title"))
        .lead(body + "\n\n" + messages.get(language, "offtopic.examples"))
        .build();
  }

  /** A service OptOut has no guide for: said by name, with what works anyway. */
  public Answer notCovered(Language language, String service) {
    return Answer.builder(language, AnswerKind.DECLINE)
        .answered(false)
        .title(messages.get(language, "notcovered.title", service))
        .lead(
            messages.get(language, "notcovered.body", service)
                + "\n\n"
                + messages.get(language, "notcovered.note", service))
        .build();
  }

  private Answer alsoUncovered(Answer answer, Understanding u) {
    if (u.uncovered().isEmpty() || !answer.answered()) {
      return answer;
    }
    return answer.toBuilder()
        .lead(
            messages.get(u.language(), "notcovered.also", u.uncovered().get())
                + "\n\n"
                + answer.lead())
        .build();
  }

  /** How often a guide's prose and cards name another platform, by that platform's id. */
  private static int mentions(Guide guide, String platformId) {
    String name = " " + platformId.replace('-', ' ') + " ";
    StringBuilder text = new StringBuilder();
    guide.sections().forEach(s -> text.append(' ').append(s.fullText()));
    guide
        .cards()
        .forEach(c -> text.append(' ').append(c.question()).append(' ').append(c.answer()));
    String folded = " " + String.join(" ", ch.optout.search.Text.words(text.toString())) + " ";
    int count = 0;
    for (int at = folded.indexOf(name); at >= 0; at = folded.indexOf(name, at + 1)) {
      count++;
    }
    return count;
  }

  private List<Guide> allPlatformGuides(Understanding u) {
    return u.platforms().stream()
        .map(id -> knowledge.findAny(id, u.language()))
        .flatMap(Optional::stream)
        .toList();
  }

  /** The whole guide of one platform, as if the user had asked how to opt out of it. */
  public Answer guide(String platformId, Language language) {
    Guide g = knowledge.findAny(platformId, language).orElseThrow();
    return Answer.builder(language, AnswerKind.GUIDE)
        .platformId(Optional.of(g.id()))
        .title(g.title())
        .lead(summary(g))
        .steps(LeadAnswers.steps(g, ""))
        .caveats(items(g, SectionKind.NOT_COVERED))
        .notes(items(g, SectionKind.GOOD_TO_KNOW))
        .sources(g.sources())
        .verified(g.verified())
        .warning(leads.warning(List.of(g), language))
        .link(g.link())
        .build();
  }

  /** A fact about a named platform, then that platform's steps so the user can act on it. */
  private Answer facts(SearchResult result) {
    Understanding u = result.understanding();
    Guide main = allPlatformGuides(u).get(0);
    List<Guide> cited = new ArrayList<>(List.of(main));
    List<Section> candidates =
        new ArrayList<>(
            main.sections().stream().filter(s -> s.kind() != SectionKind.STEPS).toList());
    result.hits().stream()
        .map(h -> h.passage().guide())
        .filter(g -> mentions(g, main))
        .findFirst()
        .ifPresent(
            article -> {
              candidates.addAll(article.sections());
              cited.add(article);
            });
    List<String> lines = Snippets.bestLines(candidates, u.question(), 2);
    if (lines.isEmpty()) {
      return howTo(u);
    }
    List<String> caveats =
        items(main, SectionKind.NOT_COVERED).stream()
            .filter(c -> !lines.contains(c))
            .limit(LeadAnswers.KEY_CAVEATS)
            .toList();
    return Answer.builder(u.language(), AnswerKind.GUIDE)
        .platformId(Optional.of(main.id()))
        .title(main.title())
        .lead(
            String.join("\n\n", lines)
                + "\n\n**"
                + main.platform()
                + "** "
                + leads.kindLine(main, u.language()))
        .steps(
            IntentClassifier.asksHowTo(u.question())
                ? LeadAnswers.steps(main, u.question())
                : List.of())
        .caveats(caveats)
        .sources(sources(cited))
        .verified(oldest(cited))
        .warning(leads.warning(cited, u.language()))
        .link(main.link())
        .more(true)
        .build();
  }

  /** Law or background facts: the best passages, and a platform's steps when one is named. */
  private Answer information(SearchResult result, boolean legal) {
    Understanding u = result.understanding();
    List<ScoredPassage> picked = new ArrayList<>();
    for (ScoredPassage hit : result.hits()) {
      DocumentKind kind = hit.passage().guide().kind();
      boolean fits =
          !legal
              || kind == DocumentKind.LAW
              || kind == DocumentKind.ARTICLE
              || kind == DocumentKind.DOCUMENT;
      if (fits
          && picked.stream().noneMatch(p -> p.passage().guide().equals(hit.passage().guide()))) {
        picked.add(hit);
      }
      if (picked.size() == 2) {
        break;
      }
    }
    if (picked.isEmpty()) {
      picked.add(result.hits().get(0));
    }
    Passage top = picked.get(0).passage();
    if (top.section().kind() == SectionKind.CARD && !SUMMARISE.matcher(u.question()).find()) {
      // the best passage is a card: its answer, with the sources it cites, not its phrasings
      Optional<ch.optout.knowledge.Card> card = top.guide().card(top.section().label());
      if (card.isPresent()) {
        return leads.fact(
            top.guide(),
            u,
            List.of(new CardFinder.Found(top.guide(), card.get())),
            allPlatformGuides(u).stream().findFirst());
      }
    }
    List<String> parts = new ArrayList<>();
    List<Guide> cited = new ArrayList<>();
    for (ScoredPassage p : picked) {
      Section section = p.passage().section();
      if (SUMMARISE.matcher(u.question()).find()) {
        section = p.passage().guide().section(SectionKind.SUMMARY).orElse(section);
      }
      parts.addAll(Snippets.best(section, u.question(), 4));
      cited.add(p.passage().guide());
    }
    List<StepGroup> steps = new ArrayList<>();
    if (!u.platforms().isEmpty()) {
      Guide g = allPlatformGuides(u).get(0);
      LeadAnswers.steps(g, u.question()).stream()
          .limit(1)
          .map(
              group ->
                  new StepGroup(
                      group.label().isEmpty() ? g.platform() : g.platform() + " — " + group.label(),
                      group.steps()))
          .forEach(steps::add);
      cited.add(g);
    }
    Guide first = picked.get(0).passage().guide();
    return Answer.builder(u.language(), AnswerKind.INFORMATION)
        .platformId(u.platforms().stream().findFirst())
        .title(first.title())
        .lead(String.join("\n\n", parts))
        .steps(steps)
        .sources(sources(cited))
        .verified(oldest(cited))
        .build();
  }

  /** Every platform OptOut covers with its one-line action: "act everywhere". */
  public Answer checklist(Language language) {
    List<Guide> guides = checklistGuides(language);
    List<String> notNeeded =
        knowledge.guides(language).stream()
            .filter(g -> !guides.contains(g))
            .map(Guide::platform)
            .toList();
    List<String> lines = new ArrayList<>();
    List<Source> sources = new ArrayList<>();
    for (Guide g : guides) {
      String action = g.action().isBlank() ? g.title() : g.action();
      String noOptOut =
          g.optOut().filter(k -> k == OptOutKind.NONE).isPresent()
              ? " " + messages.get(language, "checklist.none")
              : "";
      lines.add("**" + g.platform() + "** — " + action + noOptOut);
      g.sources().stream().findFirst().ifPresent(sources::add);
    }
    return Answer.builder(language, AnswerKind.CHECKLIST)
        .title(messages.get(language, "checklist.title"))
        .lead(messages.get(language, "checklist.lead", guides.size()))
        .steps(List.of(new StepGroup("", lines)))
        .notes(
            notNeeded.isEmpty()
                ? List.of(messages.get(language, "checklist.note"))
                : List.of(
                    messages.get(language, "checklist.note"),
                    messages.get(language, "checklist.notNeeded", String.join(", ", notNeeded))))
        .sources(sources)
        .verified(oldest(guides))
        .build();
  }

  /**
   * The platforms of the "act everywhere" checklist, in list order: every one with something to do
   * (a setting, a form, a letter); not those that say they do not train on your content.
   */
  public List<Guide> checklistGuides(Language language) {
    return knowledge.guides(language).stream()
        .filter(g -> g.optOut().filter(k -> k == OptOutKind.NOT_NEEDED).isEmpty())
        .toList();
  }

  public Answer welcome(Language language) {
    return Answer.message(
        language,
        messages.get(language, "welcome.title"),
        messages.get(language, "welcome.body", coveredPlatforms(language)));
  }

  /** The polite "I don't know", with what OptOut can help with instead. */
  public Answer decline(Understanding u) {
    return decline(u, false);
  }

  private Answer decline(Understanding u, boolean unknownPlatform) {
    Language language = u.language();
    String reason;
    if (unknownPlatform) {
      reason = messages.get(language, "decline.unknownPlatform");
    } else if (u.domainWords() > 0 && u.platforms().isEmpty()) {
      reason = messages.get(language, "decline.whichPlatform");
    } else {
      reason = messages.get(language, "decline.outOfScope");
    }
    String lead =
        reason
            + "\n\n"
            + messages.get(language, "decline.covered", coveredPlatforms(language))
            + "\n\n"
            + messages.get(language, "decline.examples");
    return Answer.builder(language, AnswerKind.DECLINE)
        .answered(false)
        .title(messages.get(language, "decline.title"))
        .lead(lead)
        .build();
  }

  /** Beyond this many, a list of platform names is a wall of text: a count and /platforms. */
  static final int LISTED_PLATFORMS = 12;

  /** "LinkedIn, Meta, TikTok", or "45 services (/platforms lists them)" when there are many. */
  public String coveredPlatforms(Language language) {
    List<Guide> guides = knowledge.guides(language);
    if (guides.size() > LISTED_PLATFORMS) {
      return messages.get(language, "covered.count", guides.size());
    }
    return guides.stream().map(Guide::platform).collect(Collectors.joining(", "));
  }

  private static boolean mentions(Guide article, Guide platform) {
    if (article.kind() != DocumentKind.ARTICLE) {
      return false;
    }
    String text =
        article.sections().stream()
            .map(Section::fullText)
            .collect(Collectors.joining(" "))
            .toLowerCase(Locale.ROOT);
    return text.contains(platform.id())
        || text.contains(platform.platform().toLowerCase(Locale.ROOT));
  }

  private static String summary(Guide g) {
    return g.section(SectionKind.SUMMARY).map(Section::text).orElse("");
  }

  private static List<String> items(Guide g, SectionKind kind) {
    return g.sections(kind).stream()
        .flatMap(
            s ->
                Stream.concat(
                    s.text().isBlank() ? Stream.empty() : Stream.of(s.text()), s.items().stream()))
        .toList();
  }

  private static List<Source> sources(List<Guide> guides) {
    LinkedHashSet<Source> all = new LinkedHashSet<>();
    guides.forEach(g -> all.addAll(g.sources()));
    return List.copyOf(all);
  }

  private static Optional<LocalDate> oldest(List<Guide> guides) {
    return guides.stream()
        .map(Guide::verified)
        .flatMap(Optional::stream)
        .filter(Objects::nonNull)
        .min(Comparator.naturalOrder());
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
