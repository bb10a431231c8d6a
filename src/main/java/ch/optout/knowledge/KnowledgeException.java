package ch.optout.knowledge;

import java.util.List;
import java.util.stream.Collectors;

/** The knowledge folder cannot be used: it lists every problem found, not just the first. */
public final class KnowledgeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public KnowledgeException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
