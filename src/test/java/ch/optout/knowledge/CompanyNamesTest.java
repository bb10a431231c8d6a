package ch.optout.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.TestPipeline;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompanyNamesTest {
  private static final CompanyNames NAMES = new CompanyNames(contacts());

  /** The fixture's records, plus companies named like common words that the fixture lacks. */
  private static Contacts contacts() {
    Contacts fixture = new ContactsFiles().read(TestPipeline.fixtureDir(), new ArrayList<>());
    List<Company> companies = new ArrayList<>(fixture.companies());
    for (String name :
        List.of(
            "Indeed Ireland Operations Ltd.",
            "Loom, Inc.",
            "Malt Community SAS",
            "A Medium Corporation")) {
      String slug = Words.of(name).get(0) + (name.startsWith("A ") ? "-medium" : "");
      companies.add(
          new Company(
              slug,
              name,
              name.startsWith("A ") ? List.of("Medium (medium.com)") : List.of(),
              List.of(),
              List.of(Company.ALL),
              Optional.empty(),
              Optional.of("privacy@" + slug + ".example"),
              Optional.empty(),
              "1 Road\nTown",
              Optional.empty(),
              Company.Quality.VERIFIED,
              List.of(URI.create("https://" + slug + ".example/privacy")),
              Optional.empty()));
    }
    return new Contacts(companies, fixture.authorities());
  }

  private static String found(String text, boolean letter) {
    return String.join(
        ",", NAMES.find(text, letter).stream().map(m -> m.company().slug()).toList());
  }

  @ParameterizedTest(name = "{0} → [{1}]")
  @CsvSource(
      delimiter = '|',
      value = {
        // distinctive names count anywhere, in any case
        "does duolingo train ai on my data? | duolingo",
        "Duolingo uses my data for AI? | duolingo",
        "how do I stop Strava using my runs | strava",
        "write to Zalando | zalando",
        "est-ce que zalando entraîne une IA ? | zalando",
        "I use booking.com for hotels | booking-com",
        // common words as names: a capital mid-sentence
        "I want to stop Booking using my data | booking-com",
        "Does Uber train AI on my rides? | uber",
        "I moved to Signal last year | signal-messenger",
        "is my data on Notion used for AI? | notion",
        "I post on Medium every week | a-medium",
        "j'ai un compte Malt depuis 2020 | malt",
        "mes données chez Orange servent-elles à l'IA ? | orange",
        "I record videos with Loom | loom",
        "my CV is on Indeed | indeed",
        // common words as names: next to app, account, compte, chez, with, on
        "my uber account | uber",
        "the uber app keeps my trips | uber",
        "je suis chez free | free-fr",
        "je suis chez free et orange | free-fr,orange",
        "mon compte orange | orange",
        "i signed up with booking | booking-com",
        "what about my posts on medium? | a-medium",
        "l'appli uber garde mes trajets | uber",
        // never inside an ordinary sentence
        "I booked a flight | ''",
        "booking a flight is easy | ''",
        "It is free of charge | ''",
        "c'est free of charge | ''",
        "with free shipping | ''",
        "a free account is enough | ''",
        "I ate an orange | ''",
        "une orange pressée | ''",
        "Indeed, I agree with you | ''",
        "indeed they do | ''",
        "that is a signal of trouble | ''",
        "la notion de consentement | ''",
        "the notion of consent | ''",
        "cook it on medium heat | ''",
        "a loom for weaving | ''",
        "un whisky pur malt | ''",
        "Orange is my favourite colour | ''",
        "Free shipping on all orders | ''",
        "uber cool stuff | ''",
        "on me | ''",
      })
  void find_inAnOrdinaryMessage(String text, String expected) {
    assertThat(found(text, false)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} → [{1}]")
  @CsvSource(
      delimiter = '|',
      value = {
        "write an objection letter to orange | orange",
        "lettre d'opposition pour free | free-fr",
        "letter for booking please | booking-com",
        "écris à signal | signal-messenger",
      })
  void find_inALetterRequest_acceptsCommonWordNames(String text, String expected) {
    assertThat(found(text, true)).isEqualTo(expected);
    assertThat(found(text, false)).isEmpty();
  }

  @Test
  void find_givesWhereTheNameIs() {
    String text = "Can Strava and Duolingo use my data?";

    List<CompanyNames.Mention> mentions = NAMES.find(text);

    assertThat(mentions)
        .extracting(CompanyNames.Mention::text)
        .containsExactly("Strava", "Duolingo");
    CompanyNames.Mention first = mentions.get(0);
    assertThat(text.substring(first.start(), first.end())).isEqualTo("Strava");
    assertThat(first.company().name()).isEqualTo("Strava, Inc.");
  }

  @Test
  void find_prefersTheLongestName() {
    assertThat(NAMES.find("I complained to Meta Platforms Ireland"))
        .extracting(CompanyNames.Mention::text)
        .containsExactly("Meta Platforms Ireland");
  }

  @Test
  void find_inTheBundledContacts_findsRealCompaniesAndNothingInPlainSentences() {
    CompanyNames bundled =
        new CompanyNames(
            new KnowledgeLoader(t -> Language.EN).load(KnowledgeLocation.bundled()).contacts());

    assertThat(bundled.find("how do I stop duolingo training AI on my data?"))
        .extracting(m -> m.company().slug())
        .containsExactly("duolingo");
    assertThat(bundled.find("lettre d'opposition pour Strava", true))
        .extracting(m -> m.company().email().orElse(""))
        .containsExactly("dpo@strava.com");
    assertThat(bundled.find("I booked a flight, it was free of charge and I ate an orange."))
        .isEmpty();
    assertThat(
            bundled.find("Je voudrais savoir si mes données sont utilisées pour entraîner une IA."))
        .isEmpty();
    assertThat(bundled.find("How do I stop my data being used to train AI? I live in Geneva."))
        .isEmpty();
    assertThat(bundled.find("Does the Post Office use my data?")).isEmpty();
    assertThat(bundled.find("What does the Data (Use and Access) Act change?")).isEmpty();
    assertThat(bundled.find("How do I stop LinkedIn training AI on my data?"))
        .extracting(m -> m.company().name())
        .containsExactly("LinkedIn Ireland Unlimited Company");
  }
}
