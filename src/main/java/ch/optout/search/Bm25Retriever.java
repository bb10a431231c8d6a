package ch.optout.search;

import ch.optout.knowledge.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * BM25 over the question's language. The question is analysed into terms and never parsed as query
 * syntax, so {@code LinkedIn" AND (*:* ~2 ^3} is just the word "linkedin".
 */
public final class Bm25Retriever implements Retriever {
  /** Enough terms for any real question; longer pastes are cut rather than slowing every search. */
  static final int MAX_TERMS = 64;

  private final KnowledgeIndex index;
  private final Map<Language, Analyzer> analyzers = new ConcurrentHashMap<>();
  private final Analyzer names = Analyzers.names();

  public Bm25Retriever(KnowledgeIndex index) {
    this.index = index;
    for (Language language : Language.values()) {
      analyzers.put(language, Analyzers.forLanguage(language));
    }
  }

  @Override
  public List<ScoredPassage> retrieve(SearchQuery query, int limit) {
    Query lucene = toLucene(query);
    if (lucene == null) {
      return List.of();
    }
    return index.search(lucene, limit);
  }

  private Query toLucene(SearchQuery query) {
    Language language = query.language();
    Set<String> terms =
        terms(
            analyzers.computeIfAbsent(language, Analyzers::forLanguage),
            Fields.body(language),
            query.text());
    Set<String> nameTerms = terms(names, Fields.ALIASES, query.text());
    if (terms.isEmpty() && nameTerms.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder text = new BooleanQuery.Builder();
    for (String term : terms) {
      text.add(boosted(Fields.title(language), term, 1.5f), BooleanClause.Occur.SHOULD);
      text.add(boosted(Fields.steps(language), term, 1.2f), BooleanClause.Occur.SHOULD);
      text.add(boosted(Fields.body(language), term, 1.0f), BooleanClause.Occur.SHOULD);
    }
    for (String name : nameTerms) {
      text.add(boosted(Fields.ALIASES, name, 2.0f), BooleanClause.Occur.SHOULD);
    }
    if (query.intent() == Intent.LEGAL) {
      text.add(
          new BoostQuery(new TermQuery(new Term(Fields.KIND, "law")), 4.0f),
          BooleanClause.Occur.SHOULD);
    } else if (query.intent() == Intent.FACTS) {
      text.add(
          new BoostQuery(new TermQuery(new Term(Fields.KIND, "article")), 1.5f),
          BooleanClause.Occur.SHOULD);
    }
    for (String platform : query.platforms()) {
      text.add(boosted(Fields.PLATFORM, platform, 3.0f), BooleanClause.Occur.SHOULD);
    }
    return new BooleanQuery.Builder()
        .add(text.build(), BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term(Fields.LANG, language.code())), BooleanClause.Occur.FILTER)
        .build();
  }

  private static Query boosted(String field, String term, float boost) {
    return new BoostQuery(new TermQuery(new Term(field, term)), boost);
  }

  private static Set<String> terms(Analyzer analyzer, String field, String text) {
    Set<String> terms = new LinkedHashSet<>();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken() && terms.size() < MAX_TERMS) {
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot analyse the question", e);
    }
    return terms;
  }
}
