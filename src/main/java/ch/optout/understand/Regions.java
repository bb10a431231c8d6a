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

  /** A place named in a text: its country code and the word it starts at. */
  record Place(String code, int start) {}

  /**
   * Where the user lives, by the places a text names: the one a phrase like "I live in" or « je
   * suis en » comes just before (from {@code cues}, folded), else the first one.
   */
  public Optional<String> lives(String text, java.util.Set<String> cues) {
    List<Place> places = all(text);
    if (places.size() < 2) {
      return places.stream().findFirst().map(Place::code);
    }
    List<String> words = Text.words(text);
    for (Place p : places) {
      String before = String.join(" ", words.subList(Math.max(0, p.start() - 4), p.start()));
      if (cues.stream().anyMatch(c -> (" " + before).endsWith(" " + c))) {
        return Optional.of(p.code());
      }
    }
    return Optional.of(places.get(0).code());
  }

  /** Every place named, in text order; the longest name wins where they overlap. */
  List<Place> all(String text) {
    List<String> words = Text.words(text);
    List<Place> out = new ArrayList<>();
    boolean[] taken = new boolean[words.size()];
    for (Name name : names) {
      int n = name.words().size();
      for (int i = 0; i + n <= words.size(); i++) {
        if (!taken[i] && words.subList(i, i + n).equals(name.words())) {
          for (int k = i; k < i + n; k++) {
            taken[k] = true;
          }
          out.add(new Place(name.code(), i));
        }
      }
    }
    out.sort(java.util.Comparator.comparingInt(Place::start));
    return out;
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

  /** The word a place becomes when comparing what messages say ("I live in xplace"). */
  static final String TOKEN = "xplace";

  /** A folded text with each place named replaced by {@link #TOKEN}. */
  String mask(String folded) {
    List<String> words = Text.words(folded);
    boolean[] place = new boolean[words.size()];
    for (Name name : names) {
      int n = name.words().size();
      for (int i = 0; i + n <= words.size(); i++) {
        if (words.subList(i, i + n).equals(name.words())) {
          for (int k = i; k < i + n; k++) {
            place[k] = true;
          }
        }
      }
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      if (!place[i]) {
        out.add(words.get(i));
      } else if (i == 0 || !place[i - 1]) {
        out.add(TOKEN);
      }
    }
    return String.join(" ", out);
  }

  /** The country of a code: "CA-QC" → "CA". */
  public static String country(String code) {
    int dash = code.indexOf('-');
    return dash < 0 ? code : code.substring(0, dash);
  }
}
