package ch.optout.understand;

import ch.optout.knowledge.DocumentKind;
import ch.optout.knowledge.Guide;
import ch.optout.knowledge.KnowledgeBase;
import ch.optout.knowledge.SectionKind;
import ch.optout.search.Text;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings' labels the guides quote in bold ("Improve the model for everyone"), by guide: a
 * message quoting one names the platform without naming it, and a label two guides share is a
 * look-alike to say, not guess.
 */
final class Labels {
  private static final Pattern BOLD = Pattern.compile("\\*\\*([^*]{3,80})\\*\\*");

  /**
   * Labels shorter than this many words are too generic ("Settings", "Privacy and data", "Right to
   * object") to tell a platform.
   */
  static final int MIN_WORDS = 4;

  private final Map<String, Set<String>> guidesByLabel = new HashMap<>();

  Labels(KnowledgeBase knowledge) {
    for (Guide g : knowledge.documents()) {
      if (g.kind() != DocumentKind.GUIDE) {
        continue;
      }
      List<String> texts = new ArrayList<>();
      texts.add(g.action());
      g.sections(SectionKind.STEPS).forEach(s -> texts.addAll(s.items()));
      for (String text : texts) {
        Matcher m = BOLD.matcher(text);
        while (m.find()) {
          String label = Text.wordLine(m.group(1));
          if (label.split(" ").length >= MIN_WORDS) {
            guidesByLabel.computeIfAbsent(label, k -> new LinkedHashSet<>()).add(g.id());
          }
        }
      }
    }
  }

  /** The guides whose labels the message quotes, each once, in the order of the labels. */
  List<String> guidesQuoted(String message) {
    String words = " " + Text.wordLine(message) + " ";
    Set<String> found = new LinkedHashSet<>();
    guidesByLabel.entrySet().stream()
        .filter(e -> words.contains(" " + e.getKey() + " "))
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> found.addAll(e.getValue()));
    return List.copyOf(found);
  }
}
