package ch.optout.search;

import ch.optout.knowledge.Language;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * One analyzer per language. Unlike Lucene's stock French and English analyzers these fold accents
 * before stemming, because users type « desactiver » as often as « désactiver ».
 */
public final class Analyzers {
  private Analyzers() {}

  public static Analyzer forLanguage(Language language) {
    return language == Language.FR ? new French() : new English();
  }

  /** Names and aliases: folded words, no stemming, no stop words. */
  static Analyzer names() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream result = new ASCIIFoldingFilter(new LowerCaseFilter(source));
        return new TokenStreamComponents(source, result);
      }
    };
  }

  /** Routes each field to its analyzer; field names come from {@link Fields}. */
  static Analyzer perField() {
    Map<String, Analyzer> byField = new HashMap<>();
    for (Language language : Language.values()) {
      Analyzer analyzer = forLanguage(language);
      byField.put(Fields.title(language), analyzer);
      byField.put(Fields.steps(language), analyzer);
      byField.put(Fields.body(language), analyzer);
    }
    byField.put(Fields.ALIASES, names());
    return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), byField);
  }

  private static final class French extends Analyzer {
    private static final CharArraySet ELISIONS =
        new CharArraySet(
            java.util.List.of(
                "l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu",
                "puisqu"),
            true);

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream result = new ElisionFilter(source, ELISIONS);
      result = new LowerCaseFilter(result);
      result = new StopFilter(result, FrenchAnalyzer.getDefaultStopSet());
      result = new ASCIIFoldingFilter(result);
      result = new FrenchLightStemFilter(result);
      return new TokenStreamComponents(source, result);
    }
  }

  private static final class English extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream result = new EnglishPossessiveFilter(source);
      result = new LowerCaseFilter(result);
      result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
      result = new ASCIIFoldingFilter(result);
      result = new PorterStemFilter(result);
      return new TokenStreamComponents(source, result);
    }
  }
}
