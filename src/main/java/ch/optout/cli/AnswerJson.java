package ch.optout.cli;

import ch.optout.answer.Answer;
import ch.optout.answer.Inline;
import ch.optout.answer.PlainTextRenderer;
import ch.optout.answer.StepGroup;
import ch.optout.chat.Reply;
import ch.optout.knowledge.Source;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code ask --json} object: the fields of DESIGN.md, then a few more. */
final class AnswerJson {
  private final ObjectMapper mapper = new ObjectMapper();
  private final PlainTextRenderer plainText;

  AnswerJson(PlainTextRenderer plainText) {
    this.plainText = plainText;
  }

  String toJson(String question, Reply reply, double tookMs) {
    Answer a = reply.answer();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("question", question);
    json.put("language", a.language().code());
    json.put("answered", a.answered());
    json.put("platform", a.platformId().orElse(null));
    json.put("answer", plainText.render(a));
    json.put("lead", Inline.plain(a.lead()));
    json.put("steps", a.allSteps().stream().map(Inline::plain).toList());
    List<Map<String, Object>> sources = new ArrayList<>();
    for (Source s : a.sources()) {
      Map<String, Object> source = new LinkedHashMap<>();
      source.put("title", s.title());
      source.put("url", s.url().toString());
      source.put("verified", a.verified().map(Object::toString).orElse(null));
      sources.add(source);
    }
    json.put("sources", sources);
    json.put("composer", a.composer());
    json.put("took_ms", Math.round(tookMs * 100) / 100.0);
    json.put("kind", a.kind().name().toLowerCase(java.util.Locale.ROOT));
    List<Map<String, Object>> groups = new ArrayList<>();
    for (StepGroup g : a.steps()) {
      groups.add(
          Map.of("label", g.label(), "steps", g.steps().stream().map(Inline::plain).toList()));
    }
    json.put("step_groups", groups);
    if (!a.document().isBlank()) {
      json.put("letter", a.document());
    }
    json.put("verified", a.verified().map(Object::toString).orElse(null));
    json.put("warning", a.warning().isBlank() ? null : a.warning());
    json.put("link", a.link().map(Object::toString).orElse(null));
    json.put("more", a.more());
    json.put("cards", a.cards());
    json.put("asks_back", a.kind() == ch.optout.answer.AnswerKind.CLARIFY);
    reply
        .reading()
        .ifPresent(
            r -> {
              json.put("intent", intent(r));
              json.put("act", r.act().name().toLowerCase(java.util.Locale.ROOT));
              json.put("shape", r.shape().name().toLowerCase(java.util.Locale.ROOT));
              json.put("scope", r.scope().name().toLowerCase(java.util.Locale.ROOT));
              json.put("platforms", r.platformIds());
              json.put(
                  "facets",
                  r.cards().stream().limit(3).map(ch.optout.understand.Reading.Asked::id).toList());
              r.uncovered().ifPresent(name -> json.put("uncovered", name));
              r.country().ifPresent(code -> json.put("country", code));
            });
    try {
      return mapper.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /**
   * The older one-word summary of a message, kept for scripts that read it: what it does when that
   * is not a question, else how retrieval is focused.
   */
  static String intent(ch.optout.understand.Reading r) {
    return switch (r.act()) {
      case LETTER, WHERE_TO_SEND -> "letter";
      case CHECKLIST, PROGRESS -> "everywhere";
      case GREETING, THANKS, GOODBYE, ACK, SMALL_TALK -> "small_talk";
      default ->
          r.scope() == ch.optout.understand.Scope.OUT
              ? "off_topic"
              : r.shape() == ch.optout.understand.Shape.COMPARISON
                  ? "compare"
                  : ch.optout.answer.Queries.of(r)
                      .intent()
                      .name()
                      .toLowerCase(java.util.Locale.ROOT);
    };
  }
}
