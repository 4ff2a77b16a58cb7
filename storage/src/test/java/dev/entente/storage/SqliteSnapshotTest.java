package dev.entente.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.impl.clock.LamportClock;
import dev.entente.impl.storage.DurableReplica;
import dev.entente.impl.storage.StorageException;
import dev.entente.model.Change;
import dev.entente.model.Key;
import dev.entente.model.KeyGroups;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.Op;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite persists snapshots: {@link DurableReplica#compact} replaces the changes and pending tables
 * by one snapshot row in one transaction; a reopen restores it, replays the suffix and resumes the
 * clock; a torn or bit-flipped snapshot row is refused with its offset and field and copied to the
 * quarantine table.
 */
class SqliteSnapshotTest {
  private static final ReplicaId LOCAL = ReplicaId.of("local");

  @TempDir Path dir;

  private static DurableReplica open(Path db) throws StorageException {
    return DurableReplica.open(
        LOCAL,
        RegisterPolicy.LWW,
        KeyGroups.byParentPath(),
        new LamportClock(),
        SqliteStorage.open(db, RegisterPolicy.LWW));
  }

  private static List<Op> put(String key, String value) {
    return List.of(new Op.Put(Key.of(key), Value.of(value)));
  }

  /** Forty writes over four keys, compacted, then two more; returns the map and closes. */
  private static MaterialisedMap compactedWithSuffix(Path db) throws StorageException {
    try (DurableReplica r = open(db)) {
      for (int i = 0; i < 40; i++) {
        r.transact(put("k" + (i % 4), "v" + i));
      }
      r.transact(List.of(new Op.Delete(Key.of("k3"))));
      r.compact();
      r.transact(put("s0", "after"));
      r.transact(put("k0", "after"));
      return r.materialise();
    }
  }

  @Test
  void compact_thenReopen_restoresSnapshotReplaysSuffixAndKeepsTheMapTable() throws Exception {
    Path db = dir.resolve("r.db");
    MaterialisedMap map = compactedWithSuffix(db);

    try (DurableReplica r = open(db)) {
      assertThat(r.materialise()).isEqualTo(map);
      assertThat(r.delivered()).hasSize(2);
      assertThat(r.quarantined()).isEmpty();
      Change next = r.transact(put("k1", "after restart"));
      assertThat(next.timestamp()).isGreaterThan(r.delivered().get(1).timestamp());
    }
    try (SqliteStorage s = SqliteStorage.open(db, RegisterPolicy.LWW)) {
      assertThat(count(s, "changes")).isEqualTo(3);
      assertThat(count(s, "snapshot")).isEqualTo(1);
      assertThat(s.readMaterialised().get(Key.of("k1"))).containsExactly(Value.of("after restart"));
    }
  }

  @Test
  void tornSnapshotRow_reopen_isRefusedNamingOffsetAndFieldAndQuarantined() throws Exception {
    Path db = dir.resolve("torn.db");
    compactedWithSuffix(db);
    byte[] stored = snapshotRow(db);
    rewriteSnapshotRow(db, Arrays.copyOf(stored, stored.length / 2));

    assertRefused(db);
  }

  @Test
  void bitFlippedSnapshotRow_reopen_isRefusedNamingOffsetAndFieldAndQuarantined() throws Exception {
    Path db = dir.resolve("flipped.db");
    compactedWithSuffix(db);
    byte[] damaged = snapshotRow(db);
    damaged[damaged.length - 3] ^= 0x10;
    rewriteSnapshotRow(db, damaged);

    assertRefused(db);
  }

  private static void assertRefused(Path db) throws Exception {
    assertThatThrownBy(() -> open(db))
        .isInstanceOfSatisfying(
            StorageException.class,
            e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.DAMAGED_SNAPSHOT))
        .hasMessageMatching(
            "DAMAGED_SNAPSHOT: stored snapshot refused at byte \\d+ \\(snapshot[^)]*\\): .+");
    try (SqliteStorage s = SqliteStorage.open(db, RegisterPolicy.LWW)) {
      assertThat(count(s, "quarantine")).isPositive();
    }
  }

  private static byte[] snapshotRow(Path db) throws Exception {
    try (SqliteStorage s = SqliteStorage.open(db, RegisterPolicy.LWW);
        Statement st = s.connection().createStatement();
        ResultSet rs = st.executeQuery("SELECT encoding FROM snapshot WHERE id = 0")) {
      assertThat(rs.next()).isTrue();
      byte[] out = rs.getBytes(1);
      s.connection().commit();
      return out;
    }
  }

  private static void rewriteSnapshotRow(Path db, byte[] encoding) throws Exception {
    try (SqliteStorage s = SqliteStorage.open(db, RegisterPolicy.LWW);
        PreparedStatement p =
            s.connection().prepareStatement("UPDATE snapshot SET encoding = ? WHERE id = 0")) {
      p.setBytes(1, encoding);
      p.executeUpdate();
      s.connection().commit();
    }
  }

  private static long count(SqliteStorage s, String table) throws Exception {
    try (Statement st = s.connection().createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      long n = rs.getLong(1);
      s.connection().commit();
      return n;
    }
  }
}
