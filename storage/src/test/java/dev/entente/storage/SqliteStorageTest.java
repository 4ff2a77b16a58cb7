package dev.entente.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.impl.ApplyResult;
import dev.entente.impl.Replica;
import dev.entente.impl.clock.LamportClock;
import dev.entente.impl.storage.DurableReplica;
import dev.entente.impl.storage.StorageException;
import dev.entente.model.Change;
import dev.entente.model.Key;
import dev.entente.model.KeyGroups;
import dev.entente.model.Op;
import dev.entente.model.Oracle;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStorageTest {
  private static final ReplicaId LOCAL = ReplicaId.of("local");

  @TempDir Path dir;

  private DurableReplica open(Path db, RegisterPolicy policy) throws StorageException {
    return DurableReplica.open(
        LOCAL,
        policy,
        KeyGroups.byParentPath(),
        new LamportClock(),
        SqliteStorage.open(db, policy));
  }

  /** Two concurrent MV writers, then one that saw both: siblings, then a resolved key. */
  private static List<Change> mvChanges() {
    Replica a =
        Replica.create(
            ReplicaId.of("A"), RegisterPolicy.MV, KeyGroups.byParentPath(), new LamportClock());
    Replica b =
        Replica.create(
            ReplicaId.of("B"), RegisterPolicy.MV, KeyGroups.byParentPath(), new LamportClock());
    List<Change> out = new ArrayList<>();
    out.add(a.put(Key.of("k"), Value.of("a1")));
    out.add(b.put(Key.of("k"), Value.of("b1")));
    out.add(b.put(Key.of("j"), Value.of("b2")));
    a.apply(out.get(1));
    a.apply(out.get(2));
    out.add(a.delete(Key.of("j")));
    return out;
  }

  @Test
  void committedChanges_reopen_loadsDeliveredPendingAndClock() throws Exception {
    Path db = dir.resolve("r.db");
    List<Change> changes = mvChanges();
    try (DurableReplica r = open(db, RegisterPolicy.MV)) {
      r.apply(changes.get(3)); // needs B:2, buffered
      r.apply(changes.get(0));
      r.transact(List.of(new Op.Put(Key.of("mine"), Value.of("x"))));
      assertThat(r.pending()).containsExactly(changes.get(3));
    }
    try (DurableReplica r = open(db, RegisterPolicy.MV)) {
      assertThat(r.pending()).containsExactly(changes.get(3));
      assertThat(r.delivered()).hasSize(2);
      assertThat(r.materialise().get(Key.of("mine"))).containsExactly(Value.of("x"));
      r.apply(changes.get(1));
      r.apply(changes.get(2));
      assertThat(r.pending()).isEmpty();
    }
    try (DurableReplica r = open(db, RegisterPolicy.MV)) {
      assertThat(r.pending()).isEmpty();
      assertThat(r.materialise())
          .isEqualTo(
              Oracle.materialise(RegisterPolicy.MV, r.delivered(), KeyGroups.byParentPath()));
      assertThat(r.quarantined()).isEmpty();
    }
  }

  @Test
  void restartedReplica_stampsAfterStoredHighWater_clockNeverGoesBackwards() throws Exception {
    Path db = dir.resolve("clock.db");
    Change before;
    try (DurableReplica r = open(db, RegisterPolicy.LWW)) {
      Replica far =
          Replica.create(
              ReplicaId.of("far"),
              RegisterPolicy.LWW,
              KeyGroups.byParentPath(),
              new LamportClock());
      for (int i = 0; i < 50; i++) {
        far.put(Key.of("f"), Value.of("v" + i));
      }
      r.apply(far.put(Key.of("f"), Value.of("last")));
      before = r.transact(List.of(new Op.Put(Key.of("k"), Value.of("1"))));
    }
    try (DurableReplica r = open(db, RegisterPolicy.LWW)) {
      Change after = r.transact(List.of(new Op.Put(Key.of("k"), Value.of("2"))));
      assertThat(after.timestamp()).isGreaterThan(before.timestamp());
      assertThat(r.materialise().single(Key.of("k"))).isEqualTo(Value.of("2"));
    }
  }

  @Test
  void materialisedTable_afterEveryStep_equalsReplicaMaterialise() throws Exception {
    Path db = dir.resolve("map.db");
    try (SqliteStorage storage = SqliteStorage.open(db, RegisterPolicy.MV)) {
      DurableReplica r =
          DurableReplica.open(
              LOCAL, RegisterPolicy.MV, KeyGroups.byParentPath(), new LamportClock(), storage);
      for (Change c : mvChanges()) {
        r.apply(c);
        assertThat(storage.readMaterialised()).isEqualTo(r.materialise());
      }
      assertThat(storage.readMaterialised().get(Key.of("k"))).hasSize(2);
    }
  }

  @Test
  void flippedBitInChangeRow_reopen_quarantinesTheRowWithFieldAndRecoversTheRest()
      throws Exception {
    Path db = dir.resolve("flip.db");
    List<Change> changes = mvChanges();
    try (DurableReplica r = open(db, RegisterPolicy.LWW)) {
      for (Change c : changes) {
        r.apply(c);
      }
    }
    try (SqliteStorage s = SqliteStorage.open(db, RegisterPolicy.LWW)) {
      flipBit(s, 2, 20 * 8 + 3);
    }
    try (DurableReplica r = open(db, RegisterPolicy.LWW)) {
      assertThat(r.quarantined()).hasSize(1);
      assertThat(r.quarantined().get(0).where()).isEqualTo("changes row 2");
      assertThat(r.quarantined().get(0).reason()).contains("checksum");
      List<Change> rest = List.of(changes.get(0), changes.get(2), changes.get(3));
      assertThat(r.delivered()).containsExactlyElementsOf(rest);
      assertThat(r.materialise())
          .isEqualTo(Oracle.materialise(RegisterPolicy.LWW, rest, KeyGroups.byParentPath()));
    }
    try (DurableReplica r = open(db, RegisterPolicy.LWW)) {
      assertThat(r.quarantined()).as("quarantined rows leave the changes table").isEmpty();
    }
  }

  /** Flips bit {@code bit} of the encoding in row {@code position} of the changes table. */
  static void flipBit(SqliteStorage s, long position, int bit) throws Exception {
    byte[] encoding;
    try (PreparedStatement p =
        s.connection().prepareStatement("SELECT encoding FROM changes WHERE position = ?")) {
      p.setLong(1, position);
      var rs = p.executeQuery();
      assertThat(rs.next()).isTrue();
      encoding = rs.getBytes(1);
    }
    encoding[bit / 8] ^= (byte) (1 << (bit % 8));
    try (PreparedStatement p =
        s.connection().prepareStatement("UPDATE changes SET encoding = ? WHERE position = ?")) {
      p.setBytes(1, encoding);
      p.setLong(2, position);
      assertThat(p.executeUpdate()).isEqualTo(1);
    }
    s.connection().commit();
  }

  @Test
  void fullDisk_commit_isRefusedAsFullAndNothingIsStored() throws Exception {
    Path db = dir.resolve("full.db");
    open(db, RegisterPolicy.LWW).close();
    try (SqliteStorage s = SqliteStorage.open(db, RegisterPolicy.LWW)) {
      DurableReplica d =
          DurableReplica.open(
              LOCAL, RegisterPolicy.LWW, KeyGroups.byParentPath(), new LamportClock(), s);
      long pages;
      try (Statement st = s.connection().createStatement()) {
        var rs = st.executeQuery("PRAGMA page_count");
        rs.next();
        pages = rs.getLong(1);
        st.execute("PRAGMA max_page_count = " + pages);
      }
      String big = "x".repeat(100_000);
      assertThatThrownBy(() -> d.transact(List.of(new Op.Put(Key.of("big"), Value.of(big)))))
          .isInstanceOfSatisfying(
              StorageException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(StorageException.Kind.FULL);
                assertThat(e.getMessage())
                    .contains("disk full")
                    .contains("nothing of it is stored");
              });
      assertThatThrownBy(() -> d.transact(List.of(new Op.Delete(Key.of("big")))))
          .isInstanceOfSatisfying(
              StorageException.class,
              e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.FAILED_EARLIER));
    }
    try (DurableReplica again = open(db, RegisterPolicy.LWW)) {
      assertThat(again.delivered()).isEmpty();
      assertThat(again.materialise().size()).isZero();
    }
  }

  @Test
  void databaseOfAnotherPolicy_open_isRefusedAsMismatch() throws Exception {
    Path db = dir.resolve("policy.db");
    open(db, RegisterPolicy.MV).close();
    assertThatThrownBy(() -> SqliteStorage.open(db, RegisterPolicy.LWW))
        .isInstanceOfSatisfying(
            StorageException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(StorageException.Kind.MISMATCH);
              assertThat(e.getMessage()).contains("policy is MV, expected LWW");
            });
  }

  @Test
  void rejectedChange_apply_storesNothing() throws Exception {
    Path db = dir.resolve("rejected.db");
    Change c = mvChanges().get(0);
    Change twin =
        new Change(
            c.author(), c.seq(), c.timestamp(), c.seen(), List.of(new Op.Delete(Key.of("z"))));
    try (DurableReplica r = open(db, RegisterPolicy.LWW)) {
      r.apply(c);
      assertThat(r.apply(twin)).isInstanceOf(ApplyResult.Rejected.class);
    }
    try (SqliteStorage s = SqliteStorage.open(db, RegisterPolicy.LWW);
        PreparedStatement p = s.connection().prepareStatement("SELECT count(*) FROM changes")) {
      var rs = p.executeQuery();
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(1);
    }
  }
}
