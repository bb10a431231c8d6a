package ch.optout;

import ch.optout.answer.ExtractiveComposer;
import ch.optout.answer.Messages;
import ch.optout.answer.PlainTextRenderer;
import ch.optout.chat.Assistant;
import ch.optout.knowledge.KnowledgeBase;
import ch.optout.knowledge.KnowledgeLoader;
import ch.optout.knowledge.KnowledgeLocation;
import ch.optout.knowledge.Language;
import ch.optout.search.Bm25Retriever;
import ch.optout.search.IntentClassifier;
import ch.optout.search.KnowledgeIndex;
import ch.optout.search.KnowledgeSearch;
import ch.optout.search.LanguageDetector;
import ch.optout.search.PlatformMatcher;
import ch.optout.search.QueryUnderstanding;
import ch.optout.store.ChatStore;
import ch.optout.store.InMemoryChatStore;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** The real pipeline over a knowledge folder, wired as the composition root does, for tests. */
public final class TestPipeline {
  public final KnowledgeBase knowledge;
  public final KnowledgeIndex index;
  public final KnowledgeSearch search;
  public final Messages messages = new Messages();
  public final ExtractiveComposer composer;
  public final PlainTextRenderer plainText = new PlainTextRenderer(messages);

  public TestPipeline(Path knowledgeDir) {
    LanguageDetector languages = new LanguageDetector();
    knowledge = new KnowledgeLoader(t -> languages.detectOr(t, Language.EN)).load(knowledgeDir);
    index = new KnowledgeIndex(knowledge, Optional.empty());
    search =
        new KnowledgeSearch(
            new QueryUnderstanding(
                languages, new PlatformMatcher(knowledge), new IntentClassifier()),
            new Bm25Retriever(index),
            index);
    composer = new ExtractiveComposer(knowledge, messages);
  }

  /** The small corpus under src/test/resources/fixture-knowledge. */
  public static TestPipeline fixture() {
    return new TestPipeline(fixtureDir());
  }

  /** The knowledge shipped with OptOut. */
  public static TestPipeline bundled() {
    return new TestPipeline(KnowledgeLocation.bundled());
  }

  public static Path fixtureDir() {
    try {
      return Path.of(TestPipeline.class.getResource("/fixture-knowledge").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public Assistant assistant(ChatStore store, Clock clock) {
    return new Assistant(search, composer, composer, messages, store, clock, "test");
  }

  public Assistant assistant() {
    return assistant(new InMemoryChatStore(), Clock.systemUTC());
  }
}
