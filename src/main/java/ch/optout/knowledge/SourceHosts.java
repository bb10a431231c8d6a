package ch.optout.knowledge;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where a source may point. A staging host, short link, copy, mirror or archive is an error: a user
 * must be able to trust and open the address. A relay or summary of someone else's page, or a title
 * saying the page is a copy, is a warning: the original is better, when it can be found.
 */
final class SourceHosts {
  private final List<HostPattern> denied;
  private final List<HostPattern> relays;
  private final Pattern relayWords;

  SourceHosts(RuleList denied, RuleList relays, RuleList relayTitleWords) {
    this.denied = denied.entries().stream().map(HostPattern::of).toList();
    this.relays = relays.entries().stream().map(HostPattern::of).toList();
    this.relayWords =
        Pattern.compile(
            relayTitleWords.texts().stream()
                .map(Pattern::quote)
                .collect(Collectors.joining("|", "(?<![\\p{L}\\p{N}])(", ")(?![\\p{L}\\p{N}])")),
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** The lists bundled under {@code knowledge-rules/}. */
  static SourceHosts bundled() {
    return new SourceHosts(
        RuleList.bundled("denied-hosts.txt"),
        RuleList.bundled("relay-hosts.txt"),
        RuleList.bundled("relay-title-words.txt"));
  }

  void check(List<Guide> documents, List<Problem> problems) {
    for (Guide guide : documents) {
      if (guide.kind() != DocumentKind.DOCUMENT) {
        guide.sources().forEach(source -> check(guide, source, problems));
      }
    }
  }

  private void check(Guide guide, Source source, List<Problem> problems) {
    Optional<HostPattern> deny = first(denied, source);
    if (deny.isPresent()) {
      problems.add(
          Problem.error(
              guide.file(),
              1,
              "source '"
                  + source.title()
                  + "' points to "
                  + deny.get().reason()
                  + " ("
                  + source.url().getHost()
                  + "): cite the original publisher's address"));
      return;
    }
    Optional<HostPattern> relay = first(relays, source);
    relay.ifPresent(
        r ->
            problems.add(
                Problem.warning(
                    guide.file(),
                    1,
                    "source '"
                        + source.title()
                        + "' is "
                        + r.reason()
                        + " ("
                        + source.url().getHost()
                        + "), not the original publisher: cite the original page, or say"
                        + " the source is weak")));
    Matcher word = relayWords.matcher(source.title());
    if (relay.isEmpty() && word.find()) {
      problems.add(
          Problem.warning(
              guide.file(),
              1,
              "source '"
                  + source.title()
                  + "' says it is not the original publisher ('"
                  + word.group().toLowerCase(Locale.ROOT)
                  + "'): cite the original page when it can be found"));
    }
  }

  private static Optional<HostPattern> first(List<HostPattern> patterns, Source source) {
    return patterns.stream().filter(p -> p.matches(source.url())).findFirst();
  }
}
