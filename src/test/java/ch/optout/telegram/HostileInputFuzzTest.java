package ch.optout.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ch.optout.TestPipeline;
import ch.optout.answer.Answer;
import ch.optout.chat.Assistant;
import ch.optout.chat.Reply;
import ch.optout.knowledge.Authority;
import ch.optout.knowledge.Company;
import ch.optout.knowledge.Guide;
import ch.optout.knowledge.KnowledgeBase;
import ch.optout.knowledge.Source;
import ch.optout.store.InMemoryChatStore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * Seeded hostile inputs through the assistant — directly, and as Telegram updates read by {@link
 * Incoming} — then rendered by {@link TelegramRenderer} with their buttons. For every input: no
 * exception escapes; every message is Telegram HTML that parses ({@link HtmlRules}), within 4,096
 * characters raw and visible; every button fits Telegram's limits; and no http(s) link appears that
 * is not a source (or contact form) of the knowledge. 1,000 inputs by default, over the test
 * fixture and over the bundled knowledge; {@code -Doptout.fuzz=10000} for the full run, {@code
 * -Doptout.fuzz.seed=…} to replay another seed.
 */
class HostileInputFuzzTest {
  private static final int INPUTS = Integer.getInteger("optout.fuzz", 1_000);
  private static final long SEED = Long.getLong("optout.fuzz.seed", 20_260_110L);
  private static final int BATCH = 250;
  private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");
  private static final Pattern URL = Pattern.compile("(?i)https?://[^\\s<>\"'()\\[\\]]+");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Incoming.Bot BOT = new Incoming.Bot(FakeBotApi.BOT_ID, FakeBotApi.USERNAME);

  /** Figures of one knowledge base's run, reported at its end. */
  private static final class Tally {
    int inputs;
    int replies;
    int messages;
    int crashes;
    int invalid;
    int foreignLinks;
    long nanos;
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    void fail(String what) {
      if (failures.size() < 30) {
        failures.add(what);
      }
    }
  }

  @TestFactory
  Stream<DynamicNode> hostileInputs_neverCrashNeverBreakHtmlNeverLeakLinks() {
    return Stream.of(
        DynamicContainer.dynamicContainer(
            "fixture knowledge", run("fixture", TestPipeline::fixture)),
        DynamicContainer.dynamicContainer(
            "bundled knowledge", run("bundled", TestPipeline::bundled)));
  }

  private Stream<DynamicNode> run(
      String name, java.util.function.Supplier<TestPipeline> pipelines) {
    // built lazily, inside the first test, so that a broken pipeline fails a test rather than
    // discovery
    Object[] state = new Object[3];
    Tally tally = new Tally();
    HostileInputs inputs = new HostileInputs(SEED);
    Stream<DynamicNode> batches =
        IntStream.range(0, (INPUTS + BATCH - 1) / BATCH)
            .mapToObj(
                b -> {
                  int from = b * BATCH;
                  int to = Math.min(INPUTS, from + BATCH);
                  return DynamicTest.dynamicTest(
                      "inputs " + from + "–" + (to - 1) + " (seed " + SEED + ")",
                      () -> {
                        if (state[0] == null) {
                          TestPipeline p = pipelines.get();
                          state[0] = p;
                          state[1] = p.assistant(new InMemoryChatStore(), Clock.systemUTC());
                          state[2] = allowedLinks(p.knowledge);
                        }
                        TestPipeline p = (TestPipeline) state[0];
                        int failuresBefore = tally.failures.size();
                        for (int i = from; i < to; i++) {
                          check(inputs.next(i), p, (Assistant) state[1], castSet(state[2]), tally);
                        }
                        assertThat(tally.failures.subList(failuresBefore, tally.failures.size()))
                            .as(name + " failures")
                            .isEmpty();
                      });
                });
    DynamicTest summary =
        DynamicTest.dynamicTest(
            "summary",
            () -> {
              System.out.printf(
                  "fuzz %s: %d inputs (seed %d), %d replies, %d messages checked, %d crashes, %d invalid messages,"
                      + " %d foreign links, %.1f ms per input%n",
                  name,
                  tally.inputs,
                  SEED,
                  tally.replies,
                  tally.messages,
                  tally.crashes,
                  tally.invalid,
                  tally.foreignLinks,
                  tally.inputs == 0 ? 0.0 : tally.nanos / 1e6 / tally.inputs);
              assertThat(tally.inputs).isEqualTo(INPUTS);
              assertThat(tally.crashes + tally.invalid + tally.foreignLinks)
                  .as(String.join("\n", tally.failures))
                  .isZero();
            });
    return Stream.concat(batches, Stream.of(summary));
  }

  @SuppressWarnings("unchecked")
  private static Set<String> castSet(Object o) {
    return (Set<String>) o;
  }

