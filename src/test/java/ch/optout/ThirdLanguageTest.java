package ch.optout;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.chat.Reply;
import ch.optout.knowledge.Language;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A third language is files: Esperanto ({@code eo}) comes only from test resources — {@code
 * i18n/messages_eo.properties}, the folder {@code understanding/eo/} and a guide {@code demo.eo.md}
 * in {@code third-language/} — and OptOut answers in it with no line of code for it.
 */
class ThirdLanguageTest {
  private static final Language ESPERANTO = Language.valueOf("eo");

  private final TestPipeline pipeline =
      new TestPipeline(
          TestPipeline.resourceDir("/third-language"),
          List.of(Language.EN, Language.FR, ESPERANTO));

  @Test
  void aQuestionInEsperanto_isAnsweredInEsperanto_fromTheEsperantoGuide() {
    Reply reply =
        pipeline
            .assistant()
            .reply("chat", "Kiel mi malŝaltas, ke Demo uzas miajn afiŝojn por trejni AI?");

    String text = pipeline.plainText.render(reply.answer());
    assertThat(reply.answer().language()).isEqualTo(ESPERANTO);
    assertThat(text)
        .contains("Kion fari ĉe Demo: Agordoj → Privateco → Datumoj por AI → malŝaltita")
        .contains("1. Malfermu Agordoj.")
        .contains("Diru \"pli\" por la resto de la gvidilo.")
        .doesNotContain("Settings", "Paramètres", "What to do", "Sources");
  }

  @Test
  void aFollowUpInEsperanto_findsItsCardInTheEsperantoGuide() {
    ch.optout.chat.Assistant assistant = pipeline.assistant();
    assistant.reply("chat", "Kiel mi malŝaltas, ke Demo uzas miajn afiŝojn por trejni AI?");

    Reply reply = assistant.reply("chat", "Ĉu malŝalti ĝin estas retroaktiva?");

    System.out.println(pipeline.plainText.render(reply.answer()));
    assertThat(reply.answer().language()).isEqualTo(ESPERANTO);
    assertThat(pipeline.plainText.render(reply.answer()))
        .contains("Ne. Ĝi haltigas nur la estontan trejnadon.");
  }

  @Test
  void theSamePipeline_stillAnswersEnglishAndFrench() {
    Reply english = pipeline.assistant().reply("en", "How do I stop Demo using my posts for AI?");
    Reply french =
        pipeline.assistant().reply("fr", "Comment empêcher Demo d'utiliser mes publications ?");

    assertThat(english.answer().language()).isEqualTo(Language.EN);
    assertThat(pipeline.plainText.render(english.answer())).contains("Settings → Privacy");
    assertThat(french.answer().language()).isEqualTo(Language.FR);
    assertThat(pipeline.plainText.render(french.answer())).contains("Paramètres → Confidentialité");
  }
}
