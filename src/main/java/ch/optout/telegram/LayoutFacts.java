package ch.optout.telegram;

import ch.optout.answer.Answer;
import ch.optout.answer.AnswerKind;
import ch.optout.answer.StepGroup;
import ch.optout.chat.Assistant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What laying out one answer needs besides the answer, asked of the assistant by the handler that
 * holds it, so that {@link PhoneLayout} decides the layout from data alone.
 *
 * @param platforms the covered platforms as (id, name), in the answer's language: the list, the
 *     welcome's quick buttons, the name in a share text
 * @param checklist the platforms of the checklist's pick list, by name, in its order; empty unless
 *     the answer is the pick list
 * @param guideSteps the whole guide's groups of steps when the answer is about one guide; else
 *     empty
 */
record LayoutFacts(
    List<Map.Entry<String, String>> platforms, List<String> checklist, List<StepGroup> guideSteps) {
  LayoutFacts {
    platforms = List.copyOf(platforms);
    checklist = List.copyOf(checklist);
    guideSteps = List.copyOf(guideSteps);
  }

  /** What {@code answer} needs, asked of the assistant. */
  static LayoutFacts of(Assistant assistant, Answer answer) {
    List<StepGroup> steps =
        answer.kind() == AnswerKind.GUIDE
            ? answer
                .platformId()
                .flatMap(id -> assistant.guide(id, answer.language()))
                .map(Answer::steps)
                .orElse(List.of())
            : List.of();
    List<String> checklist =
        answer.kind() == AnswerKind.CHECKLIST
            ? assistant.checklistPlatforms(answer.language())
            : List.of();
    return new LayoutFacts(assistant.platforms(answer.language()), checklist, steps);
  }

  /** The name of a platform, or its id when it is not listed. */
  String name(String platformId) {
    Objects.requireNonNull(platformId, "platformId");
    return platforms.stream()
        .filter(e -> e.getKey().equals(platformId))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(platformId);
  }
}
