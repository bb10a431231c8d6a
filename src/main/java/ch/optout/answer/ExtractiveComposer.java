package ch.optout.answer;

import ch.optout.knowledge.DocumentKind;
import ch.optout.knowledge.Guide;
import ch.optout.knowledge.KnowledgeBase;
import ch.optout.knowledge.Language;
import ch.optout.knowledge.OptOutKind;
import ch.optout.knowledge.Section;
import ch.optout.knowledge.SectionKind;
import ch.optout.knowledge.Source;
import ch.optout.search.ScoredPassage;
import ch.optout.understand.Reading;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The default composer: it only copies what the knowledge says, so every sentence of an answer can
 * be traced to a guide and its sources. The {@link Router} decides the route from the reading; one
 * small composer answers each route.
 */
public final class ExtractiveComposer implements AnswerComposer {
  static final String NAME = "extractive";

  private final KnowledgeBase knowledge;
  private final Messages messages;
  private final LeadAnswers leads;
  private final Router router;
  private final ShortAnswers short_;
  private final Complaints complaints;
  private final List<String> popular =
      ch.optout.understand.LanguagePack.readLines("understanding/popular.txt").stream()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();

  public ExtractiveComposer(KnowledgeBase knowledge, Messages messages) {
    this(knowledge, messages, Clock.systemUTC());
  }

  /**
   * @param clock today's date, to warn when a guide was checked long ago
   */
  public ExtractiveComposer(KnowledgeBase knowledge, Messages messages, Clock clock) {
    this.knowledge = knowledge;
    this.messages = messages;
    this.leads = new LeadAnswers(messages, clock);
    this.router = new Router(knowledge, ComplaintRouting.bundledComplaintCards());
    this.short_ = new ShortAnswers(messages, this::coveredPlatforms, this::popularPlatforms);
    this.complaints = new Complaints(knowledge.contacts(), messages, clock);
  }

  @Override
  public Answer compose(Question question) {
    Reading r = question.reading();
    Language language = r.language();
    Route route = router.route(r);
    if (route instanceof Route.SmallTalk s) {
      return short_.smallTalk(language, s.act());
    } else if (route instanceof Route.OffTopic o) {
      return short_.offTopic(language, o.platform());
    } else if (route instanceof Route.NotCovered n) {
      return short_.notCovered(language, n.service());
    } else if (route instanceof Route.Clarify c) {
      return short_.clarify(language, c.kind(), c.choices());
    } else if (route instanceof Route.Complaint c) {
      return complaints.answer(language, c.country(), c.platform(), c.card());
    } else if (route instanceof Route.Law l) {
      return l.cards().isEmpty()
          ? information(question)
          : leads.fact(l.cards().get(0).guide(), language, l.cards(), l.platform());
    } else if (route instanceof Route.Card c) {
      return leads.fact(c.guide(), language, c.cards(), Optional.of(c.guide()));
    } else if (route instanceof Route.HowTo h) {
      Answer steps = leads.howTo(h.guide(), r, h.facts());
      return h.unanswered()
          .map(
              facet ->
                  steps.toBuilder()
                      .lead(
                          messages.get(
                                  language,
                                  "facet.unknown",
                                  h.guide().platform(),
                                  messages.get(language, "facet." + facet))
                              + "\n\n"
                              + steps.lead())
                      .build())
          .orElse(steps);
    } else if (route instanceof Route.Lines l) {
      return leads.lines(l.guide(), r, l.lines());
    } else if (route instanceof Route.Checklist) {
      return checklist(language);
    } else if (route instanceof Route.Compare c) {
      return leads.compare(c.guides(), language, c.cardId());
    } else if (route instanceof Route.ByKind b) {
      return byKind(language, b.kinds());
    }
    return information(question);
  }

  /** "Which platforms have no setting?": those of the kinds asked, one line each. */
  private Answer byKind(Language language, List<OptOutKind> kinds) {
    List<Guide> guides =
        knowledge.guides(language).stream()
            .filter(g -> kinds.contains(g.optOut().orElse(OptOutKind.NONE)))
            .toList();
    if (guides.isEmpty()) {
      return short_.decline(language);
    }
    return leads.compare(guides, language, Optional.empty()).toBuilder()
        .title(messages.get(language, "compare.kinds.title", guides.size()))
        .platformId(Optional.empty())
        .build();
  }

