package ch.optout.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactsImportTest {
  @TempDir Path tmp;

  private static final String STRAVA =
      """
      {
        "slug": "strava",
        "relevant-countries": ["all"],
        "categories": ["social media"],
        "name": "Strava, Inc.",
        "web": "https://www.strava.com",
        "sources": ["https://www.strava.com/legal/privacy"],
        "address": "208 Utah Street\\nSan Francisco CA 94103\\nUnited States of America",
        "phone": "+1 415 000 0000",
        "email": "dpo@strava.com",
        "suggested-transport-medium": "email",
        "quality": "verified"
      }
      """;

  private static final String ADULT =
      """
      {"slug": "adult-site", "relevant-countries": ["de"], "name": "Adult GmbH", "nsfw": true,
       "address": "Street 1", "sources": ["https://adult.example/"], "quality": "verified"}
      """;

  private static final String SLOPPY =
      """
      {"slug": "asos", "relevant-countries": ["gb"], "name": "ASOS.com Limited",
       "web": "httsp://www.asos.com", "email": "privacy@asos.com",
       "address": "Greater London House\\nLondon", "quality": "scraped",
       "sources": ["https://www.asos.com/privacy-policy/", "the DPO's e-mail"]}
      """;

  private static final String CNIL =
      """
      {"slug": "frcnil", "relevant-countries": ["fr"],
       "name": "Commission Nationale de l'Informatique et des Libertés – CNIL",
       "address": "3 Place de Fontenoy\\nTSA 80715\\n75334 Paris Cedex 07\\nFrance",
       "phone": "+33 1 53 73 22 22", "webform": "https://www.cnil.fr/fr/plaintes",
       "web": "https://www.cnil.fr/", "sources": ["https://www.cnil.fr/fr/nous-contacter"],
       "complaint-language": "fr"}
      """;

  private Path checkout() throws IOException {
    Path repo = tmp.resolve("data");
    Files.createDirectories(repo.resolve("companies"));
    Files.createDirectories(repo.resolve("supervisory-authorities"));
    Files.writeString(repo.resolve("companies/strava.json"), STRAVA);
    Files.writeString(repo.resolve("companies/adult-site.json"), ADULT);
    Files.writeString(repo.resolve("companies/asos.json"), SLOPPY);
    Files.writeString(repo.resolve("supervisory-authorities/frcnil.json"), CNIL);
    Files.writeString(repo.resolve("README.md"), "not a record");
    return repo;
  }

  @Test
  void run_onACheckout_writesOurFormatSortedWithoutNsfw() throws IOException {
    Path out = tmp.resolve("knowledge/contacts");

    ContactsImport.Result result = new ContactsImport().run(checkout(), out);

    assertThat(result.nsfw()).isEqualTo(1);
    assertThat(result.companies().added()).containsExactly("asos", "strava");
    assertThat(result.authorities().added()).containsExactly("frcnil");
    assertThat(Files.readAllLines(out.resolve("companies.jsonl")))
        .containsExactly(
            "{\"slug\":\"asos\",\"name\":\"ASOS.com Limited\",\"countries\":[\"GB\"],"
                + "\"email\":\"privacy@asos.com\",\"address\":\"Greater London House\\nLondon\","
                + "\"quality\":\"scraped\",\"sources\":[\"https://www.asos.com/privacy-policy/\"]}",
            "{\"slug\":\"strava\",\"name\":\"Strava, Inc.\",\"countries\":[\"all\"],"
                + "\"web\":\"https://www.strava.com\",\"email\":\"dpo@strava.com\","
                + "\"address\":\"208 Utah Street\\nSan Francisco CA 94103\\nUnited States of America\","
                + "\"medium\":\"email\",\"quality\":\"verified\","
                + "\"sources\":[\"https://www.strava.com/legal/privacy\"]}");
    assertThat(result.problems())
        .extracting(Problem::toString)
        .containsExactly(
            "companies/asos.json:1: warning: field left out: web 'httsp://www.asos.com' is not valid");
  }

  @Test
  void run_twice_isStableAndReportsNoChange() throws IOException {
    Path out = tmp.resolve("contacts");
    new ContactsImport().run(checkout(), out);
    String first = Files.readString(out.resolve("companies.jsonl"));

    ContactsImport.Result again = new ContactsImport().run(checkout(), out);

    assertThat(Files.readString(out.resolve("companies.jsonl"))).isEqualTo(first);
    assertThat(again.companies().isEmpty()).isTrue();
    assertThat(again.authorities().isEmpty()).isTrue();
  }

  @Test
  void run_reportsAddedRemovedAndChangedBySlug() throws IOException {
    Path repo = checkout();
    Path out = tmp.resolve("contacts");
    new ContactsImport().run(repo, out);
    Files.delete(repo.resolve("companies/asos.json"));
    Files.writeString(repo.resolve("companies/strava.json"), STRAVA.replace("dpo@", "privacy@"));
    Files.writeString(
        repo.resolve("companies/duolingo.json"),
        STRAVA.replace("strava", "duolingo").replace("Strava", "Duolingo"));

    ContactsImport.Result result = new ContactsImport().run(repo, out);

    assertThat(result.companies().added()).containsExactly("duolingo");
    assertThat(result.companies().removed()).containsExactly("asos");
    assertThat(result.companies().changed()).containsExactly("strava");
  }

  @Test
  void run_keepsWhatTheProjectAdded() throws IOException {
    Path out = tmp.resolve("contacts");
    new ContactsImport().run(checkout(), out);
    List<String> lines = Files.readAllLines(out.resolve("authorities.jsonl"));
    Files.write(
        out.resolve("authorities.jsonl"),
        List.of(
            "{\"slug\":\"caqccai\",\"countries\":[\"CA-QC\"],"
                + "\"name\":\"Commission d'accès à l'information du Québec\","
                + "\"address\":\"525, boulevard René-Lévesque Est\\nQuébec\","
                + "\"sources\":[\"https://www.cai.gouv.qc.ca/\"],\"own\":true}",
            lines.get(0).replace("}", ",\"main\":true}")));

    ContactsImport.Result result = new ContactsImport().run(checkout(), out);

    assertThat(result.contacts().authority("CA-QC").map(Authority::slug)).contains("caqccai");
    assertThat(result.contacts().authority("FR").orElseThrow().main()).isTrue();
    assertThat(result.authorities().isEmpty()).isTrue();
  }

  @Test
  void read_theSnapshotLayout_likeACheckout() throws IOException {
    Path snapshot = tmp.resolve("snapshot");
    Files.createDirectories(snapshot);
    Files.writeString(
        snapshot.resolve("companies.jsonl"),
        STRAVA.replace("\n", " ") + "\n" + ADULT.replace("\n", " ") + "\n");
    Files.writeString(snapshot.resolve("authorities.jsonl"), CNIL.replace("\n", " ") + "\n");

    ContactsImport.Result result = new ContactsImport().read(snapshot, Contacts.empty());

    assertThat(result.contacts().companies()).extracting(Company::slug).containsExactly("strava");
    assertThat(result.contacts().authority("FR").map(Authority::name))
        .contains("Commission Nationale de l'Informatique et des Libertés – CNIL");
    assertThat(result.nsfw()).isEqualTo(1);
  }

  @Test
  void read_aFolderWithNeither_saysWhatItExpects() {
    assertThatThrownBy(() -> new ContactsImport().read(tmp, Contacts.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("checkout of datenanfragen/data");
  }
}
