package ch.optout.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An answer card: one question as people ask it, with a short answer that starts with the fact
 * itself. Cards are what OptOut leads with when someone asks one thing ("is it retroactive?").
 *
 * @param id stable across languages and, for common questions, across guides ("retroactive",
 *     "minors"), so that a question's facet finds the card on any platform
 * @param question the heading as written, e.g. "Is switching it off retroactive?"
 * @param also other phrasings of the question, for retrieval only
 * @param answer one to three sentences citing the file's sources as [1], [2]…
 * @param line the 1-based line of the card's heading, for messages
 */
public record Card(String id, String question, List<String> also, String answer, int line) {
  private static final Pattern CITATION = Pattern.compile("\\[(\\d{1,2})]");

  public Card {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(answer, "answer");
    also = List.copyOf(also);
  }

  /** The source numbers the answer cites, in order of first mention, 1-based. */
  public List<Integer> citations() {
    List<Integer> numbers = new ArrayList<>();
    Matcher m = CITATION.matcher(answer);
    while (m.find()) {
      int n = Integer.parseInt(m.group(1));
      if (!numbers.contains(n)) {
        numbers.add(n);
      }
    }
    return numbers;
  }

  /** The answer without its citation marks, for channels that list sources separately. */
  public String answerText() {
    return CITATION.matcher(answer).replaceAll("").replaceAll("\\s+([.,;:!?)])", "$1").strip();
  }

  /** The card as a section, so that retrieval finds it like any other passage. */
  public Section asSection() {
    return new Section(SectionKind.CARD, question, id, answerText(), also, line);
  }
}
