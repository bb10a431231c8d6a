package ch.optout.knowledge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The entries under a guide's {@code changes:}, each checked. */
final class ChangeEntries {
  /** Fields of one entry under {@code changes:}. */
  static final List<String> CHANGE_FIELDS = List.of("date", "summary", "act", "deadline");

  private ChangeEntries() {}

  /**
   * {@code changes:}: the platform's dated changes, each with its date, a one-line summary in the
   * file's language, whether the user must act ({@code act: yes|no}) and an optional deadline.
   */
  static List<Change> read(FrontMatter fm, String file, DocumentKind kind, List<Problem> problems) {
    if (fm.has("changes") && kind != DocumentKind.GUIDE) {
      problems.add(
          Problem.error(file, fm.line("changes"), "only a platform's guide has 'changes'"));
      return List.of();
    }
    List<Change> changes = new ArrayList<>();
    for (FrontMatter.Entry entry : fm.entries("changes")) {
      for (String field : entry.fields().keySet()) {
        if (!CHANGE_FIELDS.contains(field)) {
          problems.add(
              Problem.error(
                  file,
                  entry.line(),
                  "unknown change field '"
                      + field
                      + "' ("
                      + String.join(", ", CHANGE_FIELDS)
                      + ")"));
        }
      }
      Optional<LocalDate> date = changeDate(entry, "date", file, problems);
      Optional<LocalDate> deadline = changeDate(entry, "deadline", file, problems);
      Optional<String> summary = entry.get("summary");
      if (date.isEmpty() && entry.get("date").isEmpty()) {
        problems.add(Problem.error(file, entry.line(), "change without a date (YYYY-MM-DD)"));
      }
      if (summary.isEmpty()) {
        problems.add(Problem.error(file, entry.line(), "change without a summary"));
      }
      summary
          .filter(t -> t.contains("\n") || t.length() > Change.MAX_SUMMARY)
          .ifPresent(
              t ->
                  problems.add(
                      Problem.error(
                          file,
                          entry.line(),
                          "a change's summary is one line of at most "
                              + Change.MAX_SUMMARY
                              + " characters")));
      Optional<Boolean> act = entry.get("act").flatMap(v -> yesNo(v));
      if (act.isEmpty()) {
        problems.add(
            Problem.error(
                file, entry.line(), "change without 'act: yes' or 'act: no' (must the user act?)"));
      }
      if (date.isPresent() && deadline.filter(d -> d.isBefore(date.get())).isPresent()) {
        problems.add(Problem.error(file, entry.line(), "a change's deadline is before its date"));
      }
      if (date.isPresent() && changes.stream().anyMatch(c -> c.date().equals(date.get()))) {
        problems.add(
            Problem.error(
                file,
                entry.line(),
                "two changes dated "
                    + date.get()
                    + ": a date names a change, so say both in one summary"));
        continue;
      }
      if (date.isPresent() && summary.isPresent() && act.isPresent()) {
        changes.add(new Change(date.get(), summary.get(), act.get(), deadline, entry.line()));
      }
    }
    changes.sort(java.util.Comparator.comparing(Change::date));
    return changes;
  }

  private static Optional<LocalDate> changeDate(
      FrontMatter.Entry entry, String field, String file, List<Problem> problems) {
    return entry
        .get(field)
        .flatMap(
            v -> FrontMatterFields.date(v, "a change's " + field, file, entry.line(), problems));
  }

  private static Optional<Boolean> yesNo(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "yes", "true" -> Optional.of(true);
      case "no", "false" -> Optional.of(false);
      default -> Optional.empty();
    };
  }
}
