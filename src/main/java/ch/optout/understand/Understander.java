package ch.optout.understand;

import ch.optout.knowledge.Card;
import ch.optout.knowledge.DocumentKind;
import ch.optout.knowledge.Guide;
import ch.optout.knowledge.KnowledgeBase;
import ch.optout.knowledge.Language;
import ch.optout.knowledge.OptOutKind;
import ch.optout.search.Embedder;
import ch.optout.search.LanguageDetector;
import ch.optout.search.PlatformMatcher;
import ch.optout.search.Text;
import ch.optout.search.UncoveredServices;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one understanding stage: a message in, a {@link Reading} out. Names (platforms, services,
 * places, labels) are matched exactly or with typos; what the message does, whether it is in scope,
 * what shape of answer and which cards it asks for are learned from exemplars — each language's
 * {@link LanguagePack} and every answer card's question and phrasings in the knowledge — by {@link
 * ExemplarClassifier}s.
 */
public final class Understander {
  /** An age under 18 said with its unit ("15 ans", "14 yo", "I'm 16"): a minor, exactly. */
  private static final Pattern AGE =
      Pattern.compile(
          "\\b(1[0-7]|[5-9]) ?(ans|an|years? old|yo|y o)\\b|\\b(i m|i am|j ai|she s|he s|she is|he is|il a|elle a) (1[0-7])\\b");

  private final LanguageDetector languages;
  private final PlatformMatcher platforms;
  private final UncoveredServices uncovered;
  private final Regions regions;
  private final Labels labels;
  private final Masker masker;
  private final ch.optout.knowledge.CompanyNames companies;

  /** The companies the guides link to: naming one is naming a covered platform's company. */
  private final Set<String> guideCompanies = new java.util.HashSet<>();

  private final Map<Language, Classifiers> byLanguage = new LinkedHashMap<>();

  /** Exemplars masked before (at build time), and every exemplar masked here. */
  private final Map<String, String> known;

  private final Map<String, String> masks = new java.util.concurrent.ConcurrentHashMap<>();
  private final AtomicReference<Embedder> embedder = new AtomicReference<>();

  /** Each guide's card ids, the same in both languages. */
  private final Map<String, List<String>> cardIds = new LinkedHashMap<>();

  private final List<String> popular =
      LanguagePack.readLines("understanding/popular.txt").stream()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();

  /** The law files' and articles' cards, as {@code doc#id}. */
  private final List<String> lawLabels = new ArrayList<>();

  /** The four classifiers of one language and its word lists. */
  private record Classifiers(
      LanguagePack pack,
      ExemplarClassifier acts,
      ExemplarClassifier scope,
      ExemplarClassifier shapes,
      ExemplarClassifier cards) {}

  public Understander(
      KnowledgeBase knowledge,
      LanguageDetector languages,
      PlatformMatcher platforms,
      UncoveredServices uncovered,
      Regions regions,
      List<LanguagePack> packs) {
    this(knowledge, languages, platforms, uncovered, regions, packs, Runnable::run);
  }

  /**
   * @param executor builds each language's classifiers, in parallel if it has threads
   */
  public Understander(
      KnowledgeBase knowledge,
      LanguageDetector languages,
      PlatformMatcher platforms,
      UncoveredServices uncovered,
      Regions regions,
      List<LanguagePack> packs,
      java.util.concurrent.Executor executor) {
    this(knowledge, languages, platforms, uncovered, regions, packs, executor, Map.of());
  }

