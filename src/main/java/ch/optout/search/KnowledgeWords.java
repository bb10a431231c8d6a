package ch.optout.search;

import ch.optout.knowledge.KnowledgeBase;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every folded word the knowledge is written in: correctly spelt, so never a typo of a platform's
 * name. Folding the whole knowledge, about a million characters, took a third of a second of every
 * start (and the compiler's time to optimise the folding): the build saves the words ({@value
 * #RESOURCE}), valid for the knowledge of one digest.
 */
public final class KnowledgeWords {
  /** Where the saved words sit on the class path. */
  public static final String RESOURCE = "knowledge-words.bin";

  static final String FORMAT = "optout-words-2";

  private KnowledgeWords() {}

  /** The words of every section, card question and card answer. */
  public static Set<String> of(KnowledgeBase knowledge) {
    Set<String> words = new HashSet<>();
    knowledge
        .documents()
        .forEach(
            guide -> {
              guide.sections().forEach(section -> words.addAll(Text.words(section.fullText())));
              guide
                  .cards()
                  .forEach(
                      card -> {
                        words.addAll(Text.words(card.question()));
                        words.addAll(Text.words(card.answer()));
                      });
            });
    return words;
  }

  /** The words saved in the jar, if they were saved from the knowledge of this digest. */
  public static Optional<Set<String>> bundled(String digest) {
    try (InputStream in = KnowledgeWords.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      return in == null ? Optional.empty() : read(in, digest);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static Optional<Set<String>> read(InputStream raw, String digest) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
    if (!FORMAT.equals(in.readUTF()) || !digest.equals(in.readUTF())) {
      return Optional.empty();
    }
    int n = in.readInt();
    Set<String> words = new HashSet<>(n * 2);
    for (int i = 0; i < n; i++) {
      words.add(in.readUTF());
    }
    return Optional.of(words);
  }

  /** Saves the words of the knowledge of this digest. */
  public static void write(String digest, Set<String> words, OutputStream raw) throws IOException {
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
    out.writeUTF(FORMAT);
    out.writeUTF(digest);
    out.writeInt(words.size());
    for (String w : new TreeSet<>(words)) {
      out.writeUTF(w);
    }
    out.flush();
  }
}
