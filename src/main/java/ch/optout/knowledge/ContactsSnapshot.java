package ch.optout.knowledge;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/**
 * The contacts in the knowledge snapshot: one block of thousands of records that few runs need,
 * decoded on first use.
 */
final class ContactsSnapshot {
  private ContactsSnapshot() {}

  static void write(Contacts contacts, DataOutputStream out) throws IOException {
    out.writeInt(contacts.companies().size());
    for (Company c : contacts.companies()) {
      out.writeUTF(c.slug());
      out.writeUTF(c.name());
      KnowledgeSnapshot.strings(out, c.runs());
      KnowledgeSnapshot.strings(out, c.aliases());
      KnowledgeSnapshot.strings(out, c.countries());
      KnowledgeSnapshot.optional(out, c.web().map(URI::toString));
      KnowledgeSnapshot.optional(out, c.email());
      KnowledgeSnapshot.optional(out, c.webform().map(URI::toString));
      out.writeUTF(c.address());
      KnowledgeSnapshot.optional(out, c.suggestedMedium().map(Enum::name));
      out.writeUTF(c.quality().name());
      KnowledgeSnapshot.strings(out, c.sources().stream().map(URI::toString).toList());
      KnowledgeSnapshot.optional(out, c.requestLanguage());
    }
    out.writeInt(contacts.authorities().size());
    for (Authority a : contacts.authorities()) {
      out.writeUTF(a.slug());
      KnowledgeSnapshot.strings(out, a.countries());
      out.writeUTF(a.name());
      KnowledgeSnapshot.optional(out, a.web().map(URI::toString));
      KnowledgeSnapshot.optional(out, a.email());
      KnowledgeSnapshot.optional(out, a.webform().map(URI::toString));
      out.writeUTF(a.address());
      KnowledgeSnapshot.strings(out, a.sources().stream().map(URI::toString).toList());
      KnowledgeSnapshot.optional(out, a.complaintLanguage());
      out.writeBoolean(a.own());
      out.writeBoolean(a.main());
      KnowledgeSnapshot.optional(out, a.companyFirstSince().map(LocalDate::toString));
      KnowledgeSnapshot.optional(out, a.companyFirstSource().map(URI::toString));
    }
  }

  /** The contacts of a block written by {@link #write}. */
  static Contacts read(byte[] block) {
    try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(block))) {
      return readContacts(in);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("the contacts of the knowledge snapshot are damaged", e);
    }
  }

  private static Contacts readContacts(DataInputStream in) throws IOException {
    List<Company> companies =
        KnowledgeSnapshot.list(
            in,
            () ->
                new Company(
                    KnowledgeSnapshot.readUtf(in),
                    KnowledgeSnapshot.readUtf(in),
                    KnowledgeSnapshot.list(in, () -> KnowledgeSnapshot.readUtf(in)),
                    KnowledgeSnapshot.list(in, () -> KnowledgeSnapshot.readUtf(in)),
                    KnowledgeSnapshot.list(in, () -> KnowledgeSnapshot.readUtf(in)),
                    KnowledgeSnapshot.optionalUtf(in).map(URI::create),
                    KnowledgeSnapshot.optionalUtf(in),
                    KnowledgeSnapshot.optionalUtf(in).map(URI::create),
                    KnowledgeSnapshot.readUtf(in),
                    KnowledgeSnapshot.optionalUtf(in).map(Company.Medium::valueOf),
                    Company.Quality.valueOf(KnowledgeSnapshot.readUtf(in)),
                    KnowledgeSnapshot.list(in, () -> URI.create(KnowledgeSnapshot.readUtf(in))),
                    KnowledgeSnapshot.optionalUtf(in)));
    List<Authority> authorities =
        KnowledgeSnapshot.list(
            in,
            () ->
                new Authority(
                    KnowledgeSnapshot.readUtf(in),
                    KnowledgeSnapshot.list(in, () -> KnowledgeSnapshot.readUtf(in)),
                    KnowledgeSnapshot.readUtf(in),
                    KnowledgeSnapshot.optionalUtf(in).map(URI::create),
                    KnowledgeSnapshot.optionalUtf(in),
                    KnowledgeSnapshot.optionalUtf(in).map(URI::create),
                    KnowledgeSnapshot.readUtf(in),
                    KnowledgeSnapshot.list(in, () -> URI.create(KnowledgeSnapshot.readUtf(in))),
                    KnowledgeSnapshot.optionalUtf(in),
                    readBoolean(in),
                    readBoolean(in),
                    KnowledgeSnapshot.optionalUtf(in).map(LocalDate::parse),
                    KnowledgeSnapshot.optionalUtf(in).map(URI::create)));
    return companies.isEmpty() && authorities.isEmpty()
        ? Contacts.empty()
        : new Contacts(companies, authorities);
  }

  private static boolean readBoolean(DataInputStream in) {
    try {
      return in.readBoolean();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
