package ch.optout.answer;

import ch.optout.search.ScoredPassage;
import ch.optout.understand.Reading;
import java.util.List;
import java.util.Objects;

/**
 * What a composer answers: the message as understood, and the passages retrieval found for it.
 *
 * @param hits best first; may be empty (small talk, a decline)
 */
public record Question(Reading reading, List<ScoredPassage> hits) {
  public Question {
    Objects.requireNonNull(reading, "reading");
    hits = List.copyOf(hits);
  }
}
