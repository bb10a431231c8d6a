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
import ch.optout.search.Bm25Retriever;
import ch.optout.search.IntentClassifier;
import ch.optout.search.KnowledgeIndex;
import ch.optout.search.KnowledgeSearch;
import ch.optout.search.LanguageDetector;
import ch.optout.search.PlatformMatcher;
import ch.optout.search.QueryUnderstanding;
import ch.optout.store.ChatStore;
import ch.optout.store.InMemoryChatStore;
import dev.langchain4j.model.chat.ChatModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: builds every part with {@code new}, in data-flow order. */
final class Components implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Components.class);

  final KnowledgeBase knowledge;
  final KnowledgeIndex index;
  final KnowledgeSearch search;
  final Messages messages;
  final ExtractiveComposer extractive;
  final AnswerComposer composer;
  final PlainTextRenderer plainText;
  final ChatStore store;
  final Assistant assistant;

  private Components(Settings settings, ChatStore store) {
    LanguageDetector languages = new LanguageDetector();
    Path root = settings.knowledgeDir().orElseGet(KnowledgeLocation::bundled);
    this.knowledge = new KnowledgeLoader(text -> languages.detectOr(text, ch.optout.knowledge.Language.EN)).load(root);
    this.index = new KnowledgeIndex(knowledge, Optional.empty());
    QueryUnderstanding understanding =
        new QueryUnderstanding(languages, new PlatformMatcher(knowledge), new IntentClassifier());
    this.search = new KnowledgeSearch(understanding, new Bm25Retriever(index), index);
    this.messages = new Messages();
    this.extractive = new ExtractiveComposer(knowledge, messages);
    this.composer = composer(settings, extractive, languages, messages);
    this.plainText = new PlainTextRenderer(messages);
    this.store = store;
    this.assistant = new Assistant(search, composer, extractive, messages, store, Clock.systemUTC(), Version.get());
  }

  /** The LLM composer when OPTOUT_LLM names a model, else the extractive one. */
  private static AnswerComposer composer(
      Settings settings, ExtractiveComposer extractive, LanguageDetector languages, Messages messages) {
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
    return new LlmComposer(extractive, model.get(), languages, messages);
  }

  /** Everything in memory: nothing is written anywhere. */
  static Components inMemory(Settings settings) {
    return new Components(settings, new InMemoryChatStore());
  }

  @Override
  public void close() {
    try {
      store.close();
      index.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