  /**
   * The short how-to of one platform, as for "how do I stop it?": the action, then the steps of one
   * group (web, mobile app…) when {@code group} is one of the guide's, else of every device.
   */
  public Answer howTo(String platformId, Language language, int group) {
    Guide g = knowledge.findAny(platformId, language).orElseThrow();
    Reading r = Reading.builder("", language).build();
    Answer a = leads.howTo(g, r, List.of());
    List<StepGroup> all = LeadAnswers.steps(g, Optional.empty(), "");
    return group >= 0 && group < all.size()
        ? a.toBuilder().steps(List.of(all.get(group))).build()
        : a;
  }

  /** Everything a guide says, for "more" / « plus » after a short answer. */
  public Answer more(String platformId, Language language) {
    Answer full = guide(platformId, language);
    Guide g = knowledge.findAny(platformId, language).orElseThrow();
    return full.toBuilder()
        .title(messages.get(language, "answer.more.title", g.platform()))
        .warning(leads.warning(List.of(g), language))
        .link(g.link())
        .build();
  }

  /** A service OptOut has no guide for: said by name, with what works anyway. */
  public Answer notCovered(Language language, String service) {
    return short_.notCovered(language, service);
  }

  /** The polite "I don't know", with what OptOut can help with instead. */
  public Answer decline(Language language) {
    return short_.decline(language);
  }

  /** The whole guide of one platform, as if the user had asked how to opt out of it. */
  public Answer guide(String platformId, Language language) {
    Guide g = knowledge.findAny(platformId, language).orElseThrow();
    return Answer.builder(language, AnswerKind.GUIDE)
        .platformId(Optional.of(g.id()))
        .title(g.title())
        .lead(summary(g))
        .steps(LeadAnswers.steps(g, Optional.empty(), ""))
        .caveats(items(g, SectionKind.NOT_COVERED))
        .notes(items(g, SectionKind.GOOD_TO_KNOW))
        .sources(g.sources())
        .verified(g.verified())
        .warning(leads.warning(List.of(g), language))
        .link(g.link())
        .build();
  }

  /**
   * Law or background facts when no card answers: the best passages of the law files, the article
   * or a dropped-in document, and a platform's action when one is named; the decline when there are
   * none.
   */
  private Answer information(Question question) {
    Reading r = question.reading();
    boolean summary = r.shape() == ch.optout.understand.Shape.SUMMARY;
    List<ScoredPassage> picked = new ArrayList<>();
    for (ScoredPassage hit : question.hits()) {
      DocumentKind kind = hit.passage().guide().kind();
      boolean fits = kind != DocumentKind.GUIDE && kind != DocumentKind.LETTER;
      if (fits
          && picked.stream().noneMatch(p -> p.passage().guide().equals(hit.passage().guide()))) {
        picked.add(hit);
      }
      if (picked.size() == 2) {
        break;
      }
    }
    if (picked.isEmpty()) {
      return short_.decline(r.language());
    }
    ch.optout.search.Passage top = picked.get(0).passage();
    if (top.section().kind() == SectionKind.CARD && !summary) {
      // the best passage is a card: its answer, with the sources it cites, not its phrasings
      Optional<ch.optout.knowledge.Card> card = top.guide().card(top.section().label());
      if (card.isPresent()) {
        return leads.fact(
            top.guide(),
            r.language(),
            List.of(new Found(top.guide(), card.get())),
            Optional.empty());
      }
    }
    List<String> parts = new ArrayList<>();
    List<Guide> cited = new ArrayList<>();
    for (ScoredPassage p : picked) {
      Section section = p.passage().section();
      if (summary) {
        section = p.passage().guide().section(SectionKind.SUMMARY).orElse(section);
      }
      parts.addAll(Snippets.best(section, r.question(), 4));
      cited.add(p.passage().guide());
    }
    Guide first = picked.get(0).passage().guide();
    return Answer.builder(r.language(), AnswerKind.INFORMATION)
        .title(first.title())
        .lead(String.join("\n\n", parts))
        .sources(sources(cited))
        .verified(oldest(cited))
        .build();
  }

