package ch.optout.understand;

import ch.optout.knowledge.Language;
import ch.optout.search.Analyzers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** How an exemplar's text is analysed: the language's stems, and character trigrams. */
final class ExemplarAnalyzer {
  /** Lucene fields of an exemplar document. */
  static final String LABEL = "label"; // stored: what the neighbour votes for

  static final String WORDS = "words"; // stemmed words, the main evidence
  static final String GRAMS = "grams"; // character trigrams: "retroactiv" meets "rétroactif"

  private final Analyzer analyzer;

  ExemplarAnalyzer(Language language) {
    this.analyzer =
        new PerFieldAnalyzerWrapper(Analyzers.forLanguage(language), Map.of(GRAMS, trigrams()));
  }

  /** The analyzer of every field. */
  Analyzer analyzer() {
    return analyzer;
  }

  /** The stemmed words of a text, as the {@link #WORDS} field indexes them, in their order. */
  Set<String> stems(String text) {
    Set<String> out = new LinkedHashSet<>();
    try (TokenStream ts = analyzer.tokenStream(WORDS, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static Analyzer trigrams() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream result = new ASCIIFoldingFilter(new LowerCaseFilter(source));
        result = new NGramTokenFilter(result, 3, 3, true);
        return new TokenStreamComponents(source, result);
      }
    };
  }
}
