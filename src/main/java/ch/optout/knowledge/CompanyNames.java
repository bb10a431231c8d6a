package ch.optout.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the companies of the contacts named in a sentence, carefully. A distinctive name
 * ("Duolingo", "Strava") counts anywhere, in any case. A name made of common words ("Booking",
 * "Orange", "Free", "Signal", "Notion") counts only as a name in context: written with a capital in
 * the middle of a sentence, next to a word such as "app", "account", « compte », « chez », "with",
 * "on", or in a letter request; never in "I booked a flight", "free of charge" or "an orange". The
 * word lists are data ({@code contacts/<lang>/} in the resources). Pure: no index, no I/O after
 * construction.
 */
public final class CompanyNames {
  /**
   * A company named in a text.
   *
   * @param start the offset of its first character in the text
   * @param end the offset after its last character
   */
  public record Mention(Company company, String text, int start, int end) {
    public Mention {
      Objects.requireNonNull(company, "company");
      Objects.requireNonNull(text, "text");
    }
  }

  private final Contacts contacts;
  private final NameRules rules;

  /** The matcher over these contacts, with the word lists shipped with OptOut. */
  public CompanyNames(Contacts contacts) {
    this(contacts, NameRules.bundled());
  }

  CompanyNames(Contacts contacts, NameRules rules) {
    this.contacts = contacts;
    this.rules = rules;
  }

  /** The companies named in an ordinary message, in order. */
  public List<Mention> find(String text) {
    return find(text, false);
  }

  /**
   * @param letterRequest the text asks for a letter ("write to Orange", « lettre pour Free »): a
   *     name of common words then counts without more context
   */
  public List<Mention> find(String text, boolean letterRequest) {
    List<Token> tokens = Token.split(text);
    boolean cased = text.chars().anyMatch(Character::isLowerCase);
    CompanyIndex index = contacts.index();
    List<Mention> mentions = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      Optional<Mention> found = Optional.empty();
      for (int n = Math.min(index.longestKey(), tokens.size() - i);
          n >= 1 && found.isEmpty();
          n--) {
        found =
            mention(
                text, tokens, i, i + n, cased, letterRequest || listed(tokens, i, mentions), index);
      }
      if (found.isPresent()) {
        mentions.add(found.get());
        i = indexAfter(tokens, found.get().end());
      } else {
        i++;
      }
    }
    return mentions;
  }

  private Optional<Mention> mention(
      String text,
      List<Token> tokens,
      int from,
      int to,
      boolean cased,
      boolean letterRequest,
      CompanyIndex index) {
    List<String> words = tokens.subList(from, to).stream().map(Token::folded).toList();
    List<CompanyIndex.Hit> hits = index.hits(words, Optional.empty());
    if (hits.isEmpty()) {
      return Optional.empty();
    }
    Optional<NameRules.Kind> ambiguity = rules.ambiguity(words);
    boolean whole = hits.get(0).whole();
    boolean isName =
        ambiguity.isEmpty()
            || inContext(ambiguity.get(), whole, tokens, from, to, cased, letterRequest);
    if (!isName) {
      return Optional.empty();
    }
    int start = tokens.get(from).start();
    int end = tokens.get(to - 1).end();
    return Optional.of(new Mention(hits.get(0).company(), text.substring(start, end), start, end));
  }

  /**
   * @param whole the words are a whole name, not the beginning of one ("uber" of "Uber
   *     Technologies"): a beginning needs more than a preposition before it
   */
  private boolean inContext(
      NameRules.Kind kind,
      boolean whole,
      List<Token> tokens,
      int from,
      int to,
      boolean cased,
      boolean letterRequest) {
    if (kind == NameRules.Kind.STOP) {
      return false;
    }
    if (letterRequest) {
      return true;
    }
    Token first = tokens.get(from);
    Optional<Token> previous = from > 0 ? Optional.of(tokens.get(from - 1)) : Optional.empty();
    Optional<Token> next = to < tokens.size() ? Optional.of(tokens.get(to)) : Optional.empty();
    // "the Post Office", "the Data (Use and Access) Act": a capital inside a longer title is no
    // evidence of this name
    boolean inTitle =
        previous
                .filter(p -> !p.startsSentence() && p.capitalised() && !first.afterPunctuation())
                .isPresent()
            || next.filter(Token::capitalised).isPresent();
    if (cased
        && first.capitalised()
        && !first.startsSentence()
        && !inTitle
        && kind != NameRules.Kind.PROPER) {
      return true;
    }
    boolean endsPhrase =
        next.isEmpty()
            || next.get().startsSentence()
            || next.get().afterPunctuation()
            || rules.after(next.get().folded())
            || rules.follow(next.get().folded());
    boolean introduced =
        previous.isPresent() && !first.afterPunctuation() && rules.before(previous.get().folded());
    if (introduced && endsPhrase && whole) {
      return true;
    }
    boolean qualified =
        next.isPresent() && rules.after(next.get().folded()) && !next.get().afterPunctuation();
    boolean determined =
        previous.isPresent()
            && !first.afterPunctuation()
            && (rules.determiner(previous.get().folded()) || rules.before(previous.get().folded()));
    return qualified && determined && kind != NameRules.Kind.ADJECTIVE;
  }

  /** A name right after "X and" where X was just found: "chez Free et Orange". */
  private boolean listed(List<Token> tokens, int from, List<Mention> mentions) {
    if (from < 2 || mentions.isEmpty()) {
      return false;
    }
    Token joiner = tokens.get(from - 1);
    return rules.and(joiner.folded())
        && mentions.get(mentions.size() - 1).end() == tokens.get(from - 2).end();
  }

  private static int indexAfter(List<Token> tokens, int end) {
    int i = 0;
    while (i < tokens.size() && tokens.get(i).start() < end) {
      i++;
    }
    return i;
  }

  /**
   * A word of the text with where it is and what precedes it.
   *
   * @param startsSentence the first word, or one after ". ", "! ", "? " or a line break
   * @param afterPunctuation a comma, colon, quote or bracket stands between it and the word before
   */
  record Token(
      String text,
      String folded,
      int start,
      int end,
      boolean startsSentence,
      boolean afterPunctuation) {

    boolean capitalised() {
      return Character.isUpperCase(text.codePointAt(0));
    }

    static List<Token> split(String text) {
      List<Token> tokens = new ArrayList<>();
      int i = 0;
      int previousEnd = 0;
      while (i < text.length()) {
        int cp = text.codePointAt(i);
        if (!Character.isLetterOrDigit(cp)) {
          i += Character.charCount(cp);
          continue;
        }
        int start = i;
        while (i < text.length() && Character.isLetterOrDigit(text.codePointAt(i))) {
          i += Character.charCount(text.codePointAt(i));
        }
        String gap = text.substring(previousEnd, start);
        boolean sentence = tokens.isEmpty() || endsSentence(gap);
        boolean punctuation = !tokens.isEmpty() && gap.matches(".*[,;:()\\[\\]\"«»“”].*");
        String word = text.substring(start, i);
        tokens.add(new Token(word, Words.fold(word), start, i, sentence, punctuation));
        previousEnd = i;
      }
      return tokens;
    }

    /** "booking.com" is one name, "done. Booking" two sentences. */
    private static boolean endsSentence(String gap) {
      return gap.contains("\n") || SENTENCE_END.matcher(gap).matches();
    }

    private static final java.util.regex.Pattern SENTENCE_END =
        java.util.regex.Pattern.compile("(?s).*[.!?…][\"»”')]*\\s.*");
  }
}
