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
  NONE,
  /** the service says it does not train on users' content: nothing to switch off. */
  NOT_NEEDED;

  static Optional<OptOutKind> parse(String value) {
    for (OptOutKind kind : values()) {
      if (kind.name().toLowerCase(Locale.ROOT).equals(value)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
