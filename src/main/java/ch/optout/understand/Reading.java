package ch.optout.understand;

import ch.optout.knowledge.Language;
import ch.optout.knowledge.OptOutKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What OptOut makes of one message, computed once: everything downstream (retrieval, the answer's
 * route, the conversation, the channels) reads this, never the message text again.
 *
 * @param text the message as cleaned
 * @param question what the message asks: the text itself, or for a long paste the question at its
 *     end; retrieval searches this
 * @param languageSure false when the text alone did not decide and a fallback was used
 * @param platforms the guides named (or taken from the conversation), first mention first
 * @param lookalikes guides sharing a label or name the message uses without naming a platform
 *     ("Improve the model for everyone" is both ChatGPT's and Character.AI's)
 * @param uncovered a service named that OptOut has no guide for ("Duolingo")
 * @param cards the answer cards asked for, by id, best first ("retroactive", "minors", or a
 *     platform's own "temporary-chat")
 * @param country where the user says they are, as a code ("CH", "PT", "CA-QC")
 * @param scopeReason why the scope is what it is: an off-topic kind ("account", "writing"), "topic"
 *     or "conversation"
 * @param aboutArticle the message is about a press article ("the Le Temps article")
 * @param aboutLaw the message uses a word of the law ("object", « RGPD », "complain")
 * @param kinds for a list ("which ones have no setting?"), the opt-out kinds asked for
 * @param cardsByDocument for each platform named or in context, its cards that answer the message,
 *     best first; under {@link #LAW}, the law files' and articles' cards ({@code doc#id})
 * @param semantic whether meaning (the embedding model) was compared besides words: card scores are
 *     higher then, for the same certainty
 */
public record Reading(
    String text,
    String question,
    Language language,
    boolean languageSure,
    List<Mention> platforms,
    List<String> lookalikes,
    Optional<String> uncovered,
    Act act,
    Shape shape,
    List<Asked> cards,
    Optional<String> country,
    Optional<Device> device,
    Scope scope,
    String scopeReason,
    boolean aboutArticle,
    boolean aboutLaw,
    List<OptOutKind> kinds,
    java.util.Map<String, List<Asked>> cardsByDocument,
    boolean semantic) {

  /** The key of {@link #cardsByDocument} for the law files' and articles' cards. */
  public static final String LAW = "law";

  /**
   * Among a guide's ranked cards, the plain "how do I stop it?": no card of the guide, its steps.
   * Cards ranked below it are not what was asked.
   */
  public static final String HOW_TO = "how-to";

  /**
   * A platform in a reading.
   *
   * @param confidence 1 for a name as typed, less for a typo or an indirect name, and {@link
   *     #FROM_CONTEXT} for one taken from the conversation
   */
  public record Mention(String id, double confidence) {
    public static final double FROM_CONTEXT = 0.5;

    public Mention {
      Objects.requireNonNull(id, "id");
    }
  }

  /** An answer card asked for, and how surely (0 to 1). */
  public record Asked(String id, double score) {
    public Asked {
      Objects.requireNonNull(id, "id");
    }
  }

  public Reading {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(language, "language");
    platforms = List.copyOf(platforms);
    lookalikes = List.copyOf(lookalikes);
    Objects.requireNonNull(uncovered, "uncovered");
    Objects.requireNonNull(act, "act");
    Objects.requireNonNull(shape, "shape");
    cards = List.copyOf(cards);
    Objects.requireNonNull(country, "country");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(scopeReason, "scopeReason");
    kinds = List.copyOf(kinds);
    cardsByDocument = java.util.Map.copyOf(cardsByDocument);
  }

  /** The cards of one guide (or {@link #LAW}) that answer the message, best first. */
  public List<Asked> cardsFor(String document) {
    return cardsByDocument.getOrDefault(document, List.of());
  }

  /** The ids of the platforms, in order. */
  public List<String> platformIds() {
    return platforms.stream().map(Mention::id).toList();
  }

  /** Whether the message names no platform and no uncovered service. */
  public boolean namesNothing() {
    return platforms.isEmpty() && uncovered.isEmpty() && lookalikes.isEmpty();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** A reading of an empty message, as a starting point for builders and tests. */
  public static Builder builder(String text, Language language) {
    return new Builder(
        new Reading(
            text,
            text,
            language,
            true,
            List.of(),
            List.of(),
            Optional.empty(),
            Act.QUESTION,
            Shape.HOW_TO,
            List.of(),
            Optional.empty(),
            Optional.empty(),
            Scope.IN,
            "topic",
            false,
            false,
            List.of(),
            java.util.Map.of(),
            false));
  }

  /** Changes one or more parts of a reading; every other part stays. */
  public static final class Builder {
    private String text;
    private String question;
    private Language language;
    private boolean languageSure;
    private List<Mention> platforms;
    private List<String> lookalikes;
    private Optional<String> uncovered;
    private Act act;
    private Shape shape;
    private List<Asked> cards;
    private Optional<String> country;
    private Optional<Device> device;
    private Scope scope;
    private String scopeReason;
    private boolean aboutArticle;
    private boolean aboutLaw;
    private List<OptOutKind> kinds;
    private java.util.Map<String, List<Asked>> cardsByDocument;
    private boolean semantic;

    private Builder(Reading r) {
      text = r.text;
      question = r.question;
      language = r.language;
      languageSure = r.languageSure;
      platforms = r.platforms;
      lookalikes = r.lookalikes;
      uncovered = r.uncovered;
      act = r.act;
      shape = r.shape;
      cards = r.cards;
      country = r.country;
      device = r.device;
      scope = r.scope;
      scopeReason = r.scopeReason;
      aboutArticle = r.aboutArticle;
      aboutLaw = r.aboutLaw;
      kinds = r.kinds;
      cardsByDocument = r.cardsByDocument;
      semantic = r.semantic;
    }

    public Builder question(String value) {
      question = value;
      return this;
    }

    public Builder language(Language value, boolean sure) {
      language = value;
      languageSure = sure;
      return this;
    }

    public Builder platforms(List<Mention> value) {
      platforms = value;
      return this;
    }

    /** Platforms taken from the conversation, each marked as such. */
    public Builder platformsFromContext(List<String> ids) {
      platforms = ids.stream().map(id -> new Mention(id, Mention.FROM_CONTEXT)).toList();
      return this;
    }

    public Builder lookalikes(List<String> value) {
      lookalikes = value;
      return this;
    }

    public Builder uncovered(Optional<String> value) {
      uncovered = value;
      return this;
    }

    public Builder act(Act value) {
      act = value;
      return this;
    }

    public Builder shape(Shape value) {
      shape = value;
      return this;
    }

    public Builder cards(List<Asked> value) {
      cards = value;
      return this;
    }

    public Builder country(Optional<String> value) {
      country = value;
      return this;
    }

    public Builder device(Optional<Device> value) {
      device = value;
      return this;
    }

    public Builder scope(Scope value, String reason) {
      scope = value;
      scopeReason = reason;
      return this;
    }

    public Builder aboutArticle(boolean value) {
      aboutArticle = value;
      return this;
    }

    public Builder aboutLaw(boolean value) {
      aboutLaw = value;
      return this;
    }

    public Builder kinds(List<OptOutKind> value) {
      kinds = value;
      return this;
    }

    public Builder cardsByDocument(java.util.Map<String, List<Asked>> value) {
      cardsByDocument = value;
      return this;
    }

    public Builder semantic(boolean value) {
      semantic = value;
      return this;
    }

    public Reading build() {
      return new Reading(
          text,
          question,
          language,
          languageSure,
          platforms,
          lookalikes,
          uncovered,
          act,
          shape,
          cards,
          country,
          device,
          scope,
          scopeReason,
          aboutArticle,
          aboutLaw,
          kinds,
          cardsByDocument,
          semantic);
    }
  }
}
