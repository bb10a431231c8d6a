package ch.optout.cli;

/** A command cannot run as configured (missing token, bad value): exit code 2 with this message. */
final class UsageProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageProblem(String message) {
    super(message);
  }
}
