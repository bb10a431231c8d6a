package ch.optout.cli;

import ch.optout.knowledge.KnowledgeLoader;
import ch.optout.knowledge.KnowledgeLocation;
import ch.optout.knowledge.Language;
import ch.optout.knowledge.Problem;
import ch.optout.search.LanguageDetector;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "knowledge",
    mixinStandardHelpOptions = true,
    description = "Works on the knowledge folder.",
    subcommands = {KnowledgeCommand.Check.class})
final class KnowledgeCommand implements Callable<Integer> {
  @ParentCommand OptOutCommand parent;

  @Override
  public Integer call() {
    throw new UsageProblem("knowledge: say what to do, e.g. 'knowledge check'");
  }

  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description =
          "Validates the knowledge folder; exits non-zero with file:line messages on errors.")
  static final class Check implements Callable<Integer> {
    @ParentCommand KnowledgeCommand knowledge;

    @Option(
        names = "--stale",
        paramLabel = "DAYS",
        description = "Also warn about guides verified more than DAYS days ago.")
    Integer staleDays;

    @Parameters(
        arity = "0..1",
        paramLabel = "DIR",
        description = "Folder to check (default: OPTOUT_KNOWLEDGE_DIR, else the bundled one).")
    Path dir;

    @Override
    public Integer call() {
      Settings settings = knowledge.parent.settings();
      Path root = dir != null ? dir : settings.knowledgeDir().orElseGet(KnowledgeLocation::bundled);
      if (staleDays != null && staleDays < 0) {
        throw new UsageProblem("--stale takes a number of days, 0 or more");
      }
      LanguageDetector languages = new LanguageDetector();
      KnowledgeLoader loader =
          new KnowledgeLoader(text -> languages.detectOr(text, Language.fallback()));
      KnowledgeLoader.Report report = loader.check(root);
      List<Problem> problems = new ArrayList<>(report.problems());
      if (staleDays != null) {
        problems.addAll(loader.stale(report.base(), LocalDate.now(settings.clock()), staleDays));
      }
      PrintWriter out = knowledge.parent.spec.commandLine().getOut();
      PrintWriter err = knowledge.parent.spec.commandLine().getErr();
      problems.forEach(p -> (p.severity() == Problem.Severity.ERROR ? err : out).println(p));
      long guides =
          report.base().documents().stream()
              .filter(g -> g.kind() == ch.optout.knowledge.DocumentKind.GUIDE)
              .count();
      long errors = problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
      long warnings = problems.size() - errors;
      out.printf(
          "%d files, %d guides, %d companies, %d authorities, %d errors, %d warnings%n",
          report.base().documents().size(),
          guides,
          report.base().contacts().companies().size(),
          report.base().contacts().authorities().size(),
          errors,
          warnings);
      return errors == 0 ? 0 : 1;
    }
  }
}
