package ch.optout.answer;

import ch.optout.search.SearchResult;

/**
 * Turns retrieved passages into an {@link Answer} in the question's language. Implementations never
 * throw for a well-formed result and only say what the passages say.
 */
public interface AnswerComposer {
  Answer compose(SearchResult result);
}
