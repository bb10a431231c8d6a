package ch.optout.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/** Entry point of {@code java -jar optout.jar}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, System.getenv(), System.in, out, err));
  }

  /** Runs one command line; tests call this with their own environment and streams. */
  static int run(
      String[] args, Map<String, String> env, InputStream in, PrintWriter out, PrintWriter err) {
    return commandLine(env, in, out, err).execute(args);
  }

  static CommandLine commandLine(
      Map<String, String> env, InputStream in, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new OptOutCommand(env, in));
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(new FriendlyErrors());
    return cli;
  }
}
