package ch.optout.answer;

import ch.optout.knowledge.Guide;
import ch.optout.knowledge.Language;
import ch.optout.knowledge.OptOutKind;
import ch.optout.knowledge.SectionKind;
import ch.optout.knowledge.Source;
import ch.optout.understand.Device;
import ch.optout.understand.Reading;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Answers that lead with what was asked: a card's fact, a how-to's one-line action, one line per
 * platform for a comparison. What they leave out is one word away ("more", « plus »).
 */
final class LeadAnswers {
  /** A guide checked longer ago than this gets a one-line warning. */
  static final int STALE_DAYS = 180;

  /** Caveats shown with a short answer; the others come with "more". */
  static final int KEY_CAVEATS = 2;

  /** Sources listed with a how-to; all of them come with "more". */
  static final int KEY_SOURCES = 2;

  private static final Pattern MOBILE =
      Pattern.compile(
          "(?i)\\b(phone|mobile|app|iphone|android|ipad|smartphone|t[ée]l[ée]phone|portable|appli|application|ios|tablet|tablette)\\b");
  private static final Pattern DESKTOP =
      Pattern.compile(
          "(?i)\\b(computer|desktop|laptop|browser|web|ordinateur|ordi|navigateur|pc|mac|site)\\b");

  private final Messages messages;
  private final Clock clock;

  LeadAnswers(Messages messages, Clock clock) {
    this.messages = messages;
    this.clock = clock;
  }

  /** A how-to: the one-line action, the steps for the device asked about, key caveats. */
  Answer howTo(Guide g, Reading r, List<Found> facts) {
    Language language = r.language();
    StringBuilder lead = new StringBuilder();
    List<Source> sources = new ArrayList<>();
    for (Found f : facts) {
      lead.append(f.card().answerText()).append("\n\n");
      sources.addAll(f.cited());
    }
    lead.append(actionLine(g, language, !facts.isEmpty()));
    List<Source> all = new ArrayList<>(sources);
    all.addAll(g.sources().stream().limit(KEY_SOURCES).toList());
    return base(g, language)
        .cards(ids(facts))
        .lead(lead.toString().strip())
        .steps(steps(g, r.device(), r.question()))
        .caveats(items(g, SectionKind.NOT_COVERED).stream().limit(KEY_CAVEATS).toList())
        .sources(distinct(all))
        .build();
  }

  /** A fact: the card's answer first, then what to do about it in one line. */
  Answer fact(Guide g, Language language, List<Found> facts, Optional<Guide> platform) {
    StringBuilder lead = new StringBuilder();
    List<Source> sources = new ArrayList<>();
    List<Guide> used = new ArrayList<>();
    for (Found f : facts) {
      lead.append(f.card().answerText()).append("\n\n");
      sources.addAll(f.cited());
      used.add(f.guide());
    }
    platform.ifPresent(
        p -> {
          lead.append(actionLine(p, language, true));
          p.sources().stream().limit(1).forEach(sources::add);
          used.add(p);
        });
    Guide main = platform.orElse(g);
    AnswerKind kind = platform.isPresent() ? AnswerKind.GUIDE : AnswerKind.INFORMATION;
    String title =
        platform.isPresent() || facts.isEmpty() ? main.title() : facts.get(0).guide().title();
    return base(main, language)
        .kind(kind)
        .cards(ids(facts))
        .title(title)
        .lead(lead.toString().strip())
        .sources(distinct(sources))
        .verified(oldest(used))
        .warning(warning(used, language))
        .platformId(platform.map(Guide::id))
        // "more" continues with the platform in context; a law card has nothing more to give
        .more(platform.isPresent())
        .link(platform.flatMap(Guide::link))
        .build();
  }

  /** Lines of the guide's own text that answer the question, then what to do there. */
  Answer lines(Guide g, Reading r, List<String> lines) {
    Language language = r.language();
    return base(g, language)
        .lead(String.join("\n\n", lines) + "\n\n" + actionLine(g, language, true))
        .caveats(
            items(g, SectionKind.NOT_COVERED).stream()
                .filter(c -> !lines.contains(c))
                .limit(KEY_CAVEATS)
                .toList())
        .sources(distinct(g.sources().stream().limit(KEY_SOURCES).toList()))
        .build();
  }

  /** One line per platform: a setting, a form, nothing, or not needed; or the card asked for. */
  Answer compare(List<Guide> guides, Language language, Optional<String> cardId) {
    List<String> lines = new ArrayList<>();
    List<Source> sources = new ArrayList<>();
    List<String> led = new ArrayList<>();
    for (Guide g : guides) {
      Optional<Found> card = cardId.flatMap(g::card).map(c -> new Found(g, c));
      String line;
      if (card.isPresent()) {
        // the fact asked, then what can be done there
        line = card.get().card().answerText() + " → " + kindLine(g, language);
        sources.addAll(card.get().cited());
        led.add(card.get().id());
        g.sources().stream().limit(1).forEach(sources::add);
      } else {
        line = kindLine(g, language);
        g.sources().stream().limit(1).forEach(sources::add);
      }
      lines.add("**" + g.platform() + "** — " + line);
    }
    String names = String.join(", ", guides.stream().map(Guide::platform).toList());
    return Answer.builder(language, AnswerKind.GUIDE)
        .platformId(Optional.of(guides.get(0).id()))
        .cards(led)
        .title(messages.get(language, "compare.title", names))
        .lead(String.join("\n\n", lines))
        .notes(List.of(messages.get(language, "compare.next")))
        .sources(distinct(sources))
        .verified(oldest(guides))
        .warning(warning(guides, language))
        .build();
  }

