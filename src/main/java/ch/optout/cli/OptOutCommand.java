package ch.optout.cli;

import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "optout",
    mixinStandardHelpOptions = true,
    versionProvider = OptOutCommand.VersionProvider.class,
    description = {
      "Tells you, in French or English, how to stop platforms using your data to train AI.",
      "Without a command, starts a conversation in the terminal (chat)."
    },
    subcommands = {
      AskCommand.class,
      ChatCommand.class,
      TelegramCommand.class,
      KnowledgeCommand.class,
      ContactsCommand.class,
      EvalCommand.class,
      BenchCommand.class,
      UnderstandCommand.class
    })
final class OptOutCommand implements Callable<Integer> {
  final Map<String, String> env;
  final InputStream in;

  @Spec CommandSpec spec;

  OptOutCommand(Map<String, String> env, InputStream in) {
    this.env = env;
    this.in = in;
  }

  Settings settings() {
    return Settings.from(env);
  }

  @Override
  public Integer call() {
    ChatCommand chat = new ChatCommand();
    chat.parent = this;
    chat.spec = spec;
    return chat.call();
  }

  static final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"OptOut " + Version.get()};
    }
  }
}
