package ch.optout.cli;

import ch.optout.chat.Reply;
import ch.optout.knowledge.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Scores one answer against an {@link EvalCase}, saying why it failed. */
final class EvalScorer {
  /** What is wrong with an answer; empty when it is right. */
  record Verdict(List<String> problems, boolean languageRight) {
    boolean right() {
      return problems.isEmpty();
    }
  }

  Verdict score(EvalCase c, Reply reply, String answerText) {
    List<String> problems = new ArrayList<>();
    boolean languageRight =
        c.language().map(l -> l.equals(reply.answer().language().code())).orElse(true);
    if (!languageRight) {
      problems.add(
          "language "
              + reply.answer().language().code()
              + " instead of "
              + c.language().orElse("?"));
    }
    if (c.outOfScope()) {
      if (reply.answer().answered()) {
        problems.add("answered an out-of-scope question");
      }
      return new Verdict(problems, languageRight);
    }
    if (!reply.answer().answered()) {
      problems.add("declined");
      return new Verdict(problems, languageRight);
    }
    if (!c.names().isEmpty()
        && c.names().stream().noneMatch(n -> namePattern(n).matcher(answerText).find())) {
      problems.add("names none of " + c.names());
    }
    String lower = answerText.toLowerCase(Locale.ROOT);
    if (!c.expectAny().isEmpty()
        && c.expectAny().stream().noneMatch(e -> lower.contains(e.toLowerCase(Locale.ROOT)))) {
      problems.add("contains none of " + c.expectAny());
    }
    if (!c.citeDomains().isEmpty()
        && reply.answer().sources().stream()
            .map(Source::domain)
            .noneMatch(
                d -> c.citeDomains().stream().anyMatch(w -> d.equals(w) || d.endsWith("." + w)))) {
      problems.add("cites none of " + c.citeDomains());
    }
    return new Verdict(problems, languageRight);
  }

  private static Pattern namePattern(String name) {
    return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])");
  }
}
