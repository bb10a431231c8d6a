package ch.optout.cli;

import ch.optout.knowledge.ContactsFiles;
import ch.optout.knowledge.ContactsImport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "contacts",
    mixinStandardHelpOptions = true,
    description = "Works on the company and authority contacts of the knowledge.",
    subcommands = {ContactsCommand.Import.class})
final class ContactsCommand implements Callable<Integer> {
  @ParentCommand OptOutCommand parent;

  @Override
  public Integer call() {
    throw new UsageProblem("contacts: say what to do, e.g. 'contacts import DIR'");
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Rebuilds knowledge/contacts/*.jsonl from the datarequests.org open database (CC0):",
        "a checkout of datenanfragen/data, or a folder holding companies.jsonl and"
            + " authorities.jsonl. Reads files only; prints what changed."
      })
  static final class Import implements Callable<Integer> {
    @ParentCommand ContactsCommand contacts;

    @Parameters(paramLabel = "DIR", description = "The database to read.")
    Path source;

    @Option(
        names = "--out",
        paramLabel = "DIR",
        description =
            "Folder to write the contact files in (default: contacts/ of OPTOUT_KNOWLEDGE_DIR,"
                + " else ./knowledge/contacts). What the project added there is kept.")
    Path out;

    @Override
    public Integer call() {
      Path folder =
          out != null
              ? out
              : contacts
                  .parent
                  .settings()
                  .knowledgeDir()
                  .orElse(Path.of("knowledge"))
                  .resolve(ContactsFiles.FOLDER);
      if (!Files.isDirectory(source)) {
        throw new UsageProblem("contacts import: " + source + " is not a folder");
      }
      if (out == null && !Files.isDirectory(folder.getParent())) {
        throw new UsageProblem(
            "contacts import: no knowledge folder here; run it from the project or give --out DIR");
      }
      ContactsImport.Result result;
      try {
        result = new ContactsImport().run(source, folder);
      } catch (IllegalArgumentException e) {
        throw new UsageProblem("contacts import: " + e.getMessage());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the contact files in " + folder, e);
      }
      PrintWriter stdout = contacts.parent.spec.commandLine().getOut();
      PrintWriter stderr = contacts.parent.spec.commandLine().getErr();
      result.problems().forEach(stderr::println);
      print(stdout, "companies", result.contacts().companies().size(), result.companies());
      print(stdout, "authorities", result.contacts().authorities().size(), result.authorities());
      stdout.printf(
          "%d not-safe-for-work records left out, %d notes; written to %s%n",
          result.nsfw(), result.problems().size(), folder);
      return 0;
    }

    private static void print(
        PrintWriter out, String kind, int total, ContactsImport.Changes changes) {
      out.printf(
          "%s: %d (%d added, %d removed, %d changed)%n",
          kind, total, changes.added().size(), changes.removed().size(), changes.changed().size());
      list(out, "added", changes.added());
      list(out, "removed", changes.removed());
      list(out, "changed", changes.changed());
    }

    private static void list(PrintWriter out, String what, List<String> slugs) {
      if (!slugs.isEmpty()) {
        out.println("  " + what + ": " + String.join(", ", slugs));
      }
    }
  }
}
