package ch.optout.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a company is found by, as folded word lists: its legal name with and without the legal
 * form ("Strava, Inc." → "strava inc", "strava"), without a web address ending ("Booking.com B.V."
 * → "booking"), and the same for each brand it runs, with the domain a brand names in parentheses
 * ("Messenger (www.messenger.com)" → "messenger"). The legal forms and address endings are data,
 * under {@code contacts/} in the resources.
 */
final class CompanyKeys {
  private static final Pattern PARENTHESES = Pattern.compile("\\(([^)]*)\\)");
  private static final Pattern DOMAIN = Pattern.compile("^\\S+\\.[\\p{L}]{2,}\\S*$");

  /** A dot inside a word: "Booking.com", not "Strava, Inc.". */
  private static final Pattern WEB_ADDRESS = Pattern.compile("\\p{L}\\.\\p{L}{2,}");

  private final List<List<String>> legalForms;
  private final Set<String> domainParts;

  CompanyKeys(List<String> legalForms, List<String> domainParts) {
    this.legalForms =
        legalForms.stream()
            .map(Words::of)
            .filter(w -> !w.isEmpty())
            .sorted(Comparator.comparingInt(List<String>::size).reversed())
            .toList();
    this.domainParts = Set.copyOf(domainParts);
  }

  /** The rules shipped with OptOut. */
  static CompanyKeys bundled() {
    return new CompanyKeys(
        Words.resourceLines("contacts/legal-forms.txt"),
        Words.resourceLines("contacts/domains.txt"));
  }

  /** A name's keys, the full name first. */
  List<List<String>> of(String name) {
    Set<List<String>> keys = new LinkedHashSet<>();
    List<String> full = Words.of(PARENTHESES.matcher(name).replaceAll(" "));
    add(keys, full);
    List<String> bare = withoutLegalForm(full);
    add(keys, bare);
    if (WEB_ADDRESS.matcher(name).find()) {
      add(keys, withoutDomain(bare));
    }
    Matcher inside = PARENTHESES.matcher(name);
    while (inside.find()) {
      String part = inside.group(1).strip();
      if (DOMAIN.matcher(part).matches()) {
        add(keys, withoutDomain(Words.of(part)));
      }
    }
    return List.copyOf(keys);
  }

  /** The name as written, without its legal form: "Booking.com B.V." → "Booking.com". */
  String withoutLegalForm(String name) {
    List<int[]> spans = new ArrayList<>();
    Matcher word = WORD.matcher(name);
    while (word.find()) {
      spans.add(new int[] {word.start(), word.end()});
    }
    List<String> folded =
        spans.stream().map(sp -> Words.fold(name.substring(sp[0], sp[1]))).toList();
    int kept = withoutLegalForm(folded).size();
    if (kept == spans.size() || kept == 0) {
      return name.strip();
    }
    return name.substring(0, spans.get(kept)[0]).replaceAll("[\\s,]+$", "");
  }

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private static void add(Set<List<String>> keys, List<String> key) {
    if (!key.isEmpty()) {
      keys.add(List.copyOf(key));
    }
  }

  private List<String> withoutLegalForm(List<String> words) {
    List<String> w = new ArrayList<>(words);
    boolean stripped = true;
    while (stripped) {
      stripped = false;
      for (List<String> form : legalForms) {
        int n = form.size();
        if (w.size() > n && w.subList(w.size() - n, w.size()).equals(form)) {
          w.subList(w.size() - n, w.size()).clear();
          stripped = true;
          break;
        }
      }
    }
    return w;
  }

  private List<String> withoutDomain(List<String> words) {
    List<String> w = new ArrayList<>(words);
    if (w.size() > 1 && w.get(0).equals("www")) {
      w.remove(0);
    }
    while (w.size() > 1 && domainParts.contains(w.get(w.size() - 1))) {
      w.remove(w.size() - 1);
    }
    return w;
  }
}
