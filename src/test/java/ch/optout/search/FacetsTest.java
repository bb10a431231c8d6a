package ch.optout.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FacetsTest {
  private final Facets facets = new Facets();

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      Can I delete what ChatGPT already learned from me?                   | retroactive
      Est-ce que ça retire mes anciens posts déjà utilisés ?               | retroactive
      c'est rétroactif ?                                                   | retroactive
      ma fille a 16 ans, LinkedIn va utiliser ses infos ?                  | minors
      My son is 14 and posts on Instagram                                  | minors
      mon ado est sur TikTok                                               | minors
      I'm 16, can Instagram use my posts for AI?                           | minors
      Are my DMs used to train Grok?                                       | private-messages
      Je parle avec ma famille sur WhatsApp : ces discussions servent-elles ? | private-messages
      what's the deadline to object for meta?                              | deadline
      est-il trop tard pour m'opposer ?                                    | deadline
      If I delete my account, is my data removed from the model?           | account-deletion
      I don't have an account but friends post photos of me                | non-users
      How long does Gemini keep my chats?                                  | retention
      Nos échanges sur Le Chat avec l'abonnement Team, dans ma boîte ?    | business
      is it switched on by default?                                        | default
      la case est cochée d'office ?                                        | default
      do I have to object three times for Facebook, Instagram and Threads? | scope
      I live in Zurich: does it apply to us in Switzerland too?            | regions
      Chu à Montréal, y vont-tu se servir de mes affaires icitte aussi?    | regions
      Since when does Claude train on my chats?                            | since
      """)
  void of_recognisesWhatTheQuestionAsksInEitherLanguage(String question, String facet) {
    assertThat(facets.of(question)).first().isEqualTo(facet);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      I'm a postdoc in Lausanne. Who can I complain to?                    | complaint-switzerland
      Je suis infirmière à Lyon, je peux me plaindre auprès de qui ?       | complaint-france
      I live in Leeds. Who do I complain to?                               | complaint-uk
      J'habite à Liège, à quelle autorité me plaindre ?                    | complaint-belgium
      who regulates this in Dublin? I want to file a complaint             | complaint-ireland
      porter plainte, à qui ?                                              | complaint
      je suis à Genève, qui contrôle ça ?                                  | complaint-switzerland
      Which law protects me in Geneva: the GDPR or Swiss law?              | which-law
      Does the GDPR apply to me in Zurich?                                 | which-law
      C'est l'une de combien de bases juridiques ?                         | legal-bases
      My profile is public anyway, so it's not personal data?              | public-data
      Le RGPD n'oblige-t-il pas à demander mon consentement au lieu de m'opposer ? | objection-vs-consent
      """)
  void of_legalQuestions_findTheLawsCardsAndTheCountryOfACity(String question, String facet) {
    assertThat(facets.of(question)).first().isEqualTo(facet);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      How do I stop LinkedIn using my data for AI?
      comment empêcher instagram d'utiliser mes photos ?
      Google se sert-il de mes e-mails pour entraîner son IA ?
      """)
  void of_aPlainHowTo_asksNoFactOfItsOwn(String question) {
    assertThat(facets.of(question))
        .doesNotContain("minors", "retroactive", "deadline", "private-messages", "complaint");
  }
}
