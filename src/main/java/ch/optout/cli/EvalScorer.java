package ch.optout.cli;

import ch.optout.answer.AnswerKind;
import ch.optout.chat.Reply;
import ch.optout.knowledge.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Scores one answer against an {@link EvalCase}, saying why it failed. */
final class EvalScorer {
  /** How much of an answer, after its title line, counts as its lead. */
  static final int LEAD_CHARS = 600;

  /**
   * What is wrong with an answer; empty when it is right.
   *
   * @param leadRight whether the first {@value #LEAD_CHARS} characters after the title hold one of
   *     lead_any; empty when the case has no lead_any or was not answered
   */
  record Verdict(
      List<String> problems, boolean languageRight, java.util.Optional<Boolean> leadRight) {
    Verdict(List<String> problems, boolean languageRight) {
      this(problems, languageRight, java.util.Optional.empty());
    }

    boolean right() {
      return problems.isEmpty();
    }
  }

  /** The text after the title line, cut to {@value #LEAD_CHARS} characters. */
  static String lead(String answerText) {
    String body = answerText;
    int newline = body.indexOf('\n');
    if (newline >= 0) {
      body = body.substring(newline + 1);
    }
    body = body.strip();
    return body.length() > LEAD_CHARS ? body.substring(0, LEAD_CHARS) : body;
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
    c.maxChars()
        .ifPresent(
            max -> {
              if (answerText.length() > max) {
                problems.add("reply of " + answerText.length() + " characters, over " + max);
              }
            });
    c.answered()
        .filter(want -> want != reply.answer().answered())
        .ifPresent(want -> problems.add(want ? "declined" : "answered, should have declined"));
    if (c.outOfScope()) {
      if (reply.answer().answered()) {
        problems.add("answered an out-of-scope question");
      }
      return new Verdict(problems, languageRight);
    }
    if (c.vague()) {
      if (reply.answer().kind() != AnswerKind.CLARIFY) {
        problems.add("did not ask back (" + reply.answer().kind() + ")");
      }
      return new Verdict(problems, languageRight);
    }
    if (c.paraphrase()) {
      String led = reply.answer().cards().stream().findFirst().orElse("none");
      if (!c.card().map(led::equals).orElse(false)) {
        problems.add("led with card " + led + " instead of " + c.card().orElse("?"));
      }
      return new Verdict(problems, languageRight);
    }
    String lower = answerText.toLowerCase(Locale.ROOT);
    List<String> forbidden =
        c.forbidAny().stream().filter(f -> lower.contains(f.toLowerCase(Locale.ROOT))).toList();
    if (!forbidden.isEmpty()) {
      problems.add("contains forbidden " + forbidden);
    }
    if (!reply.answer().answered()) {
      if (c.coverage()) {
        // an honest "I don't have a guide for Vinted" is right, if it names the service
        if (!c.names().isEmpty()
            && c.names().stream().noneMatch(n -> namePattern(n).matcher(answerText).find())) {
          problems.add("declined without naming any of " + c.names());
        }
        return new Verdict(problems, languageRight);
      }
      if (c.answered().isEmpty()) {
        problems.add("declined");
      }
      return new Verdict(problems, languageRight);
    }
    if (!c.names().isEmpty()
        && c.names().stream().noneMatch(n -> namePattern(n).matcher(answerText).find())) {
      problems.add("names none of " + c.names());
    }
    if (c.coverage()) {
      // answered from the service's own guide: it must name the service; what a decline would say
      // (expect_any) does not apply
      return new Verdict(problems, languageRight);
    }
    java.util.Optional<Boolean> leadRight = java.util.Optional.empty();
    if (!c.leadAny().isEmpty()) {
      String lead = lead(answerText).toLowerCase(Locale.ROOT);
      boolean ok = c.leadAny().stream().anyMatch(e -> lead.contains(e.toLowerCase(Locale.ROOT)));
      leadRight = java.util.Optional.of(ok);
      if (!ok) {
        problems.add("lead has none of " + c.leadAny());
      }
    }
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
    return new Verdict(problems, languageRight, leadRight);
  }

  private static Pattern namePattern(String name) {
    return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])");
  }
}
