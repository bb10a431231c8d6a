package ch.optout.understand;

import ch.optout.knowledge.Card;
import ch.optout.knowledge.DocumentKind;
import ch.optout.knowledge.Guide;
import ch.optout.knowledge.KnowledgeBase;
import ch.optout.knowledge.Language;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer cards as the cards classifier labels them, and the ways of asking each: every card's
 * question and phrasings in the knowledge, and those written apart under {@code
 * understanding/phrasings/}.
 */
final class CardLabels {
  private final KnowledgeBase knowledge;

  /** Each guide's card ids, the same in both languages. */
  private final Map<String, List<String>> byGuide = new LinkedHashMap<>();

  /** The law files' and articles' cards, as {@code doc#id}. */
  private final List<String> law = new ArrayList<>();

  CardLabels(KnowledgeBase knowledge) {
    this.knowledge = knowledge;
    for (Guide g : knowledge.documents()) {
      for (Card card : g.cards()) {
        if (g.kind() == DocumentKind.GUIDE) {
          List<String> ids = byGuide.computeIfAbsent(g.id(), k -> new ArrayList<>());
          if (!ids.contains(card.id())) {
            ids.add(card.id());
          }
        } else if (!law.contains(label(g, card))) {
          law.add(label(g, card));
        }
      }
    }
  }

  /**
   * A platform's card by its id, shared by every guide ("retroactive"); a law file's or article's
   * by document and id ("complaints#complaint-belgium").
   */
  static String label(Guide g, Card card) {
    return g.kind() == DocumentKind.GUIDE ? card.id() : g.id() + "#" + card.id();
  }

  /** A guide's card ids; none for a document that is no guide. */
  List<String> ofGuide(String document) {
    return byGuide.getOrDefault(document, List.of());
  }

  /** The law files' and articles' cards, as {@code doc#id}. */
  List<String> law() {
    return law;
  }

  /** Every card's question and phrasings in one language, labelled by card. */
  List<Exemplar> questions(Language language) {
    return exemplars(language, false);
  }

  /** Every card's answer in one language, labelled by card. */
  List<Exemplar> answers(Language language) {
    return exemplars(language, true);
  }

  private List<Exemplar> exemplars(Language language, boolean answers) {
    List<Exemplar> out = new ArrayList<>();
    for (Guide g : knowledge.documents()) {
      if (g.language() != language) {
        continue;
      }
      for (Card card : g.cards()) {
        String label = label(g, card);
        List<String> texts = new ArrayList<>();
        if (answers) {
          texts.add(card.answerText());
        } else {
          texts.add(card.question());
          texts.addAll(card.also());
        }
        for (String t : texts) {
          if (!t.isBlank()) {
            out.add(new Exemplar(label, t, g.id()));
          }
        }
      }
      if (!answers) {
        out.addAll(phrasings(g));
      }
    }
    return out;
  }

  /**
   * More ways people ask a document's cards, written apart from the knowledge so that its files
   * stay readable: {@code understanding/phrasings/<document>.<language>.tsv}, {@code
   * card<TAB>text}. Lines for a card the document does not have are left out (another knowledge
   * folder).
   */
  private static List<Exemplar> phrasings(Guide g) {
    List<Exemplar> out = new ArrayList<>();
    String file = "understanding/phrasings/" + g.id() + "." + g.language().code() + ".tsv";
    for (String line : LanguagePack.readLines(file)) {
      if (line.isBlank() || line.startsWith("#") || !line.contains("\t")) {
        continue;
      }
      String[] parts = line.split("\t", 2);
      g.card(parts[0].strip())
          .filter(c -> !parts[1].isBlank())
          .ifPresent(c -> out.add(new Exemplar(label(g, c), parts[1].strip(), g.id())));
    }
    return out;
  }
}
