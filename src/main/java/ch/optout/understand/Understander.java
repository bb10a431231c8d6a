package ch.optout.understand;

import ch.optout.knowledge.KnowledgeBase;
import ch.optout.knowledge.Language;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one understanding stage: a message in, a {@link Reading} out. Names (platforms, services,
 * places, labels) are matched exactly or with typos; what the message does, whether it is in scope,
 * what shape of answer and which cards it asks for are learned from exemplars — each language's
 * {@link LanguagePack} and every answer card's question and phrasings in the knowledge — by {@link
 * ExemplarClassifier}s.
 */
public final class Understander {
  private final LanguageDetector languages;
  private final PlatformMatcher platforms;
  private final UncoveredServices uncovered;
  private final Regions regions;
  private final Labels labels;
  private final Masker masker;
  private final CardLabels cardLabels;
  private final ClassifierFactory factory;
  private final Names names;

  private final Map<Language, Classifiers> byLanguage = new LinkedHashMap<>();

  private final AtomicReference<Embedder> embedder = new AtomicReference<>();

  private final List<String> popular =
      LanguagePack.readLines("understanding/popular.txt").stream()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();

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
      Executor executor) {
    this(
        knowledge,
        languages,
        platforms,
        uncovered,
        regions,
        packs,
        executor,
        ExemplarSnapshot.NONE);
  }

  /**
   * @param known exemplars already masked and stemmed when the jar was built, for a faster start
   */
  public Understander(
      KnowledgeBase knowledge,
      LanguageDetector languages,
      PlatformMatcher platforms,
      UncoveredServices uncovered,
      Regions regions,
      List<LanguagePack> packs,
      Executor executor,
      ExemplarSnapshot known) {
    this.languages = languages;
    this.platforms = platforms;
    this.uncovered = uncovered;
    this.regions = regions;
    this.labels = new Labels(knowledge);
    this.masker = new Masker(platforms, uncovered);
    this.cardLabels = new CardLabels(knowledge);
    this.factory = new ClassifierFactory(masker, cardLabels, known);
    List<CompletableFuture<Classifiers>> built = new ArrayList<>();
    for (LanguagePack pack : packs) {
      built.add(CompletableFuture.supplyAsync(() -> factory.build(pack), executor));
    }
    for (CompletableFuture<Classifiers> f : built) {
      Classifiers c = f.join();
      byLanguage.put(c.pack().language(), c);
    }
    Set<String> plans = byLanguage.isEmpty() ? Set.of() : first().pack().list("plans");
    this.names = new Names(knowledge, platforms, uncovered, regions, plans);
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
    Classifiers c = classifiers(language);
    List<Reading.Mention> named = names.mentions(question);
    Optional<String> service = names.service(question, named);
    if (named.isEmpty() && service.isEmpty() && !question.equals(text)) {
      // a pasted e-mail names its platform; the question at its end says "this"
      named = names.mentions(text).stream().limit(1).toList();
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
    Act act = ActDecision.of(c.pack(), words, acts, namesSomething, !context.isEmpty());
    List<Reading.Asked> asked = CardRanking.asked(cards, Text.wordLine(text));
    Shape shape = ShapeDecision.of(shapes, named.size());
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
            .kinds(shape == Shape.LIST ? ShapeDecision.kinds(c.pack(), words) : List.of());
    Set<String> documents = new LinkedHashSet<>();
    named.forEach(m -> documents.add(m.id()));
    documents.addAll(lookalikes);
    documents.addAll(context);
    boolean minor = CardRanking.minor(text);
    Map<String, List<Reading.Asked>> byDocument = new LinkedHashMap<>();
    for (String document : documents) {
      byDocument.put(
          document, CardRanking.ranked(cards, document, cardLabels.ofGuide(document), minor));
    }
    byDocument.put(Reading.LAW, CardRanking.ranked(cards, null, cardLabels.law(), false));
    ScopeDecision scored =
        ScopeDecision.of(c.pack(), words, act, scope, named.size(), !context.isEmpty());
    if (scored.scope() == Scope.UNSURE && !context.isEmpty()) {
      // "and the Alexa in our kitchen?": the conversation says what it is about
      scored = new ScopeDecision(Scope.IN, "conversation");
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
    Classifiers c = classifiers(language);
    Optional<double[]> vector = cosines(question);
    String masked = masker.mask(question);
    String unnamed = regions.mask(Masker.withoutNames(masked));
    return Explanation.of(c, masked, unnamed, vector);
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
    VectorTable saved = table;
    if (saved == null || !saved.covers(texts)) {
      link(new VectorTable(texts, model.embedAll(texts)));
    }
    embedder.set(model);
  }

  /**
   * Gives the exemplars the vectors computed when the jar was built, before the model has loaded;
   * {@link #useEmbeddings} then only embeds what they missed.
   */
  public void useVectors(ExemplarVectors saved) {
    link(saved.table().select(exemplarTexts()));
  }

  private void link(VectorTable t) {
    for (Classifiers c : byLanguage.values()) {
      for (ExemplarClassifier classifier : c.all()) {
        classifier.vectors(t);
      }
    }
    this.table = t;
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

  /** Every exemplar masked and every form stemmed, for the build to save. */
  public ExemplarSnapshot exemplarSnapshot() {
    return factory.snapshot();
  }

  /** Every exemplar text, for computing their vectors ahead of time. */
  public Set<String> exemplarTexts() {
    Set<String> texts = new LinkedHashSet<>();
    for (Classifiers c : byLanguage.values()) {
      for (ExemplarClassifier classifier : c.all()) {
        classifier.exemplars().forEach(e -> texts.add(e.text()));
      }
    }
    return texts;
  }

  /** A language's classifiers, else the first language's. */
  private Classifiers classifiers(Language language) {
    return byLanguage.getOrDefault(language, first());
  }

  private Classifiers first() {
    return byLanguage.values().iterator().next();
  }

  private static Optional<Device> device(LanguagePack pack, String words) {
    if (pack.mentions(words, "mobile")) {
      return Optional.of(Device.MOBILE);
    }
    if (pack.mentions(words, "desktop")) {
      return Optional.of(Device.DESKTOP);
    }
    return Optional.empty();
  }
}
