package ch.optout.knowledge;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a complaint in one country needs: the authority, how to reach it (its web form, e-mail or
 * postal address, on the record), and whether the company must receive a complaint first.
 *
 * @param companyFirst the law requires a complaint to the company before one to the authority (the
 *     UK since 19 June 2026); otherwise writing to the company first is advice, not a condition
 * @param others the country's other authorities (Germany's Länder), when it has several
 */
public record ComplaintRoute(Authority authority, boolean companyFirst, List<Authority> others) {
  public ComplaintRoute {
    Objects.requireNonNull(authority, "authority");
    others = List.copyOf(others);
  }

  /** Where the complaint is filed on-line, when the authority has a form. */
  public Optional<URI> webform() {
    return authority.webform();
  }

  /** Where it is sent by post, on one line; empty when unknown. */
  public String address() {
    return authority.addressLine();
  }

  /** The best way to reach the authority: its form, else its site, e-mail or postal address. */
  public String reach() {
    return webform().or(authority::web).map(URI::toString).or(authority::email).orElse(address());
  }
}
