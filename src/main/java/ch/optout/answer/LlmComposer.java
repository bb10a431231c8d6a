package ch.optout.answer;

import ch.optout.knowledge.Source;
import ch.optout.search.LanguageDetector;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor.AbortPolicy;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Has a language model phrase the answer, grounded in the retrieved passages and checked before
 * use. The extractive answer is computed first and is what the user gets whenever the model is not
 * needed (declines, checklists, messages), fails, is slow, or writes something {@link ReplyCheck}
 * rejects.
 *
 * <p>A phrased answer keeps from the extractive one everything the model must not invent: kind,
 * platform, title, caveats, notes, date, and the sources, which always come from the knowledge (the
 * extractive answer's, then those of any other passage the model cited). The model's text becomes
 * the lead and, when it numbers its steps, the steps; otherwise the verified steps stay. Its {@code
 * [n]} passage citations are renumbered to point into the source list, so {@code [2]} means the
 * second source under the answer.
 */
public final class LlmComposer implements AnswerComposer {
  static final String NAME = "llm";

  private static final Logger LOG = LoggerFactory.getLogger(LlmComposer.class);

  private final AnswerComposer extractive;
  private final ChatModel model;
  private final ReplyCheck check;
  private final Messages messages;
  private final Optional<ExecutorService> calls;
  private final Duration deadline;
  private boolean hosted;

  /** Calls the model on the caller's thread, bounded by the client's own timeout only. */
  public LlmComposer(
      AnswerComposer extractive, ChatModel model, LanguageDetector languages, Messages messages) {
    this(extractive, model, languages, messages, Optional.empty(), Duration.ZERO);
  }

  /**
   * @param calls where model calls run: a bounded pool; a call it cannot take at once (every thread
   *     busy with a slow model) gets the extractive answer at once
   * @param timeout OPTOUT_LLM_TIMEOUT: past it (and a second's grace for the client to give up by
   *     itself) the caller stops waiting, whatever the client does
   */
  public LlmComposer(
      AnswerComposer extractive,
      ChatModel model,
      LanguageDetector languages,
      Messages messages,
      ExecutorService calls,
      Duration timeout) {
    this(extractive, model, languages, messages, Optional.of(calls), timeout.plusSeconds(1));
  }

  private LlmComposer(
      AnswerComposer extractive,
      ChatModel model,
      LanguageDetector languages,
      Messages messages,
      Optional<ExecutorService> calls,
      Duration deadline) {
    this.extractive = extractive;
    this.model = model;
    this.check = new ReplyCheck(languages);
    this.messages = messages;
    this.calls = calls;
    this.deadline = deadline;
  }

  /**
   * The bounded pool of model calls: {@code threads} at most, none waiting in a queue, so that a
   * model that hangs holds those threads and nothing else.
   */
  public static ExecutorService callPool(int threads, java.util.concurrent.ThreadFactory names) {
    return new ThreadPoolExecutor(
        1, threads, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), names, new AbortPolicy());
  }

  @Override
  public Answer compose(Question result) {
    Answer base = extractive.compose(result);
    if (!base.answered()
        || (base.kind() != AnswerKind.GUIDE && base.kind() != AnswerKind.INFORMATION)) {
      return base;
    }
    LlmPrompt prompt = LlmPrompt.of(result, base);
    if (prompt.passages().isEmpty()) {
      return base;
    }
    Optional<String> reply = ask(prompt);
    if (reply.isEmpty()) {
      return base;
    }
    ReplyCheck.Verdict verdict = check.check(reply.get(), base.language(), prompt.passages());
    if (verdict instanceof ReplyCheck.Verdict.Rejected rejected) {
      LOG.info("model reply rejected ({}); extractive answer used", rejected.reason());
      return base;
    }
    ReplyCheck.Verdict.Accepted accepted = (ReplyCheck.Verdict.Accepted) verdict;
    if (accepted.linksRemoved() > 0) {
      LOG.info(
          "removed {} link(s) not found in the knowledge from a model reply",
          accepted.linksRemoved());
    }
    return phrased(base, prompt, accepted);
  }

  /** The model's text, or empty when the call failed: any failure means the extractive answer. */
  private Optional<String> ask(LlmPrompt prompt) {
    long start = System.nanoTime();
    try {
      ChatResponse response = chat(ChatRequest.builder().messages(prompt.messages()).build());
      LOG.debug("model replied in {} ms", (System.nanoTime() - start) / 1_000_000);
      String text = response.aiMessage() == null ? null : response.aiMessage().text();
      return Optional.of(text == null ? "" : text);
    } catch (RuntimeException e) {
      // the message says what failed (status, timeout); it never holds the question or the key
      LOG.warn(
          "language model call failed after {} ms, extractive answer used: {}",
          (System.nanoTime() - start) / 1_000_000,
          describe(e));
      return Optional.empty();
    }
  }

  /**
   * Marks the model as run by a third party (OPTOUT_LLM=openai), so that users are told their
   * questions go there.
   */
  public LlmComposer hosted(boolean hosted) {
    this.hosted = hosted;
    return this;
  }

  /** Whether answers are phrased by a model run by a third party, who then sees the questions. */
  public static boolean sendsQuestionsAway(AnswerComposer composer) {
    return composer instanceof LlmComposer l && l.hosted;
  }

  /** The model's answer, on the call pool and within the deadline when there is one. */
  private ChatResponse chat(ChatRequest request) {
    if (calls.isEmpty()) {
      return model.chat(request);
    }
    Future<ChatResponse> call;
    try {
      call = calls.get().submit(() -> model.chat(request));
    } catch (RejectedExecutionException e) {
      throw new IllegalStateException("every model call thread is busy", e);
    }
    try {
      return call.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      call.cancel(true);
      throw new IllegalStateException("no answer within " + deadline.toMillis() + " ms", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      call.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the model", e);
    }
  }

  private Answer phrased(Answer base, LlmPrompt prompt, ReplyCheck.Verdict.Accepted accepted) {
    List<Source> sources = sources(base, prompt, accepted.cited());
    ReplyLayout layout = ReplyLayout.of(renumber(accepted.text(), prompt, sources));
    List<StepGroup> steps = layout.steps().isEmpty() ? base.steps() : layout.steps();
    List<String> notes = new ArrayList<>(layout.tail());
    notes.addAll(base.notes());
    notes.add(messages.get(base.language(), "llm.note"));
    return base.toBuilder()
        .answered(true)
        .lead(layout.lead())
        .steps(steps)
        .notes(notes)
        .sources(sources)
        .composer(NAME)
        .build();
  }

  /** The extractive answer's sources, then those of other passages the model cited. */
  private static List<Source> sources(Answer base, LlmPrompt prompt, List<Integer> cited) {
    LinkedHashSet<Source> all = new LinkedHashSet<>(base.sources());
    for (int n : cited) {
      all.addAll(prompt.passages().get(n - 1).sources());
    }
    return List.copyOf(all);
  }

  /**
   * Passage numbers mean nothing to a reader; positions in the source list do. A passage without a
   * source (a plain dropped-in document) loses its marker.
   */
  private static String renumber(String text, LlmPrompt prompt, List<Source> sources) {
    Matcher m = ReplyCheck.CITATION.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      TreeSet<Integer> positions = new TreeSet<>();
      for (String number : m.group(1).split("\\s*[,;]\\s*")) {
        List<Source> own = prompt.passages().get(Integer.parseInt(number) - 1).sources();
        if (!own.isEmpty()) {
          positions.add(sources.indexOf(own.get(0)) + 1);
        }
      }
      StringBuilder marks = new StringBuilder();
      positions.forEach(p -> marks.append('[').append(p).append(']'));
      m.appendReplacement(out, Matcher.quoteReplacement(marks.toString()));
    }
    m.appendTail(out);
    // "[1][1]" from two passages of the same document
    return out.toString()
        .replaceAll("(\\[\\d+])(\\1)+", "$1")
        .replaceAll("[ \\t]+([.,;:!?])", "$1");
  }

  private static String describe(RuntimeException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (message.length() > 200) {
      message = message.substring(0, 200) + "…";
    }
    return e.getClass().getSimpleName()
        + (root == e ? "" : " (" + root.getClass().getSimpleName() + ")")
        + (message.isEmpty() ? "" : ": " + message);
  }
}
