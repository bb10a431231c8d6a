package ch.optout.answer;

import ch.optout.knowledge.Language;
import ch.optout.knowledge.Source;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A reply, as data: channels decide how to show it. Text fields hold inline Markdown bold ({@code
 * **…**}) as written in the knowledge; {@link Inline} renders it.
 *
 * @param answered false when OptOut declines (out of scope or not enough evidence)
 * @param platformId the main platform, when the answer is about one
 * @param title the heading, e.g. the guide's title
 * @param lead paragraphs before the steps
 * @param caveats what the setting does not cover
 * @param notes good-to-know points
 * @param sources every source cited, each with a link
 * @param verified when the knowledge behind the answer was last checked (the oldest, if several)
 * @param composer "extractive" or "llm"
 * @param document a text meant to be copied as it is, such as an objection letter; empty if none
 */
public record Answer(
    Language language,
    boolean answered,
    AnswerKind kind,
    Optional<String> platformId,
    String title,
    String lead,
    List<StepGroup> steps,
    List<String> caveats,
    List<String> notes,
    List<Source> sources,
    Optional<LocalDate> verified,
    String composer,
    String document) {

  /** An answer without a document to copy. */
  public Answer(
      Language language,
      boolean answered,
      AnswerKind kind,
      Optional<String> platformId,
      String title,
      String lead,
      List<StepGroup> steps,
      List<String> caveats,
      List<String> notes,
      List<Source> sources,
      Optional<LocalDate> verified,
      String composer) {
    this(
        language,
        answered,
        kind,
        platformId,
        title,
        lead,
        steps,
        caveats,
        notes,
        sources,
        verified,
        composer,
        "");
  }

  public Answer {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(platformId, "platformId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(lead, "lead");
    Objects.requireNonNull(verified, "verified");
    Objects.requireNonNull(composer, "composer");
    Objects.requireNonNull(document, "document");
    steps = List.copyOf(steps);
    caveats = List.copyOf(caveats);
    notes = List.copyOf(notes);
    sources = List.copyOf(sources);
  }

  /** A plain message with nothing to cite: greetings, help, command replies. */
  public static Answer message(Language language, String title, String lead) {
    return new Answer(
        language,
        true,
        AnswerKind.MESSAGE,
        Optional.empty(),
        title,
        lead,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        Optional.empty(),
        "extractive");
  }

  /**
   * True when the text cites its sources as [1], [2]…, meaning the first, second… of {@link
   * #sources()}: channels then number the source list.
   */
  public boolean citesByNumber() {
    return LlmComposer.NAME.equals(composer);
  }

  /** Every step, in order, across groups. */
  public List<String> allSteps() {
    return steps.stream().flatMap(g -> g.steps().stream()).toList();
  }

  /** The same text, marked as not answered. */
  public Answer asDecline() {
    return new Answer(
        language,
        false,
        AnswerKind.DECLINE,
        platformId,
        title,
        lead,
        steps,
        caveats,
        notes,
        sources,
        verified,
        composer,
        document);
  }

  public Answer withNote(String note) {
    List<String> more = new java.util.ArrayList<>(notes);
    more.add(note);
    return new Answer(
        language,
        answered,
        kind,
        platformId,
        title,
        lead,
        steps,
        caveats,
        more,
        sources,
        verified,
        composer,
        document);
  }
}
