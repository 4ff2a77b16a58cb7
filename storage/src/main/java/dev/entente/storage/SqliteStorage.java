package dev.entente.storage;

import dev.entente.impl.codec.ChangeCodec;
import dev.entente.impl.codec.SnapshotCodec;
import dev.entente.impl.snapshot.Snapshot;
import dev.entente.impl.storage.Storage;
import dev.entente.impl.storage.StorageBatch;
import dev.entente.impl.storage.StorageException;
import dev.entente.impl.storage.StoredState;
import dev.entente.model.Change;
import dev.entente.model.Check;
import dev.entente.model.Dot;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.Key;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.Value;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A {@link Storage} in one SQLite database file, in WAL mode. Not thread-safe.
 *
 * <p>Each {@link #commit} is one SQLite transaction holding the batch's changes, its pending-buffer
 * moves, the clock high-water mark and the rows of the materialised table ({@code map}) that
 * changed, so an app can query the live map with SQL and never sees it out of step with the
 * changes. A commit is durable when it returns as {@link Synchronous} says; a full disk comes back
 * as {@link StorageException.Kind#FULL} with the transaction rolled back.
 */
public final class SqliteStorage implements Storage {
  private final Connection connection;
  private final Path file;
  private final RegisterPolicy policy;

  private SqliteStorage(Connection connection, Path file, RegisterPolicy policy) {
    this.connection = connection;
    this.file = file;
    this.policy = policy;
  }

  /** Opens (creating if absent) the database at {@code file} with {@code synchronous=FULL}. */
  public static SqliteStorage open(Path file, RegisterPolicy policy) throws StorageException {
    return open(file, policy, Synchronous.FULL);
  }

  /**
   * Opens (creating if absent) the database at {@code file} for a replica of {@code policy}.
   *
   * @throws StorageException {@link StorageException.Kind#MISMATCH} if the file holds another
   *     policy's replica or another format version, {@link StorageException.Kind#IO} if it is not a
   *     database or cannot be opened
   */
  public static SqliteStorage open(Path file, RegisterPolicy policy, Synchronous synchronous)
      throws StorageException {
    Check.argument(file != null && policy != null && synchronous != null, "arguments non-null");
    @Nullable Connection c = null;
    try {
      c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=" + synchronous.name());
      }
      c.setAutoCommit(false);
      SqliteSchema.create(c);
      claim(c, file, policy);
      c.commit();
      return new SqliteStorage(c, file, policy);
    } catch (SQLException e) {
      closeQuietly(c);
      throw translate("cannot open " + file, e);
    } catch (StorageException e) {
      closeQuietly(c);
      throw e;
    }
  }

  private static void claim(Connection c, Path file, RegisterPolicy policy)
      throws SQLException, StorageException {
    Map<String, String> meta = new TreeMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT name, value FROM meta")) {
      while (rs.next()) {
        meta.put(rs.getString(1), rs.getString(2));
      }
    }
    if (meta.isEmpty()) {
      try (PreparedStatement p = c.prepareStatement("INSERT INTO meta VALUES (?, ?)")) {
        insertMeta(p, "format", SqliteSchema.FORMAT_VERSION);
        insertMeta(p, "policy", policy.name());
      }
      return;
    }
    requireMeta(meta, "format", SqliteSchema.FORMAT_VERSION, file);
    requireMeta(meta, "policy", policy.name(), file);
  }

  private static void insertMeta(PreparedStatement p, String name, String value)
      throws SQLException {
    p.setString(1, name);
    p.setString(2, value);
    p.executeUpdate();
  }

  private static void requireMeta(Map<String, String> meta, String name, String want, Path file)
      throws StorageException {
    String have = meta.get(name);
    if (!want.equals(have)) {
      throw new StorageException(
          StorageException.Kind.MISMATCH,
          file + ": meta " + name + " is " + have + ", expected " + want);
    }
  }

  /** The register policy the database belongs to. */
  public RegisterPolicy policy() {
    return policy;
  }

  @Override
  public StoredState load() throws StorageException {
    try {
      StoredState state = new SqliteLoader(connection).load();
      connection.commit();
      return state;
    } catch (SQLException e) {
      rollbackQuietly();
      throw translate("cannot load " + file, e);
    }
  }

  @Override
  public void commit(StorageBatch batch) throws StorageException {
    Check.argument(batch != null, "batch must not be null");
    try {
      insertChanges(
          "INSERT INTO changes (replica, counter, encoding) VALUES (?, ?, ?)", batch.delivered());
      insertChanges("INSERT OR REPLACE INTO pending VALUES (?, ?, ?)", batch.buffered());
      deletePending(batch.released());
      writeClock(batch.clockHighWater());
      writeMap(batch.materialised(), batch.materialisedComplete());
      connection.commit();
    } catch (SQLException e) {
      rollbackQuietly();
      throw translate("commit to " + file + " failed, nothing of it is stored", e);
    }
  }

  /**
   * One transaction: the snapshot row replaces the changes and pending tables, and the clock row
   * takes {@code clockHighWater}; the map table is already the snapshot's map.
   */
  @Override
  public void storeSnapshot(Snapshot snapshot, HlcTimestamp clockHighWater)
      throws StorageException {
    Check.argument(snapshot != null && clockHighWater != null, "arguments must not be null");
    try (Statement s = connection.createStatement();
        PreparedStatement p =
            connection.prepareStatement("INSERT OR REPLACE INTO snapshot VALUES (0, ?)")) {
      s.execute("DELETE FROM changes");
      s.execute("DELETE FROM pending");
      p.setBytes(1, SnapshotCodec.encode(snapshot));
      p.executeUpdate();
      writeClock(clockHighWater);
      connection.commit();
    } catch (SQLException e) {
      rollbackQuietly();
      throw translate("compacting " + file + " failed, nothing of it is stored", e);
    }
  }

  /** The materialised table as a map, for SQL readers' view to be checked against the replica. */
  public MaterialisedMap readMaterialised() throws StorageException {
    Map<Key, List<Value>> values = new TreeMap<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT key, value FROM map ORDER BY key, sibling")) {
      while (rs.next()) {
        values
            .computeIfAbsent(Key.of(rs.getString(1)), k -> new ArrayList<>())
            .add(Value.of(rs.getString(2)));
      }
      connection.commit();
    } catch (SQLException e) {
      rollbackQuietly();
      throw translate("cannot read the map table of " + file, e);
    }
    return MaterialisedMap.of(values);
  }

  /** The underlying connection, for tests that damage rows or cap the database size. */
  Connection connection() {
    return connection;
  }

  @Override
  public void close() throws StorageException {
    try {
      connection.close();
    } catch (SQLException e) {
      throw translate("cannot close " + file, e);
    }
  }

  private void insertChanges(String sql, List<Change> changes) throws SQLException {
    if (changes.isEmpty()) {
      return;
    }
    try (PreparedStatement p = connection.prepareStatement(sql)) {
      for (Change c : changes) {
        p.setString(1, c.author().value());
        p.setLong(2, c.seq());
        p.setBytes(3, ChangeCodec.encode(c));
        p.executeUpdate();
      }
    }
  }

  private void deletePending(List<Dot> released) throws SQLException {
    if (released.isEmpty()) {
      return;
    }
    try (PreparedStatement p =
        connection.prepareStatement("DELETE FROM pending WHERE replica = ? AND counter = ?")) {
      for (Dot d : released) {
        p.setString(1, d.replica().value());
        p.setLong(2, d.counter());
        p.executeUpdate();
      }
    }
  }

  private void writeClock(HlcTimestamp highWater) throws SQLException {
    try (PreparedStatement p =
        connection.prepareStatement("INSERT OR REPLACE INTO clock VALUES (0, ?, ?, ?)")) {
      p.setLong(1, highWater.wallMillis());
      p.setLong(2, highWater.logical());
      p.setLong(3, ClockRecord.crc(highWater));
      p.executeUpdate();
    }
  }

  private void writeMap(Map<Key, List<Value>> changed, boolean complete) throws SQLException {
    try (Statement s = connection.createStatement();
        PreparedStatement delete = connection.prepareStatement("DELETE FROM map WHERE key = ?");
        PreparedStatement insert =
            connection.prepareStatement("INSERT INTO map VALUES (?, ?, ?)")) {
      if (complete) {
        s.execute("DELETE FROM map");
      }
      for (Map.Entry<Key, List<Value>> e : changed.entrySet()) {
        delete.setString(1, e.getKey().value());
        delete.executeUpdate();
        List<Value> values = e.getValue();
        for (int i = 0; i < values.size(); i++) {
          insert.setString(1, e.getKey().value());
          insert.setInt(2, i);
          insert.setString(3, values.get(i).value());
          insert.executeUpdate();
        }
      }
    }
  }

  private void rollbackQuietly() {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // The original failure is what the caller needs; a failed rollback leaves SQLite to undo
      // the transaction when the connection closes.
    }
  }

  private static void closeQuietly(@Nullable Connection c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (SQLException ignored) {
      // Opening already failed; that failure is reported.
    }
  }

  static StorageException translate(String what, SQLException e) {
    boolean full =
        e instanceof SQLiteException s
            && (s.getResultCode() == SQLiteErrorCode.SQLITE_FULL
                || s.getResultCode().code == SQLiteErrorCode.SQLITE_FULL.code);
    StorageException.Kind kind = full ? StorageException.Kind.FULL : StorageException.Kind.IO;
    String reason = full ? "disk full: " + e.getMessage() : e.getMessage();
    return new StorageException(kind, what + ": " + reason, e);
  }
}