  /** Every platform OptOut covers with its one-line action: "act everywhere". */
  public Answer checklist(Language language) {
    List<Guide> guides = checklistGuides(language);
    List<String> notNeeded =
        knowledge.guides(language).stream()
            .filter(g -> !guides.contains(g))
            .map(Guide::platform)
            .toList();
    List<String> lines = new ArrayList<>();
    List<Source> sources = new ArrayList<>();
    for (Guide g : guides) {
      String action = g.action().isBlank() ? g.title() : g.action();
      String noOptOut =
          g.optOut().filter(k -> k == OptOutKind.NONE).isPresent()
              ? " " + messages.get(language, "checklist.none")
              : "";
      lines.add("**" + g.platform() + "** — " + action + noOptOut);
      g.sources().stream().findFirst().ifPresent(sources::add);
    }
    return Answer.builder(language, AnswerKind.CHECKLIST)
        .title(messages.get(language, "checklist.title"))
        .lead(messages.get(language, "checklist.lead", guides.size()))
        .steps(List.of(new StepGroup("", lines)))
        .notes(
            notNeeded.isEmpty()
                ? List.of(messages.get(language, "checklist.note"))
                : List.of(
                    messages.get(language, "checklist.note"),
                    messages.get(language, "checklist.notNeeded", String.join(", ", notNeeded))))
        .sources(sources)
        .verified(oldest(guides))
        .build();
  }

  /**
   * The platforms of the "act everywhere" checklist, in list order: every one with something to do
   * (a setting, a form, a letter); not those that say they do not train on your content.
   */
  public List<Guide> checklistGuides(Language language) {
    return knowledge.guides(language).stream()
        .filter(g -> g.optOut().filter(k -> k == OptOutKind.NOT_NEEDED).isEmpty())
        .toList();
  }

  public Answer welcome(Language language) {
    return Answer.message(
        language,
        messages.get(language, "welcome.title"),
        messages.get(language, "welcome.body", coveredPlatforms(language)));
  }

  /** The most asked platforms, by name, for "which one do you mean?". */
  private String popularPlatforms(Language language) {
    return popular.stream()
        .map(id -> knowledge.findAny(id, language))
        .flatMap(Optional::stream)
        .map(g -> g.platform().replaceAll("\\s*\\(.*\\)", ""))
        .collect(Collectors.joining(", "));
  }

  /** Beyond this many, a list of platform names is a wall of text: a count and /platforms. */
  static final int LISTED_PLATFORMS = 12;

  /** "LinkedIn, Meta, TikTok", or "45 services (/platforms lists them)" when there are many. */
  public String coveredPlatforms(Language language) {
    List<Guide> guides = knowledge.guides(language);
    if (guides.size() > LISTED_PLATFORMS) {
      return messages.get(language, "covered.count", guides.size());
    }
    return guides.stream().map(Guide::platform).collect(Collectors.joining(", "));
  }

  private static String summary(Guide g) {
    return g.section(SectionKind.SUMMARY).map(Section::text).orElse("");
  }

  private static List<String> items(Guide g, SectionKind kind) {
    return g.sections(kind).stream()
        .flatMap(
            s ->
                Stream.concat(
                    s.text().isBlank() ? Stream.empty() : Stream.of(s.text()), s.items().stream()))
        .toList();
  }

  private static List<Source> sources(List<Guide> guides) {
    LinkedHashSet<Source> all = new LinkedHashSet<>();
    guides.forEach(g -> all.addAll(g.sources()));
    return List.copyOf(all);
  }

  private static Optional<LocalDate> oldest(List<Guide> guides) {
    return guides.stream()
        .map(Guide::verified)
        .flatMap(Optional::stream)
        .filter(Objects::nonNull)
        .min(Comparator.naturalOrder());
  }
}
