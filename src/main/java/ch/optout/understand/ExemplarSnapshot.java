package ch.optout.understand;

import ch.optout.knowledge.Language;
import ch.optout.knowledge.SnapshotText;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the build worked out about every understanding exemplar, so that the start does not: each
 * exemplar with its platform names masked (the masking compares each word with every name and its
 * typos) and, per language, the stems of each form an exemplar is compared in. Together they were
 * most of the seconds that building the classifiers took at start. Valid only for the knowledge it
 * was made from (its digest), since the names and the cards' exemplars come from there; an exemplar
 * it lacks is simply worked out at start.
 *
 * @param masks exemplar text → its masked form
 * @param stems per language, form → its stems
 */
public record ExemplarSnapshot(
    Map<String, String> masks, Map<Language, Map<String, Set<String>>> stems) {
  /** Where the snapshot sits on the class path. */
  public static final String RESOURCE = "understanding-exemplars.bin";

  /** Changes whenever the layout, the masking or the analysis changes. */
  static final String FORMAT = "optout-exemplars-1";

  /** Nothing known ahead: everything is worked out at start. */
  public static final ExemplarSnapshot NONE = new ExemplarSnapshot(Map.of(), Map.of());

  public ExemplarSnapshot {
    masks = Collections.unmodifiableMap(masks);
    stems = Collections.unmodifiableMap(stems);
  }

  /** The stems known for a language's forms. */
  Map<String, Set<String>> stems(Language language) {
    return stems.getOrDefault(language, Map.of());
  }

  /** The snapshot bundled in the jar, if it was made from the knowledge of this digest. */
  public static Optional<ExemplarSnapshot> bundled(String digest) {
    try (InputStream in = ExemplarSnapshot.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      return in == null ? Optional.empty() : read(in, digest);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static Optional<ExemplarSnapshot> read(InputStream raw, String digest) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
    if (!FORMAT.equals(in.readUTF()) || !digest.equals(in.readUTF())) {
      return Optional.empty();
    }
    int n = in.readInt();
    Map<String, String> masks = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      masks.put(SnapshotText.read(in), SnapshotText.read(in));
    }
    String[] words = new String[in.readInt()];
    for (int i = 0; i < words.length; i++) {
      words[i] = SnapshotText.read(in);
    }
    Map<Language, Map<String, Set<String>>> stems = new HashMap<>();
    int languages = in.readInt();
    for (int l = 0; l < languages; l++) {
      Optional<Language> language = Language.fromCode(in.readUTF());
      int forms = in.readInt();
      Map<String, Set<String>> byForm = new HashMap<>(forms * 2);
      for (int f = 0; f < forms; f++) {
        String form = SnapshotText.read(in);
        int k = in.readUnsignedShort();
        // in the order the analysis gave them, as at start
        Set<String> own = new LinkedHashSet<>(k * 2);
        for (int i = 0; i < k; i++) {
          own.add(words[in.readInt()]);
        }
        byForm.put(form, Collections.unmodifiableSet(own));
      }
      // a language this jar no longer has: its stems are read past, unused
      language.ifPresent(x -> stems.put(x, byForm));
    }
    return Optional.of(new ExemplarSnapshot(masks, stems));
  }

  /** Writes this snapshot, made from the knowledge of this digest. */
  public void write(String digest, OutputStream raw) throws IOException {
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
    out.writeUTF(FORMAT);
    out.writeUTF(digest);
    out.writeInt(masks.size());
    for (Map.Entry<String, String> e : new TreeMap<>(masks).entrySet()) {
      SnapshotText.write(out, e.getKey());
      SnapshotText.write(out, e.getValue());
    }
    // each word once, then each form's words as numbers, everything sorted: the same knowledge
    // gives the same file
    Map<String, Integer> ids = new HashMap<>();
    SortedSet<String> words = new TreeSet<>();
    stems.values().forEach(m -> m.values().forEach(words::addAll));
    out.writeInt(words.size());
    for (String w : words) {
      ids.put(w, ids.size());
      SnapshotText.write(out, w);
    }
    List<Language> languages = new ArrayList<>(stems.keySet());
    languages.sort(Comparator.comparing(Language::code));
    out.writeInt(languages.size());
    for (Language l : languages) {
      out.writeUTF(l.code());
      Map<String, Set<String>> byForm = new TreeMap<>(stems.get(l));
      out.writeInt(byForm.size());
      for (Map.Entry<String, Set<String>> e : byForm.entrySet()) {
        SnapshotText.write(out, e.getKey());
        // in the order the analysis gave them
        out.writeShort(e.getValue().size());
        for (String w : e.getValue()) {
          out.writeInt(ids.get(w));
        }
      }
    }
    out.flush();
  }
}
