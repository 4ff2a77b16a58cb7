package dev.entente.node.relay;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The relay's store-and-forward queue on SQLite: every frame is stored for each destination before
 * it is forwarded, and deleted once the destination's socket took it. A destination keeps at most
 * {@code capacity} frames; beyond that the oldest are dropped (the nodes' anti-entropy repairs what
 * a dropped frame carried). Not thread-safe: the relay calls it from its one store thread.
 */
final class FrameStore implements AutoCloseable {
  /** One stored frame for one destination. */
  record Stored(long seq, String source, byte[] payload) {}

  private final Connection db;
  private final int capacity;

  private FrameStore(Connection db, int capacity) {
    this.db = db;
    this.capacity = capacity;
  }

  /** Opens (creating if needed) the store in {@code file}. */
  static FrameStore open(Path file, int capacity) throws SQLException {
    Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    try (Statement s = db.createStatement()) {
      s.execute("PRAGMA journal_mode=WAL");
      s.execute("PRAGMA synchronous=NORMAL");
      s.execute("CREATE TABLE IF NOT EXISTS nodes (id TEXT PRIMARY KEY)");
      s.execute(
          "CREATE TABLE IF NOT EXISTS frames (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
              + " dst TEXT NOT NULL, src TEXT NOT NULL, payload BLOB NOT NULL)");
      s.execute("CREATE INDEX IF NOT EXISTS frames_by_dst ON frames (dst, seq)");
    }
    return new FrameStore(db, capacity);
  }

  /** Remembers {@code node} as a destination of broadcasts, even while it is away. */
  void register(String node) throws SQLException {
    try (PreparedStatement p = db.prepareStatement("INSERT OR IGNORE INTO nodes (id) VALUES (?)")) {
      p.setString(1, node);
      p.executeUpdate();
    }
  }

  /** Every node that ever said HELLO except {@code except}. */
  List<String> nodesExcept(String except) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement p =
        db.prepareStatement("SELECT id FROM nodes WHERE id <> ? ORDER BY id")) {
      p.setString(1, except);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(r.getString(1));
        }
      }
    }
    return out;
  }

  /** Stores one frame from {@code source} for each of {@code destinations} in one transaction. */
  void store(String source, List<String> destinations, byte[] payload) throws SQLException {
    db.setAutoCommit(false);
    try (PreparedStatement insert =
            db.prepareStatement("INSERT INTO frames (dst, src, payload) VALUES (?, ?, ?)");
        PreparedStatement trim =
            db.prepareStatement(
                "DELETE FROM frames WHERE dst = ? AND seq <= (SELECT seq FROM frames WHERE dst = ?"
                    + " ORDER BY seq DESC LIMIT 1 OFFSET ?)")) {
      for (String dst : destinations) {
        insert.setString(1, dst);
        insert.setString(2, source);
        insert.setBytes(3, payload);
        insert.executeUpdate();
        trim.setString(1, dst);
        trim.setString(2, dst);
        trim.setInt(3, capacity);
        trim.executeUpdate();
      }
      db.commit();
    } catch (SQLException e) {
      db.rollback();
      throw e;
    } finally {
      db.setAutoCommit(true);
    }
  }

  /** Up to {@code limit} frames for {@code dst} after {@code afterSeq}, oldest first. */
  List<Stored> pending(String dst, long afterSeq, int limit) throws SQLException {
    List<Stored> out = new ArrayList<>();
    try (PreparedStatement p =
        db.prepareStatement(
            "SELECT seq, src, payload FROM frames WHERE dst = ? AND seq > ? ORDER BY seq LIMIT ?")) {
      p.setString(1, dst);
      p.setLong(2, afterSeq);
      p.setInt(3, limit);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(new Stored(r.getLong(1), r.getString(2), r.getBytes(3)));
        }
      }
    }
    return out;
  }

  /** How many frames wait for {@code dst}. */
  int count(String dst) throws SQLException {
    try (PreparedStatement p = db.prepareStatement("SELECT COUNT(*) FROM frames WHERE dst = ?")) {
      p.setString(1, dst);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? r.getInt(1) : 0;
      }
    }
  }

  /** Forgets a frame the destination's socket took. */
  void delivered(long seq) throws SQLException {
    try (PreparedStatement p = db.prepareStatement("DELETE FROM frames WHERE seq = ?")) {
      p.setLong(1, seq);
      p.executeUpdate();
    }
  }

  @Override
  public void close() throws SQLException {
    db.close();
  }
}