  /** "LinkedIn has a setting: Settings → … → switch off." */
  String kindLine(Guide g, Language language) {
    String kind = g.optOut().map(k -> k.name().toLowerCase(java.util.Locale.ROOT)).orElse("none");
    String action = action(g);
    return messages.get(language, "compare." + kind, action);
  }

  private String actionLine(Guide g, Language language, boolean afterFact) {
    String action = action(g);
    if (g.optOut().filter(k -> k == OptOutKind.NOT_NEEDED).isPresent()) {
      return messages.get(language, "answer.action.notNeeded", g.platform(), action);
    }
    return messages.get(
        language, afterFact ? "answer.action.then" : "answer.action", g.platform(), action);
  }

  /** The guide's one-line action, without a leading "ChatGPT:" that repeats the platform. */
  static String action(Guide g) {
    String action = g.action().isBlank() ? g.title() : g.action().strip();
    int colon = action.indexOf(':');
    if (colon > 0 && colon <= 30) {
      String prefix = ch.optout.search.Text.fold(action.substring(0, colon)).strip();
      String platform = ch.optout.search.Text.fold(g.platform());
      if (!prefix.isEmpty() && (platform.contains(prefix) || prefix.equals(g.id()))) {
        action = action.substring(colon + 1).strip();
      }
    }
    return action;
  }

  /** "20 November 2025", « 20 novembre 2025 »: each language's pattern is in its bundle. */
  private String date(LocalDate d, Language language) {
    return d.format(
        java.time.format.DateTimeFormatter.ofPattern(
            messages.get(language, "answer.date"), language.locale()));
  }

  private Answer.Builder base(Guide g, Language language) {
    return Answer.builder(language, AnswerKind.GUIDE)
        .platformId(Optional.of(g.id()))
        .title(g.title())
        .verified(g.verified())
        .warning(warning(List.of(g), language))
        .link(g.link())
        .more(true);
  }

  /** "Checked on 20 Nov 2025, over six months ago: menus may have changed…", or empty. */
  String warning(List<Guide> guides, Language language) {
    LocalDate today = LocalDate.now(clock);
    Optional<Guide> stale =
        guides.stream()
            .filter(g -> g.verified().isPresent())
            .filter(g -> ChronoUnit.DAYS.between(g.verified().get(), today) > STALE_DAYS)
            .min(Comparator.comparing(g -> g.verified().get()));
    if (stale.isEmpty()) {
      return "";
    }
    Guide g = stale.get();
    Optional<URI> page = g.link().or(() -> g.sources().stream().findFirst().map(Source::url));
    // a law file has no menus: what may have changed is the law or how it is applied
    String key =
        g.kind() == ch.optout.knowledge.DocumentKind.GUIDE ? "answer.stale" : "answer.stale.law";
    return messages.get(
        language, key, date(g.verified().get(), language), page.map(URI::toString).orElse(""));
  }

  /**
   * The steps for the device named, else those of a group the question names ("Instagram" in the
   * Meta guide), else every group's.
   */
  static List<StepGroup> steps(Guide g, Optional<Device> device, String question) {
    List<StepGroup> groups = new ArrayList<>();
    for (var s : g.sections(SectionKind.STEPS)) {
      String label = s.label().isEmpty() ? s.label() : capitalize(s.label());
      groups.add(new StepGroup(label, s.items()));
    }
    if (groups.size() < 2) {
      return groups;
    }
    if (device.isPresent()) {
      Pattern wanted = device.get() == Device.MOBILE ? MOBILE : DESKTOP;
      List<StepGroup> matching =
          groups.stream().filter(s -> wanted.matcher(s.label()).find()).toList();
      if (!matching.isEmpty()) {
        return matching;
      }
    }
    // "Instagram" in a question about Meta: the Instagram steps, not Facebook's (word overlap)
    java.util.Set<String> asked = new java.util.HashSet<>(ch.optout.search.Text.words(question));
    List<StepGroup> named =
        groups.stream()
            .filter(
                group ->
                    ch.optout.search.Text.words(group.label()).stream()
                        .anyMatch(
                            w ->
                                w.length() >= 4
                                    && asked.contains(w)
                                    && !MOBILE.matcher(w).find()
                                    && !DESKTOP.matcher(w).find()))
            .toList();
    if (!named.isEmpty() && named.size() < groups.size()) {
      return named;
    }
    return groups;
  }

  static List<String> items(Guide g, SectionKind kind) {
    List<String> out = new ArrayList<>();
    for (var s : g.sections(kind)) {
      if (!s.text().isBlank()) {
        out.add(s.text());
      }
      out.addAll(s.items());
    }
    return out;
  }

  /** The cards as {@code <document id>#<card id>}, for {@link Answer#cards()}. */
  static List<String> ids(List<Found> found) {
    return found.stream().map(Found::id).toList();
  }

  static List<Source> distinct(List<Source> sources) {
    return List.copyOf(new LinkedHashSet<>(sources));
  }

  static Optional<LocalDate> oldest(List<Guide> guides) {
    return guides.stream()
        .map(Guide::verified)
        .flatMap(Optional::stream)
        .min(Comparator.naturalOrder());
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
