package ch.optout.cli;

import ch.optout.chat.Reply;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "chat",
    mixinStandardHelpOptions = true,
    description =
        "Talk with OptOut in the terminal. /help lists the commands; /quit or Ctrl-D leaves.")
final class ChatCommand implements Callable<Integer> {
  /** The terminal is one local chat. */
  static final String CHAT_ID = "terminal";

  private static final Set<String> QUIT = Set.of("/quit", "/exit", "/quitter", "quit", "exit");

  @ParentCommand OptOutCommand parent;
  @Spec CommandSpec spec;

  @picocli.CommandLine.Option(
      names = "--json",
      description =
          "One JSON object per line read, with the fields of ask --json: for scripts and whole"
              + " conversations in tests.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Components c = Components.persistent(parent.settings())) {
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(parent.in, StandardCharsets.UTF_8));
      if (json) {
        return jsonLines(c, reader, out);
      }
      out.println(c.plainText.render(c.assistant.reply(CHAT_ID, "/start").answer()));
      // the terminal has no way to write later: what fell due is shown as the conversation starts
      for (Reply due : c.assistant.followUps().dueNow(CHAT_ID)) {
        out.println();
        show(out, c, due);
      }
      while (true) {
        out.print("\n> ");
        out.flush();
        String line = reader.readLine();
        if (line == null || QUIT.contains(line.strip().toLowerCase(Locale.ROOT))) {
          break;
        }
        Reply reply = c.assistant.reply(CHAT_ID, line);
        out.println();
        show(out, c, reply);
      }
      out.println();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the terminal", e);
    }
    return 0;
  }

  /** A reply and, under it, its choices with the command each one sends. */
  private static void show(PrintWriter out, Components c, Reply reply) {
    out.println(c.plainText.render(reply.answer()));
    if (!reply.choices().isEmpty()) {
      out.println();
      out.println(
          "  → "
              + reply.choices().stream()
                  .map(o -> o.label() + "  " + o.choice().command())
                  .collect(java.util.stream.Collectors.joining("   |   ")));
    }
  }

  /** Each line read is one message of the same conversation; each reply one line of JSON. */
  private static int jsonLines(Components c, BufferedReader reader, PrintWriter out)
      throws IOException {
    AnswerJson writer = new AnswerJson(c.plainText);
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      if (QUIT.contains(line.strip().toLowerCase(Locale.ROOT))) {
        break;
      }
      long start = System.nanoTime();
      Reply reply = c.assistant.reply(CHAT_ID, line);
      out.println(writer.toJson(line, reply, (System.nanoTime() - start) / 1e6));
      out.flush();
    }
    return 0;
  }
}
