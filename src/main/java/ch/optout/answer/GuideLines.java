package ch.optout.answer;

import ch.optout.knowledge.Guide;
import ch.optout.knowledge.Section;
import ch.optout.knowledge.SectionKind;
import java.util.List;

/**
 * The lines of a guide's own text that answer a question no card asks ("my account is protected:
 * can Grok still use my posts?"): the best two, if they share enough rare words with it.
 */
final class GuideLines {
  /** Fewer distinct words shared with the question than this and a line answers nothing. */
  static final int MIN_SHARED = 2;

  private GuideLines() {}

  static List<String> answering(Guide g, String question) {
    List<Section> prose = g.sections().stream().filter(s -> s.kind() != SectionKind.STEPS).toList();
    List<String> lines = Snippets.bestLines(prose, question, 2);
    java.util.Set<String> asked = Snippets.stems(question);
    return lines.stream()
        .filter(
            line -> {
              java.util.Set<String> words = Snippets.stems(line);
              words.retainAll(asked);
              return words.size() >= MIN_SHARED;
            })
        .toList();
  }
}
