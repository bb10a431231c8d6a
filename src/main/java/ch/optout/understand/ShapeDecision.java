package ch.optout.understand;

import ch.optout.knowledge.OptOutKind;
import java.util.List;
import java.util.Optional;

/**
 * The shape of answer a message asks for: the shapes classifier's best vote, mended by how many
 * platforms it names; and, for a list, which kinds of opt-out it lists.
 */
final class ShapeDecision {
  private ShapeDecision() {}

  /**
   * @param r the shapes classifier's result
   * @param platformsNamed how many platforms the message names
   */
  static Shape of(ExemplarClassifier.Result r, int platformsNamed) {
    Optional<ExemplarClassifier.Vote> best = r.best();
    Shape shape =
        best.map(
                v ->
                    switch (v.label()) {
                      case "fact" -> Shape.FACT;
                      case "whether-used" -> Shape.WHETHER_USED;
                      case "compare" -> Shape.COMPARISON;
                      case "list" -> Shape.LIST;
                      case "summary" -> Shape.SUMMARY;
                      default -> Shape.HOW_TO;
                    })
            .orElse(Shape.HOW_TO);
    if (shape == Shape.COMPARISON && platformsNamed == 1) {
      return Shape.FACT;
    }
    if (shape == Shape.LIST && platformsNamed >= 2) {
      return Shape.COMPARISON;
    }
    return shape;
  }

  /** The kinds of opt-out a list asks for, by the pack's words; all of them without one. */
  static List<OptOutKind> kinds(LanguagePack pack, String words) {
    if (pack.mentions(words, "kind.not-needed")) {
      return List.of(OptOutKind.NOT_NEEDED);
    }
    if (pack.mentions(words, "kind.none")) {
      return List.of(OptOutKind.FORM, OptOutKind.NONE);
    }
    if (pack.mentions(words, "kind.form")) {
      return List.of(OptOutKind.FORM);
    }
    if (pack.mentions(words, "kind.setting")) {
      return List.of(OptOutKind.SETTING);
    }
    return List.of(OptOutKind.values());
  }
}
