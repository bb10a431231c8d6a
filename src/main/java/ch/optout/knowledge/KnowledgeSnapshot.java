package ch.optout.knowledge;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The parsed knowledge in a compact binary form, written at build time for the knowledge bundled in
 * the jar: reading it takes a fraction of parsing sixty Markdown files with YAML front matter in a
 * cold JVM. The build validates that knowledge ({@code knowledge check}); a snapshot is never made
 * of a folder with errors.
 */
public final class KnowledgeSnapshot {
  /** Changes whenever the layout below or the records change. */
  static final String FORMAT = "optout-knowledge-5";

  private KnowledgeSnapshot() {}

  public static void write(KnowledgeBase knowledge, DataOutputStream out) throws IOException {
    out.writeUTF(FORMAT);
    out.writeUTF(knowledge.digest());
    out.writeInt(knowledge.documents().size());
    for (Guide g : knowledge.documents()) {
      out.writeUTF(g.id());
      out.writeUTF(g.language().name());
      out.writeUTF(g.kind().name());
      out.writeUTF(g.platform());
      strings(out, g.aliases());
      out.writeUTF(g.title());
      optional(out, g.verified().map(LocalDate::toString));
      strings(out, g.regions());
      optional(out, g.optOut().map(Enum::name));
      out.writeUTF(g.action());
      optional(out, g.contact().form().map(URI::toString));
      optional(out, g.contact().email());
      optional(out, g.link().map(URI::toString));
      optional(out, g.company());
      SnapshotText.write(out, g.checked());
      out.writeInt(g.sources().size());
      for (Source s : g.sources()) {
        out.writeUTF(s.title());
        out.writeUTF(s.url().toString());
        out.writeUTF(s.published().text());
        optional(out, s.read().map(LocalDate::toString));
      }
      out.writeInt(g.sections().size());
      for (Section s : g.sections()) {
        out.writeUTF(s.kind().name());
        out.writeUTF(s.heading());
        out.writeUTF(s.label());
        SnapshotText.write(out, s.text());
        out.writeInt(s.items().size());
        for (String item : s.items()) {
          SnapshotText.write(out, item);
        }
        out.writeInt(s.line());
      }
      out.writeInt(g.cards().size());
      for (Card c : g.cards()) {
        out.writeUTF(c.id());
        SnapshotText.write(out, c.question());
        strings(out, c.also());
        SnapshotText.write(out, c.answer());
        out.writeInt(c.line());
      }
      out.writeInt(g.changes().size());
      for (Change c : g.changes()) {
        out.writeUTF(c.date().toString());
        SnapshotText.write(out, c.summary());
        out.writeBoolean(c.act());
        optional(out, c.deadline().map(LocalDate::toString));
        out.writeInt(c.line());
      }
      out.writeUTF(g.file());
    }
    // the contacts are thousands of records that few runs need: kept as one block, decoded on use
    java.io.ByteArrayOutputStream contacts = new java.io.ByteArrayOutputStream();
    try (DataOutputStream block = new DataOutputStream(contacts)) {
      ContactsSnapshot.write(knowledge.contacts(), block);
    }
    out.writeInt(contacts.size());
    contacts.writeTo(out);
    out.flush();
  }

  /** The knowledge of a snapshot; empty when it is of another format or damaged. */
  public static Optional<KnowledgeBase> read(DataInputStream in) {
    try {
      if (!in.readUTF().equals(FORMAT)) {
        return Optional.empty();
      }
      String digest = in.readUTF();
      int count = in.readInt();
      List<Guide> documents = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        documents.add(guide(in));
      }
      byte[] contacts = new byte[in.readInt()];
      in.readFully(contacts);
      return Optional.of(
          new KnowledgeBase(documents, () -> ContactsSnapshot.read(contacts), digest));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Guide guide(DataInputStream in) throws IOException {
    String id = in.readUTF();
    Language language = Language.valueOf(in.readUTF());
    DocumentKind kind = DocumentKind.valueOf(in.readUTF());
    String platform = in.readUTF();
    List<String> aliases = strings(in);
    String title = in.readUTF();
    Optional<LocalDate> verified = optional(in).map(LocalDate::parse);
    List<String> regions = strings(in);
    Optional<OptOutKind> optOut = optional(in).map(OptOutKind::valueOf);
    String action = in.readUTF();
    Optional<URI> form = optional(in).map(URI::create);
    Optional<String> email = optional(in);
    Contact contact = form.isEmpty() && email.isEmpty() ? Contact.NONE : new Contact(form, email);
    Optional<URI> link = optional(in).map(URI::create);
    Optional<String> company = optional(in);
    String checked = readText(in);
    List<Source> sources =
        list(
            in,
            () ->
                new Source(
                    readUtf(in),
                    URI.create(readUtf(in)),
                    new SourceDate(readUtf(in)),
                    optionalUtf(in).map(LocalDate::parse)));
    List<Section> sections =
        list(
            in,
            () ->
                new Section(
                    SectionKind.valueOf(readUtf(in)),
                    readUtf(in),
                    readUtf(in),
                    readText(in),
                    list(in, () -> readText(in)),
                    readInt(in)));
    List<Card> cards =
        list(
            in,
            () ->
                new Card(
                    readUtf(in),
                    readText(in),
                    list(in, () -> readUtf(in)),
                    readText(in),
                    readInt(in)));
    List<Change> changes =
        list(
            in,
            () ->
                new Change(
                    LocalDate.parse(readUtf(in)),
                    readText(in),
                    readBoolean(in),
                    optionalUtf(in).map(LocalDate::parse),
                    readInt(in)));
    String file = in.readUTF();
    return new Guide(
        id, language, kind, platform, aliases, title, verified, regions, optOut, action, contact,
        link, company, checked, sources, sections, cards, changes, file);
  }

  private static String readText(DataInputStream in) {
    try {
      return SnapshotText.read(in);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static void strings(DataOutputStream out, List<String> values) throws IOException {
    out.writeInt(values.size());
    for (String v : values) {
      out.writeUTF(v);
    }
  }

  static List<String> strings(DataInputStream in) throws IOException {
    return list(in, () -> readUtf(in));
  }

  static void optional(DataOutputStream out, Optional<String> value) throws IOException {
    out.writeBoolean(value.isPresent());
    if (value.isPresent()) {
      out.writeUTF(value.get());
    }
  }

  static Optional<String> optional(DataInputStream in) throws IOException {
    return in.readBoolean() ? Optional.of(in.readUTF()) : Optional.empty();
  }

  static Optional<String> optionalUtf(DataInputStream in) {
    try {
      return optional(in);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static <T> List<T> list(DataInputStream in, Supplier<T> item) {
    int n = readInt(in);
    List<T> items = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      items.add(item.get());
    }
    return items;
  }

  static String readUtf(DataInputStream in) {
    try {
      return in.readUTF();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static boolean readBoolean(DataInputStream in) {
    try {
      return in.readBoolean();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static int readInt(DataInputStream in) {
    try {
      return in.readInt();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
