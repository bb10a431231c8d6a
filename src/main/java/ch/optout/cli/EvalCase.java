package ch.optout.cli;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One question of an eval file, alone or as a turn of a conversation, and what a right answer must
 * contain.
 *
 * @param card the answer card that should lead ({@code <document id>#<card id>}), if said
 * @param maxChars the longest a right reply may be, if said (thanks deserve one line)
 * @param answered whether the reply must, or must not, be an answer, if said
 */
record EvalCase(
    int line,
    String question,
    Optional<String> language,
    String kind,
    List<String> names,
    List<String> expectAny,
    List<String> citeDomains,
    List<String> leadAny,
    List<String> forbidAny,
    Optional<String> card,
    OptionalInt maxChars,
    Optional<Boolean> answered) {

  EvalCase {
    names = List.copyOf(names);
    expectAny = List.copyOf(expectAny);
    citeDomains = List.copyOf(citeDomains);
    leadAny = List.copyOf(leadAny);
    forbidAny = List.copyOf(forbidAny);
  }

  EvalCase(
      int line,
      String question,
      Optional<String> language,
      String kind,
      List<String> names,
      List<String> expectAny,
      List<String> citeDomains,
      List<String> leadAny,
      List<String> forbidAny) {
    this(
        line,
        question,
        language,
        kind,
        names,
        expectAny,
        citeDomains,
        leadAny,
        forbidAny,
        Optional.empty(),
        OptionalInt.empty(),
        Optional.empty());
  }

  EvalCase(
      int line,
      String question,
      Optional<String> language,
      String kind,
      List<String> names,
      List<String> expectAny,
      List<String> citeDomains) {
    this(line, question, language, kind, names, expectAny, citeDomains, List.of(), List.of());
  }

  /** A question about a service OptOut may not cover: an honest decline naming it is right. */
  boolean coverage() {
    return kind.equals("coverage");
  }

  boolean outOfScope() {
    return kind.equals("out_of_scope") || kind.equals("unknown_platform");
  }

  /** Too vague to answer: the right reply asks back. */
  boolean vague() {
    return kind.equals("vague");
  }

  /** A paraphrase of one card: right when that card leads. */
  boolean paraphrase() {
    return kind.equals("paraphrase");
  }
}
