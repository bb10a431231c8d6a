package ch.optout.cli;

import ch.optout.answer.Messages;
import ch.optout.knowledge.KnowledgeException;
import ch.optout.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Failures become one clear line and an exit code; the cause goes to the log, once. */
final class FriendlyErrors implements CommandLine.IExecutionExceptionHandler {
  /** The knowledge folder is broken: nothing can be answered. */
  static final int KNOWLEDGE_INVALID = 3;

  /** The data store is damaged, unwritable or locked: nothing was changed in it. */
  static final int STORE_UNAVAILABLE = 4;

  /** Anything else that stops a command. */
  static final int FAILED = 1;

  private static final Logger LOG = LoggerFactory.getLogger(FriendlyErrors.class);

  private final Messages messages = new Messages();

  @Override
  public int handleExecutionException(
      Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    if (e instanceof KnowledgeException ke) {
      cli.getErr().println(messages.inEveryLanguage("console.knowledgeErrors"));
      ke.problems().forEach(p -> cli.getErr().println("  " + p));
      return KNOWLEDGE_INVALID;
    }
    if (e instanceof StoreException se) {
      LOG.debug("store unavailable", e);
      cli.getErr().println(messages.inEveryLanguage("console.storeUnavailable"));
      cli.getErr().println(RedactingLayout.redact("  " + se.getMessage()));
      return STORE_UNAVAILABLE;
    }
    if (e instanceof UsageProblem up) {
      cli.getErr().println(messages.inEveryLanguage("console.usage"));
      cli.getErr().println(RedactingLayout.redact("  " + up.getMessage()));
      return CommandLine.ExitCode.USAGE;
    }
    LOG.debug("command failed", e);
    // standard error is a log too: a library's message may carry a request URL, and with it the
    // token
    cli.getErr().println(messages.inEveryLanguage("console.failed"));
    cli.getErr()
        .println(
            RedactingLayout.redact(
                "  " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
    return FAILED;
  }
}
