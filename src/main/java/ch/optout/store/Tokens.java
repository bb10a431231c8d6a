package ch.optout.store;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything the store keeps about a chat is a short identifier ("fr", "linkedin", "HOW_TO"):
 * checking it here guarantees that no message text can slip into the database by mistake.
 */
final class Tokens {
  /** Letters, digits and "_.-", and "#" between a law file and its card ("complaints#time"). */
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.-]{1,64}(#[a-z0-9-]{1,64})?");

  private Tokens() {}

  static String check(String value, String what) {
    Objects.requireNonNull(value, what);
    if (!TOKEN.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " must be a short identifier, not free text");
    }
    return value;
  }
}
