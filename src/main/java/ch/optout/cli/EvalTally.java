package ch.optout.cli;

import ch.optout.answer.AnswerKind;
import ch.optout.chat.Reply;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The figures of one eval run: per kind, per measure, and the failures, for printing. */
final class EvalTally {
  /** Right out of asked, for one measure or kind. */
  static final class Count {
    int right;
    int asked;

    void add(boolean ok) {
      asked++;
      right += ok ? 1 : 0;
    }

    double ratio() {
      return asked == 0 ? 1.0 : (double) right / asked;
    }

    @Override
    public String toString() {
      return String.format("%.3f (%d/%d)", ratio(), right, asked);
    }
  }

  final Count questions = new Count();
  final Count lead = new Count();
  final Count declined = new Count();
  final Count coverage = new Count();
  final Count vague = new Count();
  final Count language = new Count();
  final Count paraphrases = new Count();
  final Count turns = new Count();
  final Count conversations = new Count();
  final Map<String, Count> kinds = new TreeMap<>();
  final Map<String, Count> turnKinds = new TreeMap<>();

  /** Per card, whether every paraphrase of it reached it. */
  final Map<String, Boolean> cards = new LinkedHashMap<>();

  final List<Double> millis = new ArrayList<>();
  final List<Integer> factLengths = new ArrayList<>();
  final List<Integer> howToLengths = new ArrayList<>();
  final List<String> failures = new ArrayList<>();

  /** Counts one scored reply, alone or as a turn of a conversation. */
  void add(EvalCase c, Reply reply, String text, EvalScorer.Verdict v, boolean turn) {
    if (turn) {
      turns.add(v.right());
      turnKinds.computeIfAbsent(c.kind(), k -> new Count()).add(v.right());
    } else if (c.paraphrase()) {
      paraphrases.add(v.right());
      c.card().ifPresent(card -> cards.merge(card, v.right(), Boolean::logicalAnd));
    } else {
      questions.add(v.right());
      kinds.computeIfAbsent(c.kind(), k -> new Count()).add(v.right());
    }
    v.leadRight().ifPresent(lead::add);
    if (c.outOfScope()) {
      declined.add(!reply.answer().answered());
    }
    if (c.coverage()) {
      coverage.add(v.right());
    }
    if (c.vague()) {
      vague.add(reply.answer().kind() == AnswerKind.CLARIFY);
    }
    if (c.language().isPresent()) {
      language.add(v.languageRight());
    }
    if (reply.answer().answered() && reply.answer().kind() == AnswerKind.GUIDE) {
      (reply.answer().steps().isEmpty() ? factLengths : howToLengths).add(text.length());
    }
  }

  void print(PrintWriter out, String title, boolean failuresToo) {
    out.printf("== %s%n", title);
    if (questions.asked > 0) {
      out.printf("accuracy      %s%n", questions);
      kinds.forEach((k, n) -> out.printf("  %-14s %s%n", k, n));
    }
    if (turns.asked > 0) {
      out.printf("conversation turns %s, whole conversations %s%n", turns, conversations);
      turnKinds.forEach((k, n) -> out.printf("  %-14s %s%n", k, n));
    }
    if (paraphrases.asked > 0) {
      long consistent = cards.values().stream().filter(Boolean::booleanValue).count();
      out.printf(
          "paraphrases   %s; consistency %.3f (%d/%d cards reached by all their paraphrases)%n",
          paraphrases,
          cards.isEmpty() ? 1.0 : (double) consistent / cards.size(),
          consistent,
          cards.size());
    }
    out.printf("lead          %s (first %d characters)%n", lead, EvalScorer.LEAD_CHARS);
    out.printf("off-topic     %s declined%n", declined);
    out.printf("coverage      %s honest%n", coverage);
    out.printf("vague         %s asked back%n", vague);
    out.printf("language      %s%n", language);
    out.printf(
        "length        median %d chars for facts (%d), %d for how-tos (%d)%n",
        median(factLengths), factLengths.size(), median(howToLengths), howToLengths.size());
    if (!millis.isEmpty()) {
      Stats stats = Stats.of(millis.stream().mapToDouble(Double::doubleValue).toArray());
      out.printf(
          "latency       p50 %.2f ms, p99 %.2f ms, mean %.2f ms%n",
          stats.percentile(50), stats.percentile(99), stats.mean());
    }
    if (failuresToo) {
      failures.forEach(f -> out.println("FAIL " + f));
    }
  }

  private static int median(List<Integer> values) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Integer> sorted = new ArrayList<>(values);
    java.util.Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
