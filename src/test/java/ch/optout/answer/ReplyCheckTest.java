package ch.optout.answer;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.knowledge.Language;
import ch.optout.knowledge.Source;
import ch.optout.search.LanguageDetector;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplyCheckTest {
  private static final List<LlmPrompt.Excerpt> PASSAGES =
      List.of(
          new LlmPrompt.Excerpt(
              1,
              "Stop LinkedIn — Summary",
              "LinkedIn trains AI unless you switch it off. Sign in on linkedin.com first.",
              List.of(
                  new Source(
                      "LinkedIn Help",
                      URI.create("https://www.linkedin.com/help/linkedin/answer/a6278444")))),
          new LlmPrompt.Excerpt(
              2,
              "GDPR — Article 21",
              "You can object; see the form at https://example.org/object-form for details.",
              List.of(
                  new Source(
                      "EUR-Lex", URI.create("https://eur-lex.europa.eu/eli/reg/2016/679/oj")))));

  private final ReplyCheck check = new ReplyCheck(new LanguageDetector());

  private ReplyCheck.Verdict check(String reply) {
    return check.check(reply, Language.EN, PASSAGES);
  }

  private String accepted(String reply) {
    ReplyCheck.Verdict v = check(reply);
    assertThat(v).isInstanceOf(ReplyCheck.Verdict.Accepted.class);
    return ((ReplyCheck.Verdict.Accepted) v).text();
  }

  private String rejected(String reply) {
    ReplyCheck.Verdict v = check(reply);
    assertThat(v).isInstanceOf(ReplyCheck.Verdict.Rejected.class);
    return ((ReplyCheck.Verdict.Rejected) v).reason();
  }

  @Test
  void check_citedReplyInTheRightLanguage_isAcceptedUnchanged() {
    String reply =
        "You can stop it in the settings [1].\n\n1. Open the privacy settings [1].\n2. Object to the processing [2].";

    ReplyCheck.Verdict v = check(reply);

    assertThat(v).isEqualTo(new ReplyCheck.Verdict.Accepted(reply, List.of(1, 2), 0));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      plain foreign URL        | Read https://evil.example/x for the steps [1].                     | Read for the steps [1].
      foreign URL at the end   | You can object to it [2]. See https://evil.example/x.               | You can object to it [2]. See.
      foreign in parentheses   | Switch it off (https://evil.example) in the settings [1].          | Switch it off in the settings [1].
      bare foreign domain      | Switch it off on evil-linkedin.com in the settings [1].            | Switch it off on in the settings [1].
      foreign e-mail address   | Write to privacy@evil.example to object [2].                       | Write to to object [2].
      www without scheme       | Switch it off at www.evil.example/linkedin in the settings [1].    | Switch it off at in the settings [1].
      markdown link to foreign | Use [the official form](https://evil.example/form) to object [2]. | Use the official form to object [2].
      look-alike subdomain     | Go to https://www.linkedin.com.evil.example/help to stop it [1].   | Go to to stop it [1].
      source URL               | See https://www.linkedin.com/help/linkedin/answer/a6278444 for it [1]. | See https://www.linkedin.com/help/linkedin/answer/a6278444 for it [1].
      source URL, other form   | See http://linkedin.com/help/linkedin/answer/a6278444/ for it [1]. | See http://linkedin.com/help/linkedin/answer/a6278444/ for it [1].
      URL written in a passage, host no cited source's | Use the form at https://example.org/object-form to object [2]. | Use the form at to object [2].
      domain of a source not cited | Sign in on linkedin.com to object [2].                       | Sign in on to object [2].
      mention of an account    | Write to @OptOutHelpdesk_bot to object [2].                         | Write to to object [2].
      tg link                  | Open tg://resolve?domain=OptOutHelpdesk_bot to object [2].          | Open to object [2].
      tg link without slashes  | Open tg:resolve?domain=OptOutHelpdesk_bot to object [2].            | Open to object [2].
      other scheme             | Open ftp://evil.example/x to object [2].                             | Open to object [2].
      Cyrillic domain          | Visit пример.рф to object [2].                                      | Visit to object [2].
      punycode domain          | Visit xn--e1afmkfd.xn--p1ai to object [2].                          | Visit to object [2].
      punycode look-alike of a source | Visit https://xn--lnkedin-o0a.com/help to stop it [1].       | Visit to stop it [1].
      ideographic full stops   | Visit evil。example。com to object [2].                              | Visit to object [2].
      e-mail address on a cited source's host | Sign in on linkedin.com, not @linkedin [1].          | Sign in on linkedin.com, not [1].
      domain of a source       | Sign in on linkedin.com and switch it off [1].                     | Sign in on linkedin.com and switch it off [1].
      """)
  void check_links_onlyThoseFromTheKnowledgeSurvive(String name, String reply, String expected) {
    assertThat(accepted(reply)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      no citation             | You can stop it in the settings.                        | no [n] citation
      unknown citation        | You can stop it in the settings [1] and object [3].     | cites [3] but 2 passages were given
      citation zero           | You can stop it in the settings [0].                    | cites [0] but 2 passages were given
      unknown in a list       | You can stop it in the settings [1, 2, 5].              | cites [5] but 2 passages were given
      wrong language          | Vous pouvez le désactiver dans les paramètres [1].      | written in fr, en expected
      blank                   | '   '                                                   | empty reply
      only a foreign link     | https://evil.example/x                                  | nothing left once foreign links are removed
      """)
  void check_badReplies_areRejectedWithAReason(String name, String reply, String reason) {
    assertThat(rejected(reply)).isEqualTo(reason);
  }

  @Test
  void check_replyLongerThanTheBound_isRejected() {
    String reply = "You can stop it in the settings [1]. ".repeat(100);

    assertThat(rejected(reply)).startsWith("reply too long");
  }

  @Test
  void check_replyLeakingItsRules_isRejected() {
    assertThat(rejected("Sure [1]! " + LlmPrompt.SYSTEM))
        .isEqualTo("reply repeats its instructions");
  }

  @Test
  void check_citationLists_countEachNumberOnce() {
    ReplyCheck.Verdict v =
        check("You can stop it [2, 1] and you can object [1;2] to the processing [2].");

    assertThat(((ReplyCheck.Verdict.Accepted) v).cited()).containsExactly(2, 1);
  }

  @Test
  void check_frenchReplyNamingEnglishSettings_isJudgedOnItsFrench() {
    String reply =
        "Dans LinkedIn, ouvrez **Settings & Privacy**, puis désactivez **Use my data for training content creation AI models** [1].";

    assertThat(check.check(reply, Language.FR, PASSAGES))
        .isInstanceOf(ReplyCheck.Verdict.Accepted.class);
  }

  @Test
  void check_reasoningBeforeTheAnswer_isNotShown() {
    String text =
        accepted(
            "<think>The user wants steps. Passage 1 has them.</think>\nSwitch it off in the settings [1].");

    assertThat(text).isEqualTo("Switch it off in the settings [1].");
  }

  @Test
  void check_frenchReplyAskedInFrench_isAccepted() {
    ReplyCheck.Verdict v =
        check.check(
            "Vous pouvez le désactiver dans les paramètres de confidentialité [1].",
            Language.FR,
            PASSAGES);

    assertThat(v).isInstanceOf(ReplyCheck.Verdict.Accepted.class);
  }
}
