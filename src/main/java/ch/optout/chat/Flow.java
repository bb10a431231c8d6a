package ch.optout.chat;

import ch.optout.knowledge.Language;
import ch.optout.search.Intent;
import ch.optout.store.ChatState;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What a conversation is doing while its context lasts, and the language it is held in: a question
 * answered, the checklist, a letter written or waiting for its law or its platform, a question
 * waiting for its platform.
 *
 * <p>The store keeps it as a short string, the flow's name, a dot and the language's code
 * ("CHECKLIST.fr"). {@link #encode} writes that string and {@link #decode} reads it back, and also
 * what older versions wrote: the intent of the question answered ("FACTS.en", "LEGAL.fr") and, in
 * the first versions, the intent alone ("HOW_TO"). Nothing else reads or writes these strings.
 */
sealed interface Flow {
  /** The string the store keeps: {@code decode(flow.encode())} equals {@code flow}. */
  default String encode() {
    return name() + language().map(l -> "." + l.code()).orElse("");
  }

  /** The flow's name as stored, without its language ("CHECKLIST"). */
  String name();

  /** The language the conversation is held in; none in the first versions' rows. */
  Optional<Language> language();

  /** The same flow, held in another language. */
  default Flow in(Language other) {
    return decode(name() + "." + other.code());
  }

  /** What the store keeps after a question answered about a platform. */
  static Flow answered(Language language) {
    return new Answered(Intent.HOW_TO, Optional.of(language));
  }

  /** The flow of a chat's context, if it has one. */
  static Optional<Flow> of(ChatState state) {
    return state.lastIntent().map(Flow::decode);
  }

  /**
   * The flow a stored string holds; a string this version does not know (a newer version's, or a
   * language it no longer speaks) is {@link Unknown}, kept as it is.
   */
  static Flow decode(String stored) {
    Objects.requireNonNull(stored, "stored");
    int dot = stored.lastIndexOf('.');
    if (dot < 0) {
      return intent(stored)
          .<Flow>map(i -> new Answered(i, Optional.empty()))
          .orElseGet(() -> new Unknown(stored));
    }
    String name = stored.substring(0, dot);
    Optional<Language> spoken = exactLanguage(stored.substring(dot + 1));
    if (spoken.isEmpty()) {
      return new Unknown(stored);
    }
    Language l = spoken.get();
    return switch (name) {
      case InChecklist.NAME -> new InChecklist(l);
      case LetterWritten.NAME -> new LetterWritten(l);
      case LetterAskedRegion.NAME -> new LetterAskedRegion(l);
      case LetterAskedPlatform.NAME -> new LetterAskedPlatform(l);
      case AskedPlatform.NAME -> new AskedPlatform(l);
      default ->
          intent(name).<Flow>map(i -> new Answered(i, spoken)).orElseGet(() -> new Unknown(stored));
    };
  }

  /**
   * A question answered about a platform. This version keeps every answer as {@link Intent#HOW_TO};
   * older ones kept what the question asked ("FACTS", "LEGAL"…).
   *
   * @param language none for the first versions' rows, which kept the intent alone
   */
  record Answered(Intent intent, Optional<Language> language) implements Flow {
    public Answered {
      Objects.requireNonNull(intent, "intent");
      Objects.requireNonNull(language, "language");
      if (intent == Intent.LETTER && language.isPresent()) {
        throw new IllegalArgumentException("a letter written is a LetterWritten flow");
      }
    }

    @Override
    public String name() {
      return intent.name();
    }
  }

  /** "Which platform do you mean?" was asked: the next message may name it. */
  record AskedPlatform(Language spoken) implements Flow {
    static final String NAME = "CLARIFY";

    public AskedPlatform {
      Objects.requireNonNull(spoken, "spoken");
    }

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public Optional<Language> language() {
      return Optional.of(spoken);
    }
  }

  /** The checklist: its pick list, or one of its platforms, is on screen. */
  record InChecklist(Language spoken) implements Flow {
    static final String NAME = "CHECKLIST";

    public InChecklist {
      Objects.requireNonNull(spoken, "spoken");
    }

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public Optional<Language> language() {
      return Optional.of(spoken);
    }
  }

  /** A letter was written: "where do I send it?" is about its platform. */
  record LetterWritten(Language spoken) implements Flow {
    static final String NAME = "LETTER";

    public LetterWritten {
      Objects.requireNonNull(spoken, "spoken");
    }

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public Optional<Language> language() {
      return Optional.of(spoken);
    }
  }

  /** A letter waits for the law that applies to the user; its platform waits with it. */
  record LetterAskedRegion(Language spoken) implements Flow {
    static final String NAME = "LETTER_REGION";

    public LetterAskedRegion {
      Objects.requireNonNull(spoken, "spoken");
    }

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public Optional<Language> language() {
      return Optional.of(spoken);
    }
  }

  /** "/letter" came without a platform: the next message names it. */
  record LetterAskedPlatform(Language spoken) implements Flow {
    static final String NAME = "LETTER_PLATFORM";

    public LetterAskedPlatform {
      Objects.requireNonNull(spoken, "spoken");
    }

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public Optional<Language> language() {
      return Optional.of(spoken);
    }
  }

  /**
   * A string this version does not read, kept as stored; its language is read as the rest of the
   * conversation reads one ("fr-CH" is French).
   */
  record Unknown(String stored) implements Flow {
    public Unknown {
      Objects.requireNonNull(stored, "stored");
    }

    @Override
    public String name() {
      int dot = stored.lastIndexOf('.');
      return dot < 0 ? stored : stored.substring(0, dot);
    }

    @Override
    public Optional<Language> language() {
      int dot = stored.lastIndexOf('.');
      return dot < 0 ? Optional.empty() : Language.fromCode(stored.substring(dot + 1));
    }

    @Override
    public String encode() {
      return stored;
    }
  }

  private static Optional<Intent> intent(String name) {
    return Arrays.stream(Intent.values()).filter(i -> i.name().equals(name)).findFirst();
  }

  /** A code as this version writes it: "fr", never "FR" or "fr-CH". */
  private static Optional<Language> exactLanguage(String code) {
    return Language.fromCode(code).filter(l -> l.code().equals(code));
  }
}
