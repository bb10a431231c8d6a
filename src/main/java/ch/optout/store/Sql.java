package ch.optout.store;

/**
 * Transactions on the store's database, whatever it is: the SQLite file ({@link Database}) or a
 * PostgreSQL server ({@link PostgresDatabase}). The store's SQL is written for both.
 */
interface Sql extends AutoCloseable {
  /** Runs {@code work} in a write transaction. */
  <T> T write(String what, Database.Work<T> work);

  /** Runs {@code work} in a read transaction: one consistent snapshot across its statements. */
  <T> T read(String what, Database.Work<T> work);

  /** What the store is, for messages: "optout.db", "PostgreSQL db@host:5432". */
  String name();

  /** Whether it is PostgreSQL, whose migrations take an advisory lock. */
  boolean postgres();

  @Override
  void close();
}
