package dev.entente.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The tables of a {@link SqliteStorage} database, format version 1.
 *
 * <pre>
 * meta(name PRIMARY KEY, value)                 format version and register policy
 * changes(position PRIMARY KEY, replica, counter, encoding)
 *                                               delivered changes in delivery order, each in
 *                                               ChangeCodec's encoding (ends with its CRC-32C)
 * pending(replica, counter, encoding)           buffered changes, same encoding
 * clock(id = 0, wall, logical, crc)             the clock high-water mark and its CRC-32C
 * map(key, sibling, value)                      the materialised map: one row per value, siblings
 *                                               numbered 0.. in the map's order (MV has several)
 * quarantine(id, source, row, encoding, reason) records that failed their checksum on load
 * snapshot(id = 0, encoding)                    the snapshot the changes and pending tables are
 *                                               the suffix of, in SnapshotCodec's encoding (its
 *                                               sections carry CRC-32Cs); absent until compacted
 * </pre>
 *
 * <p>The snapshot table was added without a format change: an older database simply has none.
 */
final class SqliteSchema {
  static final String FORMAT_VERSION = "1";

  private static final String[] TABLES = {
    "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS changes (position INTEGER PRIMARY KEY, replica TEXT NOT NULL,"
        + " counter INTEGER NOT NULL, encoding BLOB NOT NULL, UNIQUE (replica, counter))",
    "CREATE TABLE IF NOT EXISTS pending (replica TEXT NOT NULL, counter INTEGER NOT NULL,"
        + " encoding BLOB NOT NULL, PRIMARY KEY (replica, counter))",
    "CREATE TABLE IF NOT EXISTS clock (id INTEGER PRIMARY KEY CHECK (id = 0),"
        + " wall INTEGER NOT NULL, logical INTEGER NOT NULL, crc INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS map (key TEXT NOT NULL, sibling INTEGER NOT NULL,"
        + " value TEXT NOT NULL, PRIMARY KEY (key, sibling))",
    "CREATE TABLE IF NOT EXISTS quarantine (id INTEGER PRIMARY KEY, source TEXT NOT NULL,"
        + " row INTEGER NOT NULL, encoding BLOB, reason TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS snapshot (id INTEGER PRIMARY KEY CHECK (id = 0),"
        + " encoding BLOB NOT NULL)"
  };

  private SqliteSchema() {}

  static void create(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      for (String ddl : TABLES) {
        s.execute(ddl);
      }
    }
  }
}
