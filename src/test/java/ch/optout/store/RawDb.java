package ch.optout.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Looks into the database file as an outsider would, to check what is really in it. */
final class RawDb implements AutoCloseable {
  private final Connection c;

  RawDb(Path dataDir) throws SQLException {
    c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(SqliteChatStore.DATABASE));
  }

  Connection connection() {
    return c;
  }

  List<String> tables() throws SQLException {
    return strings(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  }

  List<String> columns(String table) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("PRAGMA table_info(" + table + ")")) {
      while (r.next()) {
        names.add(r.getString("name"));
      }
    }
    return names;
  }

  /** Every table that has a chat_key column. */
  List<String> chatTables() throws SQLException {
    List<String> result = new ArrayList<>();
    for (String t : tables()) {
      if (columns(t).contains("chat_key")) {
        result.add(t);
      }
    }
    return result;
  }

  int count(String sql, Object... args) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        p.setObject(i + 1, args[i]);
      }
      try (ResultSet r = p.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }

  List<String> strings(String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        values.add(r.getString(1));
      }
    }
    return values;
  }

  void execute(String sql, Object... args) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        p.setObject(i + 1, args[i]);
      }
      p.execute();
    }
  }

  @Override
  public void close() throws SQLException {
    c.close();
  }

  /** Whether any file in the directory contains {@code needle}. */
  static boolean anyFileContains(Path dir, byte[] needle) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (indexOf(Files.readAllBytes(f), needle) >= 0) {
          return true;
        }
      }
    }
    return false;
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