  /**
   * @param known exemplars already masked ({@link MaskSnapshot}), for a faster start
   */
  public Understander(
      KnowledgeBase knowledge,
      LanguageDetector languages,
      PlatformMatcher platforms,
      UncoveredServices uncovered,
      Regions regions,
      List<LanguagePack> packs,
      java.util.concurrent.Executor executor,
      Map<String, String> known) {
    this.known = java.util.Collections.unmodifiableMap(known);
    this.languages = languages;
    this.platforms = platforms;
    this.uncovered = uncovered;
    this.regions = regions;
    this.labels = new Labels(knowledge);
    this.masker = new Masker(platforms, uncovered);
    this.companies = new ch.optout.knowledge.CompanyNames(knowledge.contacts());
    for (Guide g : knowledge.documents()) {
      knowledge.contacts().forGuide(g).ifPresent(c -> guideCompanies.add(c.slug()));
    }
    for (Guide g : knowledge.documents()) {
      for (Card card : g.cards()) {
        if (g.kind() == DocumentKind.GUIDE) {
          List<String> ids = cardIds.computeIfAbsent(g.id(), k -> new ArrayList<>());
          if (!ids.contains(card.id())) {
            ids.add(card.id());
          }
        } else if (!lawLabels.contains(cardLabel(g, card))) {
          lawLabels.add(cardLabel(g, card));
        }
      }
    }
    List<java.util.concurrent.CompletableFuture<Classifiers>> built = new ArrayList<>();
    for (LanguagePack pack : packs) {
      built.add(
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> classifiers(knowledge, pack), executor));
    }
    for (java.util.concurrent.CompletableFuture<Classifiers> f : built) {
      Classifiers c = f.join();
      byLanguage.put(c.pack().language(), c);
    }
  }

  /** One language's classifiers: each exemplar masked once, whichever classifiers read it. */
  private Classifiers classifiers(KnowledgeBase knowledge, LanguagePack pack) {
    Language language = pack.language();
    java.util.function.UnaryOperator<String> mask =
        t -> masks.computeIfAbsent(t, x -> known.containsKey(x) ? known.get(x) : masker.mask(x));
    java.util.function.UnaryOperator<String> unnamed = t -> Masker.withoutNames(mask.apply(t));
    List<Exemplar> questions = cardExemplars(knowledge, language, false);
    List<Exemplar> cards = new ArrayList<>(pack.exemplars("cards"));
    cards.addAll(questions);
    // a card's answer tells it from its guide's other cards, but is no way of asking
    cards.addAll(cardExemplars(knowledge, language, true));
    List<Exemplar> scope = new ArrayList<>(pack.exemplars("scope"));
    pack.exemplars("cards").forEach(c -> scope.add(new Exemplar("in", c.text())));
    questions.forEach(c -> scope.add(new Exemplar("in", c.text())));
    return new Classifiers(
        pack,
        new ExemplarClassifier(language, pack.exemplars("acts"), unnamed, true),
        new ExemplarClassifier(language, scope, mask, false),
        new ExemplarClassifier(language, pack.exemplars("shapes"), unnamed, true),
        // names masked: they are shared by every card of a guide
        new ExemplarClassifier(language, cards, mask, false));
  }

  /**
   * Reads a message.
   *
   * @param text the message, cleaned of control characters
   * @param fallback the language to use when the text does not decide (the conversation's, the
   *     app's)
   */
  public Reading read(String text, Language fallback) {
    return read(text, fallback, List.of());
  }

  /**
   * Reads a message in a conversation.
   *
   * @param context the platforms the conversation is about, whose cards a follow-up may ask for
   */
  public Reading read(String text, Language fallback, List<String> context) {
    String question = Pastes.question(text);
    LanguageDetector.Detection detected = languages.detect(question);
    if (detected.ambiguous() && !question.equals(text)) {
      detected = languages.detect(text);
    }
    Language language = detected.language().orElse(fallback);
    Classifiers c = byLanguage.getOrDefault(language, byLanguage.values().iterator().next());
    List<Reading.Mention> named = mentions(question);
    Optional<String> service = service(question, named);
    if (named.isEmpty() && service.isEmpty() && !question.equals(text)) {
      // a pasted e-mail names its platform; the question at its end says "this"
      named = mentions(text).stream().limit(1).toList();
    }
    List<String> quoted = labels.guidesQuoted(question);
    List<String> lookalikes = List.of();
    List<String> namedIds = named.stream().map(Reading.Mention::id).toList();
    if (named.isEmpty() && quoted.size() == 1) {
      named = List.of(new Reading.Mention(quoted.get(0), 0.8));
    } else if (quoted.size() > 1 && quoted.containsAll(namedIds)) {
      // a label two services share names neither ("Improve the model for everyone")
      lookalikes = quoted;
      named = List.of();
    }
    Optional<double[]> vector = cosines(question);
    String words = Text.wordLine(question);
    String masked = masker.mask(question);
    String unnamed = regions.mask(Masker.withoutNames(masked));
    ExemplarClassifier.Result acts = c.acts().classify(unnamed, vector);
    ExemplarClassifier.Result scope = c.scope().classify(masked, vector);
    ExemplarClassifier.Result shapes = c.shapes().classify(unnamed, vector);
    // a name alone ("linkedin", "Instagram ?") asks for no card: every one of its cards names it
    boolean asksSomething = !unnamed.isBlank();
    ExemplarClassifier.Result cards =
        asksSomething ? c.cards().classify(masked, vector) : ExemplarClassifier.Result.EMPTY;
    boolean namesSomething = !named.isEmpty() || service.isPresent() || !lookalikes.isEmpty();
    Act act = act(c.pack(), words, acts, namesSomething, !context.isEmpty());
    List<Reading.Asked> asked = asked(cards, Text.wordLine(text));
    Shape shape = shape(c.pack(), words, shapes, named.size());
    Reading.Builder reading =
        Reading.builder(text, language)
            .question(question)
            .language(language, !detected.ambiguous())
            .platforms(named)
            .lookalikes(lookalikes)
            .uncovered(service)
            .act(act)
            .shape(shape)
            .cards(asked)
            .country(regions.lives(text, c.pack().list("lives")))
            .device(device(c.pack(), words))
            .aboutArticle(c.pack().mentions(words, "article"))
            .aboutLaw(c.pack().mentions(words, "law"))
            .kinds(shape == Shape.LIST ? kinds(c.pack(), words) : List.of());
    Set<String> documents = new LinkedHashSet<>();
    named.forEach(m -> documents.add(m.id()));
    documents.addAll(lookalikes);
    documents.addAll(context);
    boolean minor = AGE.matcher(Text.wordLine(text)).find();
    Map<String, List<Reading.Asked>> byDocument = new LinkedHashMap<>();
    for (String document : documents) {
      byDocument.put(
          document, ranked(cards, document, cardIds.getOrDefault(document, List.of()), minor));
    }
    byDocument.put(Reading.LAW, ranked(cards, null, lawLabels, false));
    Scored scored = scope(c.pack(), words, act, scope, named.size());
    if (scored.scope() == Scope.UNSURE && !context.isEmpty()) {
      // "and the Alexa in our kitchen?": the conversation says what it is about
      scored = new Scored(Scope.IN, "conversation");
    }
    return reading
        .cardsByDocument(byDocument)
        .semantic(vector.isPresent())
        .scope(scored.scope(), scored.reason())
        .build();
  }

  /**
   * What each classifier makes of a message, label by label (vote, coverage, cosine), for tuning:
   * {@code optout understand --explain}.
   */
  public Map<String, List<String>> explain(String text, Language fallback) {
    String question = Pastes.question(text);
    Language language = languages.detect(question).language().orElse(fallback);
    Classifiers c = byLanguage.getOrDefault(language, byLanguage.values().iterator().next());
    Optional<double[]> vector = cosines(question);
    String masked = masker.mask(question);
    String unnamed = regions.mask(Masker.withoutNames(masked));
    Map<String, List<String>> out = new LinkedHashMap<>();
    out.put("masked", List.of(masked));
    Map<String, ExemplarClassifier> all = new LinkedHashMap<>();
    all.put("acts", c.acts());
    all.put("scope", c.scope());
    all.put("shapes", c.shapes());
    all.put("cards", c.cards());
    all.forEach(
        (task, classifier) -> {
          boolean named = task.equals("scope") || task.equals("cards");
          ExemplarClassifier.Result r = classifier.classify(named ? masked : unnamed, vector);
          java.util.Set<String> labels = new java.util.TreeSet<>(r.similarity().keySet());
          labels.addAll(r.cosine().keySet());
          r.votes().forEach(v -> labels.add(v.label()));
          if (task.equals("cards")) {
            Map<String, List<String>> groups = new java.util.TreeMap<>();
            r.byGroup()
                .forEach(
                    (k, v) ->
                        groups
                            .computeIfAbsent("group", x -> new ArrayList<>())
                            .add(
                                String.format(
                                    java.util.Locale.ROOT, "%s t%.3f s%.3f", k, v[0], v[1])));
            out.putAll(groups);
            out.put(
                "cards-all",
                labels.stream()
                    .map(
                        l ->
                            String.format(
                                java.util.Locale.ROOT,
                                "%s v%.3f t%.3f s%.3f",
                                l,
                                r.score(l),
                                r.similarity(l),
                                r.cosine(l)))
                    .toList());
          }
          out.put(
              task,
              r.votes().stream()
                  .limit(5)
                  .map(
                      v ->
                          String.format(
                              java.util.Locale.ROOT,
                              "%s v%.2f t%.2f s%.2f",
                              v.label(),
                              v.score(),
                              r.similarity(v.label()),
                              r.cosine(v.label())))
                  .toList());
        });
    return out;
  }

  /** The platforms' names, as guides and their aliases give them. */
  public PlatformMatcher platforms() {
    return platforms;
  }

  /** The services people ask about that OptOut has no guide for. */
  public UncoveredServices uncovered() {
    return uncovered;
  }

  /** The platforms offered when asking "which platform?", most asked first. */
  public List<String> popular() {
    return popular;
  }

  /** Gives understanding the embedding model, once loaded: exemplars get their vectors. */
  public void useEmbeddings(Embedder model) {
    List<String> texts = List.copyOf(exemplarTexts());
    VectorTable table = new VectorTable(texts, model.embedAll(texts));
    for (Classifiers c : byLanguage.values()) {
      for (ExemplarClassifier classifier : List.of(c.acts(), c.scope(), c.shapes(), c.cards())) {
        classifier.vectors(table);
      }
    }
    this.table = table;
    embedder.set(model);
  }

  private volatile VectorTable table;

  /** The message's cosine with every exemplar's vector, once the model is ready. */
  private Optional<double[]> cosines(String text) {
    Embedder model = embedder.get();
    VectorTable t = table;
    if (model == null || t == null || text.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(t.cosines(model.embed(text)));
  }

  /** Every exemplar with its names masked, for {@link MaskSnapshot}. */
  public Map<String, String> masks() {
    return new java.util.TreeMap<>(masks);
  }

  /** Every exemplar text, for computing their vectors ahead of time. */
  public Set<String> exemplarTexts() {
    Set<String> texts = new LinkedHashSet<>();
    for (Classifiers c : byLanguage.values()) {
      for (ExemplarClassifier classifier : List.of(c.acts(), c.scope(), c.shapes(), c.cards())) {
        classifier.exemplars().forEach(e -> texts.add(e.text()));
      }
    }
    return texts;
  }

  private List<Reading.Mention> mentions(String text) {
    List<PlatformMatcher.Match> matches = new ArrayList<>(platforms.find(text));
    // "Ray-Ban Meta glasses" is no question about Meta's guide: the longer name wins
    uncovered
        .find(text)
        .ifPresent(
            s ->
                matches.removeIf(
                    m -> m.start() < s.end() && s.start() < m.end() && m.length() <= s.length()));
    dropCompanyNames(matches, Text.words(text));
    List<Reading.Mention> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (PlatformMatcher.Match m : matches) {
      if (seen.add(m.platformId())) {
        out.add(new Reading.Mention(m.platformId(), m.exact() ? 1.0 : 0.8));
      }
    }
    return out;
  }

  /**
   * "Is GitHub training on my code in Copilot?" names GitHub Copilot, not Microsoft Copilot; "Meta"
   * beside "WhatsApp" is the company of WhatsApp and Meta AI: a name whose every mention is part of
   * another named platform's name (give or take a plan's name) goes to that platform.
   */
  private void dropCompanyNames(List<PlatformMatcher.Match> matches, List<String> words) {
    List<String> ids = matches.stream().map(PlatformMatcher.Match::platformId).distinct().toList();
    if (ids.size() < 2) {
      return;
    }
    Set<String> plans = byLanguage.values().iterator().next().pack().list("plans");
    matches.removeIf(
        m ->
            ids.stream()
                .filter(other -> !other.equals(m.platformId()))
                .anyMatch(
                    other -> {
                      List<String> name = Text.words(platforms.name(other));
                      return matches.stream()
                          .filter(o -> o.platformId().equals(m.platformId()))
                          .allMatch(
                              o -> {
                                List<String> said =
                                    words.subList(o.start(), o.end()).stream()
                                        .filter(w -> !plans.contains(w))
                                        .toList();
                                return !said.isEmpty() && name.containsAll(said);
                              });
                    }));
  }

  /**
   * A service without a guide: from the list of services people ask about, else a company of the
   * contacts named as a name ("Zalando", not "free of charge"), unless a platform's own name covers
   * it or its company runs a guide's platform.
   */
  private Optional<String> service(String text, List<Reading.Mention> named) {
    List<PlatformMatcher.Match> matches = platforms.find(text);
    Optional<UncoveredServices.Match> listed = uncovered.find(text);
    if (listed.isPresent()) {
      UncoveredServices.Match s = listed.get();
      boolean longerPlatform =
          matches.stream()
              .anyMatch(m -> m.start() < s.end() && s.start() < m.end() && m.length() > s.length());
      return longerPlatform ? Optional.empty() : Optional.of(s.name());
    }
    if (!named.isEmpty()) {
      return Optional.empty();
    }
    return companies.find(text).stream()
        .filter(c -> !guideCompanies.contains(c.company().slug()))
        .filter(c -> platforms.platforms(c.text()).isEmpty())
        // "people in the UK": a place is no company, whatever the contacts call themselves
        .filter(c -> regions.find(c.text()).isEmpty())
        .findFirst()
        .map(c -> c.text().strip())
        // "How do I stop Zorblax using my photos?": a name no list knows, said honestly
        .or(() -> platforms.unknownName(text).filter(n -> regions.find(n).isEmpty()));
  }

  /**
   * The act a message does: the nearest exemplars' label when they vote for it clearly enough and
   * one of them is close in words or in meaning, else a question. The thresholds were calibrated on
   * the tuning half of the project's unseen questions and conversations, with words alone (a
   * one-shot {@code ask}, before the model loads) and with words and meaning.
   */
  private static Act act(
      LanguagePack pack,
      String words,
      ExemplarClassifier.Result r,
      boolean namesSomething,
      boolean inConversation) {
    if (pack.list("more").contains(words)) {
      return Act.MORE;
    }
    for (Act exact : List.of(Act.THANKS, Act.GOODBYE, Act.GREETING, Act.ACK)) {
      if (pack.list("act." + exact.name().toLowerCase(java.util.Locale.ROOT)).contains(words)) {
        return exact;
      }
    }
    Optional<ExemplarClassifier.Vote> best = r.best();
    if (best.isEmpty()) {
      return Act.QUESTION;
    }
    ExemplarClassifier.Vote chosen = best.get();
    List<String> said =
        r.similarity().entrySet().stream()
            .filter(e -> e.getValue() >= SAID_AS_IS)
            .map(Map.Entry::getKey)
            .toList();
    if (said.size() == 1 && !CHAT.contains(actOf(said.get(0)))) {
      // an exemplar said word for word ("and on my phone?") outweighs the crowd of near ones
      return actOf(said.get(0)) == Act.CORRECTION && !namesSomething
          ? Act.FOLLOW_UP
          : actOf(said.get(0));
    }
    if (chosen.label().equals("region") && words.split(" ").length > REGION_WORDS) {
      // "I live in Geneva and LinkedIn ignores me: who do I complain to?": the place is a detail
      chosen = r.votes().stream().skip(1).findFirst().orElse(chosen);
    }
    String label = chosen.label();
    double vote = chosen.score() + (chosen == best.get() ? 0 : best.get().score());
    boolean evidence = r.similarity(label) >= 0.3 || r.cosine(label) >= 0.7;
    if (inConversation && label.equals("followup") && evidence && !namesSomething) {
      // within a conversation, "and on my phone?" most likely goes on with it: the best vote will
      // do
      return Act.FOLLOW_UP;
    }
    boolean clear = vote >= 0.45 && evidence;
    if (!clear) {
      return Act.QUESTION;
    }
    Act act = actOf(label);
    if ((CHAT.contains(act) || act == Act.CHECKLIST) && namesSomething) {
      // "hi, how do I stop LinkedIn…": a question with a greeting
      return Act.QUESTION;
    }
    if (act == Act.CORRECTION && !namesSomething) {
      return Act.FOLLOW_UP;
    }
    return act;
  }

  /** A message this near one exemplar, in weighted words, says what that exemplar says. */
  static final double SAID_AS_IS = 0.9;

  /** A message saying where one lives is this short; a longer one asks something besides. */
  static final int REGION_WORDS = 7;

  /** Acts that only keep the conversation going: never a question about a platform. */
  private static final Set<Act> CHAT =
      Set.of(Act.GREETING, Act.THANKS, Act.GOODBYE, Act.ACK, Act.SMALL_TALK);

  /** Acts about the conversation itself, in scope whatever their words. */
  private static final Set<Act> CONVERSATION =
      Set.of(
          Act.GREETING,
          Act.THANKS,
          Act.GOODBYE,
          Act.ACK,
          Act.SMALL_TALK,
          Act.MORE,
          Act.LANGUAGE,
          Act.PROGRESS,
          Act.CORRECTION,
          Act.WHERE_TO_SEND,
          Act.NO_REPLY,
          Act.FOLLOW_UP,
          Act.REGION);

  private static Act actOf(String label) {
    return switch (label) {
      case "followup" -> Act.FOLLOW_UP;
      case "greeting" -> Act.GREETING;
      case "thanks" -> Act.THANKS;
      case "goodbye" -> Act.GOODBYE;
      case "ack" -> Act.ACK;
      case "smalltalk" -> Act.SMALL_TALK;
      case "letter" -> Act.LETTER;
      case "where-to-send" -> Act.WHERE_TO_SEND;
      case "no-reply" -> Act.NO_REPLY;
      case "complaint" -> Act.COMPLAINT;
      case "checklist" -> Act.CHECKLIST;
      case "progress" -> Act.PROGRESS;
      case "correction" -> Act.CORRECTION;
      case "more" -> Act.MORE;
      case "language" -> Act.LANGUAGE;
      case "region" -> Act.REGION;
      default -> Act.QUESTION;
    };
  }

  private static Shape shape(
      LanguagePack pack, String words, ExemplarClassifier.Result r, int platformsNamed) {
    Optional<ExemplarClassifier.Vote> best = r.best();
    Shape shape =
        best.map(
                v ->
                    switch (v.label()) {
                      case "fact" -> Shape.FACT;
                      case "whether-used" -> Shape.WHETHER_USED;
                      case "compare" -> Shape.COMPARISON;
                      case "list" -> Shape.LIST;
                      case "summary" -> Shape.SUMMARY;
                      default -> Shape.HOW_TO;
                    })
            .orElse(Shape.HOW_TO);
    if (shape == Shape.COMPARISON && platformsNamed == 1) {
      return Shape.FACT;
    }
    if (shape == Shape.LIST && platformsNamed >= 2) {
      return Shape.COMPARISON;
    }
    return shape;
  }

  /** The cards asked for, best first: the votes, and an age under 18 said exactly. */
  /**
   * One document's cards ranked for a message: the words and meaning it shares with each card's
   * question, phrasings and answer in that document, and the vote of every guide's phrasings for
   * the card's id. Weights calibrated on the tuning half of the card paraphrases.
   *
   * @param guide the guide, or null for law and article cards (labelled {@code doc#id})
   */
  private static List<Reading.Asked> ranked(
      ExemplarClassifier.Result r, String guide, List<String> labels, boolean minor) {
    List<Reading.Asked> out = new ArrayList<>();
    List<String> all = new ArrayList<>(labels);
    if (guide != null) {
      // the plain "how do I stop it?", which the guide's steps answer, ranked with its cards
      all.add(Reading.HOW_TO);
    }
    for (String label : all) {
      double[] local;
      if (label.equals(Reading.HOW_TO)) {
        // the language pack's, shared by every guide
        local =
            new double[] {
              r.similarity().getOrDefault(label, 0.0), r.cosine().getOrDefault(label, 0.0)
            };
      } else {
        String group = guide != null ? guide : label.substring(0, label.indexOf('#'));
        local = r.byGroup().getOrDefault(group + "|" + label, new double[2]);
      }
      double score = local[0] + 0.5 * local[1] + 0.25 * r.score(label);
      if (minor && label.equals("minors")) {
        score += 1;
      }
      if (score > 0) {
        out.add(new Reading.Asked(label, score));
      }
    }
    out.sort(java.util.Comparator.comparingDouble(Reading.Asked::score).reversed());
    return out.stream().limit(6).toList();
  }

  private static List<Reading.Asked> asked(ExemplarClassifier.Result r, String words) {
    Map<String, Double> scores = new LinkedHashMap<>();
    for (ExemplarClassifier.Vote v : r.votes()) {
      scores.put(v.label(), v.score());
    }
    Matcher age = AGE.matcher(words);
    if (age.find()) {
      scores.merge("minors", 1.0, Math::max);
    }
    return scores.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .map(e -> new Reading.Asked(e.getKey(), e.getValue()))
        .limit(6)
        .toList();
  }

  private record Scored(Scope scope, String reason) {}

  /**
   * Whether a message is about OptOut's topic: nearer, in weighted words, to an in-scope exemplar
   * (every answer card's question and phrasings, and the pack's) than to an off-topic one. With a
   * topic word ("AI", « données »), an off-topic kind must also be close; without one, a message
   * like nothing in scope is declined or asked back. Calibrated on the tuning half.
   */
  private static Scored scope(
      LanguagePack pack, String words, Act act, ExemplarClassifier.Result r, int platforms) {
    if (CONVERSATION.contains(act)) {
      return new Scored(Scope.IN, "conversation");
    }
    double in = r.similarity("in");
    Optional<Map.Entry<String, Double>> off =
        r.similarity().entrySet().stream()
            .filter(e -> !e.getKey().equals("in"))
            .max(Map.Entry.comparingByValue());
    boolean topic = pack.mentions(words, "domain");
    double offScore = off.map(Map.Entry::getValue).orElse(0.0);
    String kind = off.map(Map.Entry::getKey).orElse("none");
    if (topic && act != Act.LETTER) {
      return offScore > in && offScore >= TOPIC_OFF
          ? new Scored(Scope.OUT, kind)
          : new Scored(Scope.IN, "topic");
    }
    if (act == Act.LETTER) {
      // a letter is ours unless clearly another writing ("to my landlord", "a poem")
      return offScore > in + 0.1 ? new Scored(Scope.OUT, kind) : new Scored(Scope.IN, "letter");
    }
    if (offScore > in) {
      return new Scored(Scope.OUT, kind);
    }
    if (in < LIKE_TOPIC) {
      // "I mostly use Discord, Reddit and Stack Overflow": a list of platforms is the topic; one
      // platform with nothing else is asked back; nothing at all is declined
      return platforms >= 2
          ? new Scored(Scope.IN, "platforms")
          : platforms == 1
              ? new Scored(Scope.UNSURE, "no-topic")
              : new Scored(Scope.OUT, "no-topic");
    }
    return new Scored(Scope.IN, "like-topic");
  }

  /** With a topic word, an off-topic kind this close still wins ("write a poem about AI"). */
  static final double TOPIC_OFF = 0.5;

  /** Without a topic word, a message less like the in-scope exemplars than this is unclear. */
  static final double LIKE_TOPIC = 0.2;

  private static Optional<Device> device(LanguagePack pack, String words) {
    if (pack.mentions(words, "mobile")) {
      return Optional.of(Device.MOBILE);
    }
    if (pack.mentions(words, "desktop")) {
      return Optional.of(Device.DESKTOP);
    }
    return Optional.empty();
  }

  private static List<OptOutKind> kinds(LanguagePack pack, String words) {
    if (pack.mentions(words, "kind.not-needed")) {
      return List.of(OptOutKind.NOT_NEEDED);
    }
    if (pack.mentions(words, "kind.none")) {
      return List.of(OptOutKind.FORM, OptOutKind.NONE);
    }
    if (pack.mentions(words, "kind.form")) {
      return List.of(OptOutKind.FORM);
    }
    if (pack.mentions(words, "kind.setting")) {
      return List.of(OptOutKind.SETTING);
    }
    return List.of(OptOutKind.values());
  }

  /**
   * A text's words without the names it mentions: "no, I meant X" is a correction by its words, not
   * by naming a platform, which most messages do.
   */
  private String unnamed(String text) {
    return regions.mask(Masker.withoutNames(masker.mask(text)));
  }

  /**
   * Every card's question and phrasings in one language, labelled by card; or, with {@code
   * answers}, their answers.
   */
  private List<Exemplar> cardExemplars(
      KnowledgeBase knowledge, Language language, boolean answers) {
    List<Exemplar> out = new ArrayList<>();
    for (Guide g : knowledge.documents()) {
      if (g.language() != language) {
        continue;
      }
      for (Card card : g.cards()) {
        String label = cardLabel(g, card);
        List<String> texts = new ArrayList<>();
        if (answers) {
          texts.add(card.answerText());
        } else {
          texts.add(card.question());
          texts.addAll(card.also());
        }
        for (String t : texts) {
          if (!t.isBlank()) {
            out.add(new Exemplar(label, t, g.id()));
          }
        }
      }
      if (!answers) {
        out.addAll(phrasings(g));
      }
    }
    return out;
  }

  /**
   * More ways people ask a document's cards, written apart from the knowledge so that its files
   * stay readable: {@code understanding/phrasings/<document>.<language>.tsv}, {@code
   * card<TAB>text}. Lines for a card the document does not have are left out (another knowledge
   * folder).
   */
  private static List<Exemplar> phrasings(Guide g) {
    List<Exemplar> out = new ArrayList<>();
    String file = "understanding/phrasings/" + g.id() + "." + g.language().code() + ".tsv";
    for (String line : LanguagePack.readLines(file)) {
      if (line.isBlank() || line.startsWith("#") || !line.contains("\t")) {
        continue;
      }
      String[] parts = line.split("\t", 2);
      g.card(parts[0].strip())
          .filter(c -> !parts[1].isBlank())
          .ifPresent(c -> out.add(new Exemplar(cardLabel(g, c), parts[1].strip(), g.id())));
    }
    return out;
  }

  /**
   * A platform's card by its id, shared by every guide ("retroactive"); a law file's or article's
   * by document and id ("complaints#complaint-belgium").
   */
  public static String cardLabel(Guide g, Card card) {
    return g.kind() == DocumentKind.GUIDE ? card.id() : g.id() + "#" + card.id();
  }
}
