package dev.entente.storage;

import dev.entente.impl.codec.ChangeCodec;
import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.codec.SnapshotCodec;
import dev.entente.impl.storage.Quarantined;
import dev.entente.impl.storage.StoredSnapshot;
import dev.entente.impl.storage.StoredState;
import dev.entente.model.Change;
import dev.entente.model.HlcTimestamp;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@link SqliteStorage} database back, inside the caller's transaction. A change row whose
 * encoding fails {@link ChangeCodec#decode} (its CRC-32C, or any field), or whose dot columns
 * disagree with its encoding, is moved to the {@code quarantine} table with the reason and left
 * out; a clock row that fails its CRC is quarantined and the high-water mark is recomputed from the
 * stored changes instead. Mutable, single use.
 */
final class SqliteLoader {
  private final Connection connection;
  private final List<Quarantined> quarantined = new ArrayList<>();

  SqliteLoader(Connection connection) {
    this.connection = connection;
  }

  StoredState load() throws SQLException {
    List<Change> delivered = readChanges("changes", "position", "position");
    List<Change> pending = readChanges("pending", "rowid", "replica, counter");
    StoredSnapshot snapshot = readSnapshot();
    HlcTimestamp highWater = readClock(delivered, pending, snapshot);
    return new StoredState(delivered, pending, highWater, quarantined, snapshot);
  }

  /** The snapshot row, decoded; a damaged one is copied to the quarantine table and reported. */
  private StoredSnapshot readSnapshot() throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT encoding FROM snapshot WHERE id = 0")) {
      if (!rs.next()) {
        return StoredSnapshot.NONE;
      }
      byte[] encoding = rs.getBytes(1);
      try {
        return new StoredSnapshot.Intact(SnapshotCodec.decode(encoding));
      } catch (DecodeException e) {
        StoredSnapshot.Damaged d = new StoredSnapshot.Damaged(e.offset(), e.field(), e.reason());
        quarantine("snapshot", 0, encoding, d.describe());
        return d;
      }
    }
  }

  private List<Change> readChanges(String table, String rowColumn, String order)
      throws SQLException {
    List<Change> out = new ArrayList<>();
    String sql =
        "SELECT " + rowColumn + ", replica, counter, encoding FROM " + table + " ORDER BY " + order;
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        long row = rs.getLong(1);
        byte[] encoding = rs.getBytes(4);
        String problem = check(rs.getString(2), rs.getLong(3), encoding, out);
        if (problem != null) {
          quarantine(table, row, encoding, problem);
        }
      }
    }
    for (Quarantined q : quarantined) {
      if (q.where().startsWith(table + " row ")) {
        delete(table, rowColumn, Long.parseLong(q.where().substring(table.length() + 5)));
      }
    }
    return out;
  }

  /** Decodes one row into {@code out}; returns what broke, or null if the row is good. */
  private static @Nullable String check(
      String replica, long counter, byte @Nullable [] encoding, List<Change> out) {
    if (encoding == null) {
      return "encoding is NULL";
    }
    try {
      Change c = ChangeCodec.decode(encoding);
      if (!c.author().value().equals(replica) || c.seq() != counter) {
        return "row says dot " + replica + ":" + counter + " but its encoding holds " + c.dot();
      }
      out.add(c);
      return null;
    } catch (DecodeException e) {
      return "at byte " + e.offset() + ", field " + e.field() + ": " + e.reason();
    }
  }

  private HlcTimestamp readClock(
      List<Change> delivered, List<Change> pending, StoredSnapshot snapshot) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT wall, logical, crc FROM clock WHERE id = 0")) {
      if (rs.next()) {
        long wall = rs.getLong(1);
        long logical = rs.getLong(2);
        if (rs.getLong(3) == ClockRecord.crc(wall, logical)
            && wall >= 0
            && logical >= 0
            && logical <= HlcTimestamp.MAX_LOGICAL) {
          return new HlcTimestamp(wall, (int) logical);
        }
        quarantine("clock", 0, null, "CRC-32C mismatch for wall " + wall + ", logical " + logical);
      }
    }
    HlcTimestamp max =
        snapshot instanceof StoredSnapshot.Intact i ? i.snapshot().clock() : HlcTimestamp.ZERO;
    for (List<Change> changes : List.of(delivered, pending)) {
      for (Change c : changes) {
        max = c.timestamp().compareTo(max) > 0 ? c.timestamp() : max;
      }
    }
    return max;
  }

  private void quarantine(String table, long row, byte @Nullable [] encoding, String reason)
      throws SQLException {
    quarantined.add(new Quarantined(table + " row " + row, reason));
    try (PreparedStatement p =
        connection.prepareStatement(
            "INSERT INTO quarantine (source, row, encoding, reason) VALUES (?, ?, ?, ?)")) {
      p.setString(1, table);
      p.setLong(2, row);
      p.setBytes(3, encoding);
      p.setString(4, reason);
      p.executeUpdate();
    }
  }

  private void delete(String table, String rowColumn, long row) throws SQLException {
    try (PreparedStatement p =
        connection.prepareStatement("DELETE FROM " + table + " WHERE " + rowColumn + " = ?")) {
      p.setLong(1, row);
      p.executeUpdate();
    }
  }
}
