package ch.optout.cli;

import java.util.List;
import java.util.Optional;

/** One line of an eval file: a question and what a right answer must contain. */
record EvalCase(
    int line,
    String question,
    Optional<String> language,
    String kind,
    List<String> names,
    List<String> expectAny,
    List<String> citeDomains,
    List<String> leadAny,
    List<String> forbidAny) {

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
    return kind.equals("out_of_scope");
  }
}
