package ch.optout.store;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Run in a child JVM by {@link CrashTest}: writes chats without end, printing each number once its
 * transaction has committed, until the test kills it.
 */
public final class WriterProcess {
  private WriterProcess() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Clock clock = Clock.systemUTC();
    try (SqliteChatStore store = new SqliteChatStore(Path.of(args[0]), clock)) {
      for (int i = 0; ; i++) {
        // one transaction writes two tables: after the kill, a chat has both rows or neither
        store.save(
            "chat-" + i,
            ChatState.EMPTY.withLanguage("fr").withContext("linkedin", "HOW_TO", clock.instant()));
        store.countAnswer("linkedin");
        out.println(i);
      }
    }
  }
}
