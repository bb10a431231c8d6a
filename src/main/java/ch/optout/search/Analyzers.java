package ch.optout.search;

import ch.optout.knowledge.Language;
import ch.optout.knowledge.Resources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.util.ClasspathResourceLoader;

/**
 * One analyzer per language, built from the language's {@code analyzer.txt} ({@link
 * Language#folder()}): Lucene analysis components by name, one tokenizer then token filters, each
 * on a line ({@code tokenizer standard}, {@code filter stop words=… format=snowball}), as Lucene's
 * {@link CustomAnalyzer} takes them. A language's way of cutting words is data, like its stop
 * words.
 */
public final class Analyzers {
  static final String FILE = "analyzer.txt";

  private Analyzers() {}

  /**
   * @throws IllegalStateException when the language has no analyzer.txt, or a line of it names what
   *     Lucene does not know
   */
  public static Analyzer forLanguage(Language language) {
    String file = language.folder() + FILE;
    List<String> lines = Resources.required(file, "it says how the language's words are cut");
    CustomAnalyzer.Builder builder =
        CustomAnalyzer.builder(new ClasspathResourceLoader(Analyzers.class.getClassLoader()));
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+");
      try {
        Map<String, String> params = new HashMap<>();
        for (String p : Arrays.asList(parts).subList(Math.min(2, parts.length), parts.length)) {
          int eq = p.indexOf('=');
          if (eq <= 0) {
            throw new IllegalArgumentException("'" + p + "' is not name=value");
          }
          params.put(p.substring(0, eq), p.substring(eq + 1));
        }
        if (parts.length < 2) {
          throw new IllegalArgumentException("expected 'tokenizer NAME' or 'filter NAME'");
        }
        switch (parts[0]) {
          case "tokenizer" -> builder.withTokenizer(parts[1], params);
          case "filter" -> builder.addTokenFilter(parts[1], params);
          case "charfilter" -> builder.addCharFilter(parts[1], params);
          default ->
              throw new IllegalArgumentException(
                  "expected tokenizer, filter or charfilter, not '" + parts[0] + "'");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(file + ":" + (i + 1), e);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    try {
      return builder.build();
    } catch (IllegalStateException e) {
      throw new IllegalStateException(file + ": " + e.getMessage(), e);
    }
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

  /** Routes each field to its analyzer, for the languages OptOut speaks. */
  static Analyzer perField() {
    return perField(Arrays.asList(Language.values()));
  }

  /** Routes each field to its analyzer; field names come from {@link Fields}. */
  static Analyzer perField(Collection<Language> languages) {
    Map<String, Analyzer> byField = new HashMap<>();
    for (Language language : languages) {
      Analyzer analyzer = forLanguage(language);
      byField.put(Fields.title(language), analyzer);
      byField.put(Fields.steps(language), analyzer);
      byField.put(Fields.body(language), analyzer);
    }
    byField.put(Fields.ALIASES, names());
    return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), byField);
  }
}
