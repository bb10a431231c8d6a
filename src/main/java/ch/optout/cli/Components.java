package ch.optout.cli;

import ch.optout.answer.AnswerComposer;
import ch.optout.answer.ExtractiveComposer;
import ch.optout.answer.LlmComposer;
import ch.optout.answer.LlmSettings;
import ch.optout.answer.Messages;
import ch.optout.answer.PlainTextRenderer;
import ch.optout.chat.Assistant;
import ch.optout.knowledge.KnowledgeBase;
import ch.optout.knowledge.KnowledgeLoader;
import ch.optout.knowledge.KnowledgeLocation;
import ch.optout.knowledge.Language;
import ch.optout.search.Bm25Retriever;
import ch.optout.search.IndexSnapshot;
import ch.optout.search.KnowledgeIndex;
import ch.optout.search.KnowledgeSearch;
import ch.optout.search.KnowledgeWords;
import ch.optout.search.LanguageDetector;
import ch.optout.search.PlatformMatcher;
import ch.optout.search.RetrievalMode;
import ch.optout.search.UncoveredServices;
import ch.optout.search.WarmingRetriever;
import ch.optout.store.ChatStore;
import ch.optout.store.InMemoryChatStore;
import ch.optout.store.PostgresChatStore;
import ch.optout.store.RetentionSchedule;
import ch.optout.store.SqliteChatStore;
import ch.optout.store.Threads;
import ch.optout.understand.ExemplarSnapshot;
import ch.optout.understand.LanguagePack;
import ch.optout.understand.Regions;
import ch.optout.understand.Understander;
import dev.langchain4j.model.chat.ChatModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: builds every part with {@code new}, in data-flow order. */
final class Components implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Components.class);

  final KnowledgeBase knowledge;
  final KnowledgeIndex index;
  final WarmingRetriever retriever;
  final KnowledgeSearch search;
  final Messages messages;
  final ExtractiveComposer extractive;
  final AnswerComposer composer;
  final PlainTextRenderer plainText;
  final ChatStore store;
  final Assistant assistant;
  final Understander understander;

  /** "Now" for every part: the system clock, moved by OPTOUT_CLOCK_OFFSET when set. */
  final Clock clock;

  private final ExecutorService embedding;

  /** Whether the knowledge is the one bundled in the jar, whose snapshots were made at build. */
  private final boolean bundled;

  private final ExecutorService warmup;

  /** Language model calls: a few at once, each under OPTOUT_LLM_TIMEOUT. */
  private final ExecutorService llmCalls =
      LlmComposer.callPool(LLM_CALLS, Threads.named("optout-llm"));

  private static final int LLM_CALLS = 4;

  /** Runs the retention purge when the store is persistent. */
  private final Optional<ScheduledExecutorService> housekeeping;

  private final SemanticStart semantic;

  private Components(
      Settings settings,
      ChatStore store,
      RetrievalMode mode,
      Clock clock,
      Optional<ScheduledExecutorService> housekeeping) {
    long start = System.nanoTime();
    this.clock = clock;
    this.housekeeping = housekeeping;
    this.embedding = Executors.newFixedThreadPool(2, Threads.named("optout-embed"));
    this.warmup = Executors.newSingleThreadExecutor(Threads.named("optout-warmup"));
    LanguageDetector languages = new LanguageDetector();
    // Lucene's classes load on the warm-up thread while this one reads the knowledge; with the
    // bundled knowledge, that thread opens the index saved at build time
    this.bundled = settings.knowledgeDir().isEmpty();
    CompletableFuture<Optional<KnowledgeIndex.Snapshot>> lucene =
        CompletableFuture.supplyAsync(
            () -> {
              if (bundled) {
                return IndexSnapshot.bundled();
              }
              KnowledgeIndex.warmUp();
              return Optional.empty();
            },
            warmup);
    // the embedding model loads meanwhile (most of a second) on a thread of its own
    this.semantic = new SemanticStart(mode, bundled, embedding, warmup);
    this.knowledge =
        (bundled ? KnowledgeLocation.bundledSnapshot() : Optional.<KnowledgeBase>empty())
            .orElseGet(
                () ->
                    new KnowledgeLoader(text -> languages.detectOr(text, Language.fallback()))
                        .load(settings.knowledgeDir().orElseGet(KnowledgeLocation::bundled)));
    long read = System.nanoTime();
    Optional<KnowledgeIndex.Snapshot> snapshot = lucene.join();
    long warm = System.nanoTime();
    this.index =
        snapshot
            .flatMap(s -> KnowledgeIndex.fromSnapshot(knowledge, s))
            .orElseGet(() -> new KnowledgeIndex(knowledge, Optional.empty()));
    long indexed = System.nanoTime();
    PlatformMatcher platformMatcher =
        new PlatformMatcher(
            knowledge,
            (bundled ? KnowledgeWords.bundled(knowledge.digest()) : Optional.<Set<String>>empty())
                .orElseGet(() -> KnowledgeWords.of(knowledge)));
    this.understander =
        new Understander(
            knowledge,
            languages,
            platformMatcher,
            UncoveredServices.bundled(),
            Regions.bundled(),
            java.util.Arrays.stream(Language.values()).map(LanguagePack::bundled).toList(),
            // each language's classifiers on a thread of their own, before the model needs them
            embedding,
            // the bundled exemplars were masked and stemmed when the jar was built
            bundled
                ? ExemplarSnapshot.bundled(knowledge.digest()).orElse(ExemplarSnapshot.NONE)
                : ExemplarSnapshot.NONE);
    Bm25Retriever bm25 = new Bm25Retriever(index);
    // BM25 answers until semantic search is ready
    this.retriever =
        new WarmingRetriever(
            bm25,
            mode == RetrievalMode.BM25
                ? CompletableFuture.completedFuture(bm25)
                : semantic.retriever(knowledge, understander, warmup));
    this.search = new KnowledgeSearch(retriever, index);
    this.messages = new Messages();
    this.extractive = new ExtractiveComposer(knowledge, messages, clock);
    this.composer = composer(settings, extractive, languages, messages, llmCalls);
    this.plainText = new PlainTextRenderer(messages);
    this.store = store;
    this.assistant =
        new Assistant(
            understander, search, composer, extractive, messages, store, clock, Version.get());
    LOG.debug(
        "ready in {} ms: knowledge {} ms, Lucene warm-up wait {} ms, index {} ms, the rest {} ms",
        ms(start, System.nanoTime()),
        ms(start, read),
        ms(read, warm),
        ms(warm, indexed),
        ms(indexed, System.nanoTime()));
  }

  private static long ms(long from, long to) {
    return (to - from) / 1_000_000;
  }

  /** The LLM composer when OPTOUT_LLM names a model, else the extractive one. */
  private static AnswerComposer composer(
      Settings settings,
      ExtractiveComposer extractive,
      LanguageDetector languages,
      Messages messages,
      ExecutorService llmCalls) {
    LlmSettings llm;
    try {
      llm = LlmSettings.from(settings.env());
    } catch (IllegalArgumentException e) {
      throw new UsageProblem(e.getMessage());
    }
    Optional<ChatModel> model = llm.chatModel();
    if (model.isEmpty()) {
      return extractive;
    }
    LOG.info("answers phrased by {}; extractive answer on any failure", llm);
    return new LlmComposer(extractive, model.get(), languages, messages, llmCalls, llm.timeout())
        .hosted(llm.provider() == LlmSettings.Provider.OPENAI);
  }

  /** Everything in memory: nothing is written anywhere. */
  static Components inMemory(Settings settings) {
    return inMemory(settings, RetrievalMode.HYBRID);
  }

  static Components inMemory(Settings settings, RetrievalMode mode) {
    Clock clock = settings.clock();
    return new Components(settings, new InMemoryChatStore(clock), mode, clock, Optional.empty());
  }

  /**
   * Chats kept in SQLite in OPTOUT_DATA_DIR, or on the PostgreSQL server of OPTOUT_DATABASE_URL;
   * rows older than OPTOUT_RETENTION_DAYS are purged now and then hourly. The store opens first, so
   * a damaged or unwritable one stops the start at once.
   */
  static Components persistent(Settings settings) {
    Duration retention = settings.retention();
    RetrievalMode retrieval = settings.retrieval();
    Clock clock = settings.clock();
    ChatStore store =
        settings
            .databaseUrl()
            .<ChatStore>map(
                url -> new PostgresChatStore(url, Optional.of(sharedSecret(settings)), clock))
            .orElseGet(() -> new SqliteChatStore(settings.dataDir(), clock));
    ScheduledExecutorService housekeeping =
        Executors.newSingleThreadScheduledExecutor(Threads.named("optout-retention"));
    try {
      new RetentionSchedule(store, clock, retention, housekeeping)
          .start(RetentionSchedule.DEFAULT_PERIOD);
      return new Components(settings, store, retrieval, clock, Optional.of(housekeeping));
    } catch (RuntimeException e) {
      housekeeping.shutdownNow();
      store.close();
      throw e;
    }
  }

  /**
   * The secret that keys chats on a shared store. It must live outside the database: a dump that
   * held both the keys and their secret could be matched back to Telegram ids.
   */
  private static String sharedSecret(Settings settings) {
    return settings
        .secretKey()
        .orElseThrow(
            () ->
                new UsageProblem(
                    "OPTOUT_DATABASE_URL (PostgreSQL) needs OPTOUT_SECRET_KEY: a secret of 32 or"
                        + " more characters, the same for every replica, kept outside the database"
                        + " (e.g. openssl rand -hex 32). A database that kept its own secret in the"
                        + " chat_secret table: set OPTOUT_SECRET_KEY to SELECT secret FROM"
                        + " chat_secret to keep its chats, then drop that table."));
  }

  /**
   * Waits for a model still loading: ONNX Runtime's native code crashes the JVM if the process
   * exits while a thread is inside it.
   */
  @Override
  public void close() {
    try {
      // first: it waits for what runs on the executors below
      semantic.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    warmup.shutdown();
    embedding.shutdownNow();
    llmCalls.shutdownNow();
    housekeeping.ifPresent(Components::stop);
    try {
      store.close();
      index.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lets a purge in progress finish: the store closes right after. */
  private static void stop(ScheduledExecutorService executor) {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
