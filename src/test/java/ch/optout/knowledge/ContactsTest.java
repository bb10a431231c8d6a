package ch.optout.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.TestPipeline;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContactsTest {
  private static final Contacts CONTACTS = read();

  private static Contacts read() {
    List<Problem> problems = new ArrayList<>();
    Contacts contacts = new ContactsFiles().read(TestPipeline.fixtureDir(), problems);
    assertThat(problems).isEmpty();
    return contacts;
  }

  @Test
  void read_fixture_holdsEveryRecordSortedBySlug() {
    assertThat(CONTACTS.companies()).hasSize(17);
    assertThat(CONTACTS.companies()).extracting(Company::slug).isSorted();
    assertThat(CONTACTS.authorities()).hasSize(12);
    Company duolingo = CONTACTS.company("duolingo").orElseThrow();
    assertThat(duolingo.name()).isEqualTo("Duolingo, Inc.");
    assertThat(duolingo.email()).contains("privacy@duolingo.com");
    assertThat(duolingo.medium()).isEqualTo(Company.Medium.EMAIL);
    assertThat(duolingo.quality()).isEqualTo(Company.Quality.VERIFIED);
    assertThat(duolingo.databasePage())
        .hasToString("https://www.datarequests.org/company/duolingo/");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "Duolingo, duolingo",
    "duolingo, duolingo",
    "Strava, strava",
    "Zalando, zalando",
    "Zalando SE, zalando",
    "Zalando Lounge, zalando",
    "Booking, booking-com",
    "booking.com, booking-com",
    "Uber, uber",
    "Meta, facebook",
    "Meta Platforms Ireland, facebook",
    "Messenger, facebook",
    "X, twitter",
    "Twitter, twitter",
    "X Corp, twitter",
    "LinkedIn, linkedin",
    "TikTok, tiktok",
    "Signal, signal-messenger",
    "Orange, orange",
    "Free, free-fr",
    "amazon.co.uk, amazon-gb",
    "vinted-uab-lookalike-that-is-not-there, ''",
  })
  void find_byNameBrandOrSlug_findsTheRecord(String name, String slug) {
    assertThat(CONTACTS.find(name).map(Company::slug).orElse("")).isEqualTo(slug);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "booking com, Booking.com",
    "zalando, Zalando",
    "strava, Strava",
    "Duolingo, Duolingo",
    "uber, ''",
    "myspace, ''",
  })
  void spelling_isTheCompanysOwnWithoutItsLegalForm(String typed, String spelled) {
    assertThat(CONTACTS.spelling(typed).orElse("")).isEqualTo(spelled);
  }

  @Test
  void find_unknownOrTooShortOrAmbiguous_isEmpty() {
    assertThat(CONTACTS.find("Myspace")).isEmpty();
    assertThat(CONTACTS.find("")).isEmpty();
    assertThat(CONTACTS.find("am")).isEmpty();
  }

  @Test
  void find_withACountry_prefersThatCountrysRecord() {
    assertThat(CONTACTS.find("Amazon", "GB").map(Company::slug)).contains("amazon-gb");
    assertThat(CONTACTS.find("Amazon", "de").map(Company::slug)).contains("amazon-de");
  }

  @Test
  void medium_withoutASuggestion_isEmailThenWebFormThenLetter() {
    assertThat(CONTACTS.company("facebook").orElseThrow().medium())
        .isEqualTo(Company.Medium.WEBFORM);
    assertThat(CONTACTS.company("orange").orElseThrow().medium()).isEqualTo(Company.Medium.LETTER);
    assertThat(CONTACTS.company("orange").orElseThrow().addressLine())
        .isEqualTo(
            "111, quai du Président Roosevelt, CS 70222, 92449 Issy-les-Moulineaux CEDEX, France");
  }

  @Test
  void unchecked_onlyForScrapedRecords() {
    assertThat(
            CONTACTS.company("apostelgemeinde-in-salzgitter-lebenstedt").orElseThrow().unchecked())
        .isTrue();
    assertThat(CONTACTS.company("strava").orElseThrow().unchecked()).isFalse();
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "PT, ptcnpd",
    "pt, ptcnpd",
    "BE, beapd",
    "LU, lucnpd",
    "AT, atdsb",
    "CH, chedoeb",
    "GB, gbico",
    "UK, gbico",
    "CA-QC, caqccai",
    "ca-qc, caqccai",
    "CA, caopc",
    "CA-ON, caopc",
    "FR, frcnil",
    "IE, iedpc",
    "DE, debfdi",
  })
  void authority_byCountryCode(String code, String slug) {
    assertThat(CONTACTS.authority(code).map(Authority::slug)).contains(slug);
  }

  @Test
  void authority_unknownCountry_isEmpty() {
    assertThat(CONTACTS.authority("US")).isEmpty();
    assertThat(CONTACTS.complaint("US", LocalDate.of(2026, 7, 1))).isEmpty();
  }

  @Test
  void complaint_inTheUk_needsTheCompanyFirstFrom19June2026() {
    ComplaintRoute before = CONTACTS.complaint("UK", LocalDate.of(2026, 6, 18)).orElseThrow();
    ComplaintRoute after = CONTACTS.complaint("GB", LocalDate.of(2026, 6, 19)).orElseThrow();

    assertThat(before.companyFirst()).isFalse();
    assertThat(after.companyFirst()).isTrue();
    assertThat(after.authority().webform().orElseThrow().getHost()).isEqualTo("ico.org.uk");
    assertThat(after.authority().companyFirstSource().orElseThrow().getHost())
        .isEqualTo("ico.org.uk");
  }

  @Test
  void complaint_elsewhere_givesTheAuthorityItsFormAndAddress() {
    ComplaintRoute quebec = CONTACTS.complaint("CA-QC", LocalDate.of(2026, 7, 1)).orElseThrow();
    assertThat(quebec.companyFirst()).isFalse();
    assertThat(quebec.authority().name()).contains("Commission d'accès à l'information");
    assertThat(quebec.authority().webform()).isPresent();
    assertThat(quebec.authority().addressLine()).contains("Québec (Québec)");
    assertThat(quebec.authority().own()).isTrue();

    ComplaintRoute germany = CONTACTS.complaint("DE", LocalDate.of(2026, 7, 1)).orElseThrow();
    assertThat(germany.authority().slug()).isEqualTo("debfdi");
    assertThat(germany.others()).extracting(Authority::slug).containsExactly("debaylda");
  }

  @Test
  void forGuide_followsTheGuidesCompanyLink() {
    KnowledgeBase kb = TestPipeline.fixture().knowledge;
    Guide meta = kb.find("meta", Language.EN).orElseThrow();
    Guide tiktok = kb.find("tiktok", Language.EN).orElseThrow();

    assertThat(kb.contacts().forGuide(meta).map(Company::name))
        .contains("Meta Platforms Ireland Limited");
    assertThat(kb.contacts().forGuide(tiktok)).isEmpty();
  }

  private static final KnowledgeBase BUNDLED_KNOWLEDGE =
      new KnowledgeLoader(t -> Language.EN).load(KnowledgeLocation.bundled());
  private static final Contacts BUNDLED = BUNDLED_KNOWLEDGE.contacts();

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "PT | ptcnpd | CNPD",
        "BE | beapd | Autorité de protection des données",
        "LU | lucnpd | Commission nationale pour la protection des données",
        "AT | atdsb | Datenschutzbehörde",
        "CH | chedoeb | EDÖB",
        "GB | gbico | Information Commissioner",
        "CA-QC | caqccai | Commission d'accès à l'information du Québec",
        "CA | caopc | Office of the Privacy Commissioner of Canada",
        "FR | frcnil | CNIL",
        "IE | iedpc | Data Protection Commission",
      })
  void bundled_authorityOfEachCountry(String code, String slug, String name) {
    ComplaintRoute route = BUNDLED.complaint(code, LocalDate.of(2026, 12, 1)).orElseThrow();

    assertThat(route.authority().slug()).isEqualTo(slug);
    assertThat(route.authority().name()).contains(name);
    assertThat(route.webform().isPresent() || !route.address().isBlank()).isTrue();
    assertThat(route.companyFirst()).isEqualTo(code.equals("GB"));
  }

  @Test
  void bundled_everyCountryOfTheAuthoritiesFileHasOne_andEveryGuideLinkResolves() {
    BUNDLED.authorities().stream()
        .flatMap(a -> a.countries().stream())
        .forEach(code -> assertThat(BUNDLED.authority(code)).as(code).isPresent());
    assertThat(
            List.of(
                "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
                "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "IS",
                "LI", "NO", "GB", "CH", "CA", "CA-QC"))
        .allSatisfy(code -> assertThat(BUNDLED.authority(code)).as(code).isPresent());
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "meta | Meta Platforms Ireland Limited",
        "tiktok | TikTok Technology Limited",
        "reddit | Reddit Netherlands B.V.",
        "x | Twitter International Unlimited Company",
        "snapchat | Snap B.V.",
        "spotify | Spotify AB",
        "linkedin | LinkedIn Ireland Unlimited Company",
        "whatsapp | WhatsApp Ireland Ltd.",
      })
  void bundled_guidesLinkToTheirLegalEntity(String guide, String entity) {
    KnowledgeBase kb = BUNDLED_KNOWLEDGE;

    assertThat(kb.contacts().forGuide(kb.find(guide, Language.EN).orElseThrow()).map(Company::name))
        .contains(entity);
  }
}
