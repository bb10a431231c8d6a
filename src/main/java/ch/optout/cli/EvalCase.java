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
    List<String> citeDomains) {

  boolean outOfScope() {
    return kind.equals("out_of_scope");
  }
}
