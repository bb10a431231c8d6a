package ch.optout.answer;

import ch.optout.search.Intent;
import ch.optout.search.SearchQuery;
import ch.optout.understand.Reading;
import ch.optout.understand.Shape;

/** What retrieval is asked for a reading: its question, language, platforms and focus. */
public final class Queries {
  private Queries() {}

  public static SearchQuery of(Reading r) {
    boolean law =
        r.platforms().isEmpty()
            && r.cardsFor(Reading.LAW).stream()
                .findFirst()
                .filter(a -> a.score() >= Router.leads(r))
                .isPresent();
    Intent focus = law ? Intent.LEGAL : r.shape() == Shape.HOW_TO ? Intent.HOW_TO : Intent.FACTS;
    return new SearchQuery(r.question(), r.language(), r.platformIds(), focus);
  }
}
