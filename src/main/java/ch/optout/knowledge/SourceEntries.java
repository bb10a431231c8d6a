package ch.optout.knowledge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The entries under a knowledge file's {@code sources:}, each checked: a title and an address, a
 * publication date no later than the file's {@code verified} date, and the day it was read.
 */
final class SourceEntries {
  /** Fields of one entry under {@code sources:}, in the order a reader expects them. */
  static final List<String> SOURCE_FIELDS = List.of("title", "url", "published", "read");

  private SourceEntries() {}

  static List<Source> read(
      FrontMatter fm, String file, Optional<LocalDate> verified, List<Problem> problems) {
    List<Source> sources = new ArrayList<>();
    for (FrontMatter.Entry entry : fm.entries("sources")) {
      Optional<String> title = entry.get("title");
      Optional<String> url = entry.get("url");
      if (title.isEmpty()) {
        problems.add(Problem.error(file, entry.line(), "source without a title"));
      }
      if (url.isEmpty()) {
        problems.add(Problem.error(file, entry.line(), "source without a url"));
      }
      for (String field : entry.fields().keySet()) {
        if (!SOURCE_FIELDS.contains(field)) {
          problems.add(
              Problem.error(
                  file,
                  entry.line(),
                  "unknown source field '"
                      + field
                      + "' ("
                      + String.join(", ", SOURCE_FIELDS)
                      + ")"));
        }
      }
      SourceDate published = published(entry, file, problems);
      Optional<LocalDate> read = read(entry, file, problems);
      // a guide cannot have been checked against a page that did not exist yet
      published
          .earliestDay()
          .filter(day -> verified.isPresent() && day.isAfter(verified.get()))
          .ifPresent(
              day ->
                  problems.add(
                      Problem.error(
                          file,
                          entry.line(),
                          "source published "
                              + published.text()
                              + ", after the file's verified date "
                              + verified.get()
                              + ": re-check the file and move 'verified', or fix the date")));
      if (title.isPresent() && url.isPresent()) {
        FrontMatterFields.uri(url.get(), file, entry.line(), problems)
            .ifPresent(u -> sources.add(new Source(title.get(), u, published, read)));
      }
    }
    return sources;
  }

  private static SourceDate published(
      FrontMatter.Entry entry, String file, List<Problem> problems) {
    return entry
        .get("published")
        .map(
            v ->
                SourceDate.parse(v)
                    .orElseGet(
                        () -> {
                          problems.add(
                              Problem.error(
                                  file,
                                  entry.line(),
                                  "published must be YYYY-MM-DD, YYYY-MM, YYYY or 'undated', not '"
                                      + v
                                      + "'"));
                          return SourceDate.UNKNOWN;
                        }))
        .orElse(SourceDate.UNKNOWN);
  }

  private static Optional<LocalDate> read(
      FrontMatter.Entry entry, String file, List<Problem> problems) {
    return entry
        .get("read")
        // values are stripped already
        .flatMap(v -> FrontMatterFields.date(v, "read", file, entry.line(), problems));
  }
}
