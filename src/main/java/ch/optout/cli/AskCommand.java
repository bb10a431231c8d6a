package ch.optout.cli;

import ch.optout.answer.LegalRegime;
import ch.optout.chat.Choice;
import ch.optout.chat.Reply;
import ch.optout.knowledge.Language;
import ch.optout.search.RetrievalMode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "ask",
    mixinStandardHelpOptions = true,
    description = {
      "Answers one question. Without QUESTION, answers each line of standard input in turn."
    })
final class AskCommand implements Callable<Integer> {
  /** One-shot questions share no conversation: each line gets its own chat. */
  static final String CHAT_ID = "cli-ask-";

  private int asked;

  @ParentCommand OptOutCommand parent;

  @Option(
      names = "--lang",
      paramLabel = "fr|en",
      description = "Answer in this language whatever the question's.")
  String lang;

  @Option(
      names = "--region",
      paramLabel = "eu|uk|ch",
      description =
          "The law for objection letters (GDPR, UK GDPR, Swiss FADP), so that a letter needs no follow-up question.")
  String region;

  @Option(names = "--json", description = "One JSON object per answer, one per line.")
  boolean json;

  @Option(
      names = "--mode",
      paramLabel = "bm25|dense|hybrid",
      description =
          "Retrieval and understanding. Default: hybrid (waits a few seconds for the embedding model, which reads questions better); bm25 answers fastest, from words alone.")
  String mode;

  @Parameters(
      paramLabel = "QUESTION",
      arity = "0..*",
      description = "The question; quotes are optional.")
  List<String> words;

  @Override
  public Integer call() {
    Optional<Language> forced = Optional.empty();
    if (lang != null) {
      forced = Language.fromCode(lang).filter(l -> l.code().equalsIgnoreCase(lang.strip()));
      if (forced.isEmpty()) {
        throw new UsageProblem("--lang takes fr or en, not '" + lang + "'");
      }
    }
    if (region != null && !region.strip().toLowerCase(java.util.Locale.ROOT).matches("eu|uk|ch")) {
      throw new UsageProblem("--region takes eu, uk or ch, not '" + region + "'");
    }
    PrintWriter out = parent.spec.commandLine().getOut();
    boolean oneQuestion = words != null && !words.isEmpty();
    RetrievalMode retrieval =
        mode == null
            ? RetrievalMode.HYBRID
            : RetrievalMode.parse(mode)
                .orElseThrow(
                    () ->
                        new UsageProblem("--mode takes bm25, dense or hybrid, not '" + mode + "'"));
    try (Components c = Components.inMemory(parent.settings(), retrieval)) {
      if (retrieval != RetrievalMode.BM25) {
        // the model reads questions better than words alone (tuning accuracy 0.80 against 0.78,
        // card paraphrases 0.55 against 0.47); if it cannot load, BM25 answers
        c.retriever.awaitWarm(60, TimeUnit.SECONDS);
      }
      AnswerJson jsonWriter = new AnswerJson(c.plainText);
      if (oneQuestion) {
        answer(c, jsonWriter, String.join(" ", words), forced, out);
      } else {
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(parent.in, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
          answer(c, jsonWriter, line, forced, out);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read standard input", e);
    }
    return 0;
  }

  private void answer(
      Components c,
      AnswerJson jsonWriter,
      String question,
      Optional<Language> forced,
      PrintWriter out) {
    long start = System.nanoTime();
    String chatId = CHAT_ID + asked++;
    if (region != null) {
      LegalRegime law = LegalRegime.valueOf(region.strip().toUpperCase(java.util.Locale.ROOT));
      c.assistant.choose(chatId, new Choice.LetterRegion(law), Optional.empty());
    }
    Reply reply = c.assistant.reply(chatId, question, Optional.empty(), forced);
    double tookMs = (System.nanoTime() - start) / 1e6;
    if (json) {
      out.println(jsonWriter.toJson(question, reply, tookMs));
    } else {
      out.println(c.plainText.render(reply.answer()));
      out.println();
    }
    out.flush();
  }
}
