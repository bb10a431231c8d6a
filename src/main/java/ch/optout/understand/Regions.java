package ch.optout.understand;

import ch.optout.search.Text;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where a user says they are, from {@code understanding/regions.tsv}: a country, a region or a
 * city, in any language, to a country code ("Genève" → CH, "Leeds" → GB, "Montréal" → CA-QC).
 */
public final class Regions {
  private record Name(String code, List<String> words) {}

  private final List<Name> names;

  Regions(List<String> lines) {
    List<Name> all = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab <= 0) {
        throw new IllegalStateException("regions.tsv: expected 'code<TAB>names': " + line);
      }
      String code = line.substring(0, tab).strip();
      for (String name : line.substring(tab + 1).split("\\|")) {
        List<String> words = Text.words(name);
        if (!words.isEmpty()) {
          all.add(new Name(code, words));
        }
      }
    }
    // the longest names first: "new york" is the United States, not York
    all.sort(Comparator.comparingInt((Name n) -> n.words().size()).reversed());
    this.names = List.copyOf(all);
  }

  public static Regions bundled() {
    return new Regions(LanguagePack.readLines("understanding/regions.tsv"));
  }

  /**
   * The first place named in a text, as a country code; the longest name wins where they overlap.
   */
  public Optional<String> find(String text) {
    List<String> words = Text.words(text);
    int bestAt = Integer.MAX_VALUE;
    String best = null;
    boolean[] taken = new boolean[words.size()];
    for (Name name : names) {
      int n = name.words().size();
      for (int i = 0; i + n <= words.size(); i++) {
        if (!taken[i] && words.subList(i, i + n).equals(name.words())) {
          for (int k = i; k < i + n; k++) {
            taken[k] = true;
          }
          if (i < bestAt) {
            bestAt = i;
            best = name.code();
          }
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** The country of a code: "CA-QC" → "CA". */
  public static String country(String code) {
    int dash = code.indexOf('-');
    return dash < 0 ? code : code.substring(0, dash);
  }
}
