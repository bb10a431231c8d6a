package ch.optout.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/** Reads and validates a knowledge folder. */
public final class KnowledgeLoader {
  /** Larger files are not knowledge but accidents; they are reported, not read. */
  static final long MAX_FILE_BYTES = 2_000_000;

  private final KnowledgeParser parser;
  private final KnowledgeValidator validator = new KnowledgeValidator();
  private final ContactsFiles contactsFiles = new ContactsFiles();

  /**
   * @param languageGuesser decides the language of a plain document dropped in without front matter
   */
  public KnowledgeLoader(Function<String, Language> languageGuesser) {
    this.parser = new KnowledgeParser(languageGuesser);
  }

  /** What a folder holds and what is wrong with it. */
  public record Report(KnowledgeBase base, List<Problem> problems) {
    public boolean hasErrors() {
      return problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR);
    }
  }

  /** Loads the folder or throws, listing every error. */
  public KnowledgeBase load(Path root) {
    Report report = read(root);
    if (report.hasErrors()) {
      throw new KnowledgeException(
          report.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList());
    }
    return report.base();
  }

  /** Reads everything it can and reports every problem, for {@code knowledge check}. */
  public Report read(Path root) {
    List<Problem> problems = new ArrayList<>();
    List<Guide> documents = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      problems.add(Problem.error(root.toString(), 0, "knowledge folder not found"));
      return new Report(new KnowledgeBase(List.of()), problems);
    }
    MessageDigest digest = sha256();
    Contacts contacts = contactsFiles.read(root, problems);
    for (String name : List.of(ContactsFiles.COMPANIES, ContactsFiles.AUTHORITIES)) {
      Path path = root.resolve(ContactsFiles.FOLDER).resolve(name);
      if (Files.isRegularFile(path)) {
        digest.update((ContactsFiles.FOLDER + "/" + name + "\n").getBytes(StandardCharsets.UTF_8));
        digest.update(readBytes(path));
      }
    }
    for (Path path : files(root)) {
      String file = root.relativize(path).toString().replace('\\', '/');
      Optional<String> text = readText(path, file, problems);
      text.ifPresent(
          t -> {
            digest.update((file + "\n" + t + "\n").getBytes(StandardCharsets.UTF_8));
            parser.parse(file, t, contacts, problems).ifPresent(documents::add);
          });
    }
    if (documents.isEmpty() && problems.isEmpty()) {
      problems.add(
          Problem.error(root.toString(), 0, "knowledge folder has no .md, .txt or .html file"));
    }
    problems.addAll(validator.validate(documents));
    return new Report(
        new KnowledgeBase(documents, contacts, HexFormat.of().formatHex(digest.digest())),
        problems);
  }

  /**
   * What {@code knowledge check} reports: everything {@link #read} does, plus the rules for
   * publishing (clean sources, the common cards, French labels, the list of services without a
   * guide). The list checked is the one bundled with OptOut, whatever folder is read: it is the one
   * that decides which questions are declined.
   */
  public Report check(Path root) {
    return check(root, CoverageList.bundled());
  }

  Report check(Path root, CoverageList coverage) {
    Report report = read(root);
    List<Problem> problems = new ArrayList<>(report.problems());
    problems.addAll(validator.publishing(report.base().documents(), coverage));
    return new Report(report.base(), problems);
  }

  /** Warnings for documents verified more than {@code days} days before {@code today}. */
  public List<Problem> stale(KnowledgeBase base, LocalDate today, int days) {
    return validator.stale(base.documents(), today, days);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static byte[] readBytes(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  private static List<Path> files(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> isKnowledgeFile(p.getFileName().toString()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }

  private static boolean isKnowledgeFile(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return !n.startsWith(".")
        && !n.equalsIgnoreCase("readme.md")
        && (n.endsWith(".md") || n.endsWith(".txt") || n.endsWith(".html") || n.endsWith(".htm"));
  }

  private static Optional<String> readText(Path path, String file, List<Problem> problems) {
    try {
      if (Files.size(path) > MAX_FILE_BYTES) {
        problems.add(Problem.error(file, 0, "file is larger than " + MAX_FILE_BYTES + " bytes"));
        return Optional.empty();
      }
      byte[] bytes = Files.readAllBytes(path);
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      problems.add(Problem.error(file, 0, "not UTF-8 text"));
    } catch (IOException e) {
      problems.add(Problem.error(file, 0, "cannot read: " + e.getMessage()));
    }
    return Optional.empty();
  }
}
