package ch.optout.knowledge;

import java.net.URI;
import java.util.Optional;

/** Where to send an objection: a platform's privacy form and/or address. */
public record Contact(Optional<URI> form, Optional<String> email) {
  public static final Contact NONE = new Contact(Optional.empty(), Optional.empty());

  public boolean isEmpty() {
    return form.isEmpty() && email.isEmpty();
  }
}
