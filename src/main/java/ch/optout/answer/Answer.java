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
 * @param warning one line shown before the sources, e.g. that the guide was checked long ago; empty
 *     if none
 * @param link the official page that opens the setting or form, for a channel's link button
 * @param more true when the answer leaves part of the guide out, to be had with "more" / « plus »
 * @param cards the answer cards the lead gives, as {@code <document id>#<card id>}, first first
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
    String document,
    String warning,
    Optional<java.net.URI> link,
    boolean more,
    List<String> cards) {

  public Answer {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(platformId, "platformId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(lead, "lead");
    Objects.requireNonNull(verified, "verified");
    Objects.requireNonNull(composer, "composer");
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(warning, "warning");
    Objects.requireNonNull(link, "link");
    steps = List.copyOf(steps);
    caveats = List.copyOf(caveats);
    notes = List.copyOf(notes);
    sources = List.copyOf(sources);
    cards = List.copyOf(cards);
  }

  /** A plain message with nothing to cite: greetings, help, command replies. */
  public static Answer message(Language language, String title, String lead) {
    return builder(language, AnswerKind.MESSAGE).title(title).lead(lead).build();
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
    return toBuilder().answered(false).kind(AnswerKind.DECLINE).build();
  }

  public Answer withNote(String note) {
    List<String> more = new java.util.ArrayList<>(notes);
    more.add(note);
    return toBuilder().notes(more).build();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public static Builder builder(Language language, AnswerKind kind) {
    return new Builder(
        new Answer(
            language,
            true,
            kind,
            Optional.empty(),
            "",
            "",
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            Optional.empty(),
            ExtractiveComposer.NAME,
            "",
            "",
            Optional.empty(),
            false,
            List.of()));
  }

  /** Changes a few fields of an answer without repeating the others. */
  public static final class Builder {
    private Language language;
    private boolean answered;
    private AnswerKind kind;
    private Optional<String> platformId;
    private String title;
    private String lead;
    private List<StepGroup> steps;
    private List<String> caveats;
    private List<String> notes;
    private List<Source> sources;
    private Optional<LocalDate> verified;
    private String composer;
    private String document;
    private String warning;
    private Optional<java.net.URI> link;
    private boolean more;
    private List<String> cards;

    private Builder(Answer a) {
      language = a.language;
      answered = a.answered;
      kind = a.kind;
      platformId = a.platformId;
      title = a.title;
      lead = a.lead;
      steps = a.steps;
      caveats = a.caveats;
      notes = a.notes;
      sources = a.sources;
      verified = a.verified;
      composer = a.composer;
      document = a.document;
      warning = a.warning;
      link = a.link;
      more = a.more;
      cards = a.cards;
    }

    public Builder language(Language v) {
      language = v;
      return this;
    }

    public Builder answered(boolean v) {
      answered = v;
      return this;
    }

    public Builder kind(AnswerKind v) {
      kind = v;
      return this;
    }

    public Builder platformId(Optional<String> v) {
      platformId = v;
      return this;
    }

    public Builder title(String v) {
      title = v;
      return this;
    }

    public Builder lead(String v) {
      lead = v;
      return this;
    }

    public Builder steps(List<StepGroup> v) {
      steps = v;
      return this;
    }

    public Builder caveats(List<String> v) {
      caveats = v;
      return this;
    }

    public Builder notes(List<String> v) {
      notes = v;
      return this;
    }

    public Builder sources(List<Source> v) {
      sources = v;
      return this;
    }

    public Builder verified(Optional<LocalDate> v) {
      verified = v;
      return this;
    }

    public Builder composer(String v) {
      composer = v;
      return this;
    }

    public Builder document(String v) {
      document = v;
      return this;
    }

    public Builder warning(String v) {
      warning = v;
      return this;
    }

    public Builder link(Optional<java.net.URI> v) {
      link = v;
      return this;
    }

    public Builder more(boolean v) {
      more = v;
      return this;
    }

    public Builder cards(List<String> v) {
      cards = v;
      return this;
    }

    public Answer build() {
      return new Answer(
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
          document,
          warning,
          link,
          more,
          cards);
    }
  }
}
