package ch.optout.knowledge;

import java.util.List;

/**
 * The questions people ask about any platform. Every guide answers each with a card of the same id,
 * so that a question's facet finds its card on any platform and a comparison reads the same card
 * across platforms; where the sources are silent, the card says so.
 */
public final class CommonCards {
  /** The common cards' ids, in the order a guide answers them. */
  public static final List<String> IDS =
      List.of(
          "retroactive",
          "private-messages",
          "minors",
          "regions",
          "since",
          "default",
          "deadline",
          "scope",
          "account-deletion",
          "non-users",
          "retention",
          "business",
          "data");

  private CommonCards() {}

  static void check(List<Guide> documents, List<Problem> problems) {
    for (Guide guide : documents) {
      if (guide.kind() != DocumentKind.GUIDE) {
        continue;
      }
      List<String> missing = IDS.stream().filter(id -> guide.card(id).isEmpty()).toList();
      if (!missing.isEmpty()) {
        problems.add(
            Problem.error(
                guide.file(),
                1,
                "missing common card"
                    + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing.stream().map(id -> "{#" + id + "}").toList())
                    + ": every guide answers the "
                    + IDS.size()
                    + " common questions in '## Questions', saying so where its sources are"
                    + " silent"));
      }
    }
  }
}