  /**
   * One input, the way the terminal and the bot pass it: straight in, and as a Telegram message.
   */
  private static void check(
      HostileInputs.Input input,
      TestPipeline p,
      Assistant assistant,
      Set<String> allowed,
      Tally tally) {
    long start = System.nanoTime();
    tally.inputs++;
    TelegramRenderer renderer = new TelegramRenderer(p.messages);
    Keyboards keyboards = new Keyboards(p.messages);
    // a few chats, so that checklists and letters keep state from one input to the next
    long chat = 1_000 + input.index() % 7;
    try {
      Reply direct = assistant.reply("fuzz:" + chat, input.text());
      verify(input, "direct", direct, renderer, keyboards, allowed, tally);
      Optional<Incoming> in = Incoming.read(update(chat, input).getMessage(), BOT);
      if (in.isPresent()) {
        Reply viaTelegram =
            assistant.reply(
                ChatRef.assistantKey(chat),
                in.get().text(),
                in.get().clientLanguage(),
                Optional.empty());
        verify(input, "telegram", viaTelegram, renderer, keyboards, allowed, tally);
      }
    } catch (RuntimeException | Error e) {
      tally.crashes++;
      tally.fail("crash on " + input.describe() + ": " + e);
    } finally {
      tally.nanos += System.nanoTime() - start;
    }
  }

  private static void verify(
      HostileInputs.Input input,
      String path,
      Reply reply,
      TelegramRenderer renderer,
      Keyboards keyboards,
      Set<String> allowed,
      Tally tally) {
    tally.replies++;
    Answer answer = reply.answer();
    List<String> chunks = renderer.render(answer);
    if (chunks.isEmpty()) {
      tally.invalid++;
      tally.fail("no message for " + input.describe() + " (" + path + ")");
    }
    for (String chunk : chunks) {
      tally.messages++;
      List<String> problems = new ArrayList<>(HtmlRules.problems(chunk));
      if (chunk.length() > TelegramRenderer.MAX_LENGTH) {
        problems.add(chunk.length() + " characters");
      }
      if (problems.isEmpty() && HtmlRules.visibleText(chunk).isBlank()) {
        problems.add("nothing visible");
      }
      if (hasLoneSurrogate(chunk)) {
        problems.add("a lone surrogate, which is not UTF-8");
      }
      if (!problems.isEmpty()) {
        tally.invalid++;
        tally.fail("invalid message for " + input.describe() + " (" + path + "): " + problems);
      }
      for (String link : links(chunk)) {
        if (!isAllowed(link, allowed)) {
          tally.foreignLinks++;
          tally.fail("foreign link " + link + " for " + input.describe() + " (" + path + ")");
        }
      }
    }
    Optional<InlineKeyboardMarkup> keyboard =
        keyboards.withChoices(answer.language(), reply.choices(), Optional.empty());
    keyboard.ifPresent(
        k ->
            k.getKeyboard()
                .forEach(
                    row ->
                        row.forEach(
                            button -> {
                              if (button.getText() == null
                                  || button.getText().isBlank()
                                  || button
                                          .getCallbackData()
                                          .getBytes(StandardCharsets.UTF_8)
                                          .length
                                      > Action.MAX_BYTES) {
                                tally.invalid++;
                                tally.fail("bad button " + button + " for " + input.describe());
                              }
                            })));
  }

  private static boolean hasLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1)))) {
        return true;
      }
      if (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Every http(s) link a user could follow: link targets, and addresses in the visible text
   * (Telegram links them too).
   */
  static List<String> links(String html) {
    List<String> links = new ArrayList<>();
    Matcher href = HREF.matcher(html);
    while (href.find()) {
      links.add(HtmlRules.visibleText(href.group(1)));
    }
    Matcher url = URL.matcher(HtmlRules.visibleText(html));
    while (url.find()) {
      links.add(url.group().replaceAll("[.,;:!?…]+$", ""));
    }
    return links;
  }

  private static boolean isAllowed(String link, Set<String> allowed) {
    return allowed.stream().anyMatch(a -> a.equals(link) || a.startsWith(link));
  }

  /**
   * The sources and contact forms of every document and contact record: the only links an answer
   * may carry.
   */
  static Set<String> allowedLinks(KnowledgeBase knowledge) {
    Set<String> links = new HashSet<>();
    for (Guide g : knowledge.documents()) {
      g.sources().stream().map(Source::url).map(Object::toString).forEach(links::add);
      g.contact().form().map(Object::toString).ifPresent(links::add);
      // the official page of a setting, named in the one-line warning of an old guide
      g.link().map(Object::toString).ifPresent(links::add);
    }
    // a letter's addressee: the company's web form, where its contact was found, its database page
    for (Company c : knowledge.contacts().companies()) {
      c.webform().map(Object::toString).ifPresent(links::add);
      c.sources().stream().map(Object::toString).forEach(links::add);
      links.add(c.databasePage().toString());
    }
    // a complaint's authority: its site, its form, where its contact was found
    for (Authority a : knowledge.contacts().authorities()) {
      a.web().map(Object::toString).ifPresent(links::add);
      a.webform().map(Object::toString).ifPresent(links::add);
      a.sources().stream().map(Object::toString).forEach(links::add);
      a.companyFirstSource().map(Object::toString).ifPresent(links::add);
    }
    return links;
  }

  private static Update update(long chat, HostileInputs.Input input) {
    String language = List.of("en", "fr", "de", "").get(input.index() % 4);
    JsonNode node = Updates.privateText(chat, language.isEmpty() ? null : language, input.text());
    try {
      return JSON.treeToValue(node, Update.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("update for " + input.describe(), e);
    }
  }
}
