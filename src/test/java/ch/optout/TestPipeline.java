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
import ch.optout.search.KnowledgeIndex;
import ch.optout.search.KnowledgeSearch;
import ch.optout.search.LanguageDetector;
import ch.optout.search.PlatformMatcher;
import ch.optout.search.UncoveredServices;
import ch.optout.store.ChatStore;
import ch.optout.store.InMemoryChatStore;
import ch.optout.understand.LanguagePack;
import ch.optout.understand.Reading;
import ch.optout.understand.Regions;
import ch.optout.understand.Understander;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** The real pipeline over a knowledge folder, wired as the composition root does, for tests. */
public final class TestPipeline {
  public final KnowledgeBase knowledge;
  public final KnowledgeIndex index;
  public final KnowledgeSearch search;
  public final Understander understander;
  public final Messages messages = new Messages();
  public final ExtractiveComposer composer;
  public final PlainTextRenderer plainText = new PlainTextRenderer(messages);

  public TestPipeline(Path knowledgeDir) {
    this(knowledgeDir, java.util.Arrays.asList(Language.values()));
  }

  /**
   * @param spoken the languages the pipeline tells apart and understands, each with its files on
   *     the class path
   */
  public TestPipeline(Path knowledgeDir, java.util.List<Language> spoken) {
    LanguageDetector languages = new LanguageDetector(spoken);
    knowledge = new KnowledgeLoader(t -> languages.detectOr(t, Language.EN)).load(knowledgeDir);
    index = new KnowledgeIndex(knowledge, Optional.empty());
    search = new KnowledgeSearch(new Bm25Retriever(index), index);
    understander =
        new Understander(
            knowledge,
            languages,
            new PlatformMatcher(knowledge),
            UncoveredServices.bundled(),
            Regions.bundled(),
            spoken.stream().map(LanguagePack::bundled).toList());
    composer = new ExtractiveComposer(knowledge, messages);
  }

  /**
   * A new understander of this pipeline's knowledge, in the bundled languages, given what the build
   * would have worked out about its exemplars.
   */
  public Understander freshUnderstander(ch.optout.understand.ExemplarSnapshot known) {
    return new Understander(
        knowledge,
        new LanguageDetector(),
        new PlatformMatcher(knowledge),
        UncoveredServices.bundled(),
        Regions.bundled(),
        java.util.Arrays.stream(Language.values()).map(LanguagePack::bundled).toList(),
        Runnable::run,
        known);
  }

  /** A message as the pipeline reads it, in English unless the text says otherwise. */
  public Reading read(String text) {
    return understander.read(text, Language.EN);
  }

  /** The question a composer gets for a message: its reading and what retrieval finds. */
  public ch.optout.answer.Question question(String text) {
    Reading r = read(text);
    return new ch.optout.answer.Question(r, search.retrieve(ch.optout.answer.Queries.of(r)));
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
    return resourceDir("/fixture-knowledge");
  }

  /** A folder of the test resources, e.g. "/fixture-knowledge". */
  public static Path resourceDir(String name) {
    try {
      return Path.of(TestPipeline.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public Assistant assistant(ChatStore store, Clock clock) {
    return new Assistant(understander, search, composer, composer, messages, store, clock, "test");
  }

  public Assistant assistant() {
    return assistant(new InMemoryChatStore(), Clock.systemUTC());
  }
}
