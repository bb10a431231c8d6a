package ch.optout.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A platform a chat follows: each dated change of its guide that reaches the knowledge afterwards
 * is told to the chat once.
 *
 * @param platformId the guide's id
 * @param language the language to write in
 * @param since when the chat began (or last renewed) following; the watch ends 13 months later
 */
public record Watch(String platformId, String language, Instant since) {
  public Watch {
    Tokens.check(platformId, "platformId");
    Tokens.check(language, "language");
    Objects.requireNonNull(since, "since");
  }
}
