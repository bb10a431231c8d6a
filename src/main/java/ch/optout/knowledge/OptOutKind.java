package ch.optout.knowledge;

import java.util.Locale;
import java.util.Optional;

/** How a user can refuse AI training on a platform. */
public enum OptOutKind {
  /** an in-app setting. */
  SETTING,
  /** only an objection or privacy form. */
  FORM,
  /** no opt-out at all. */
  NONE;

  static Optional<OptOutKind> parse(String value) {
    for (OptOutKind kind : values()) {
      if (kind.name().toLowerCase(Locale.ROOT).equals(value)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
