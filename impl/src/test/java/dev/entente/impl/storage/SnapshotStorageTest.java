package dev.entente.impl.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.impl.clock.LamportClock;
import dev.entente.impl.codec.SnapshotCodec;
import dev.entente.impl.snapshot.Snapshot;
import dev.entente.model.Change;
import dev.entente.model.Key;
import dev.entente.model.KeyGroups;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.Op;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import dev.entente.model.VersionVector;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The storage seam persists snapshots: a compacted storage holds the snapshot and the log suffix
 * after it; a restart restores the snapshot, replays the suffix and resumes the clock after the
 * stored high-water mark; a torn or bit-flipped snapshot is refused with its offset and field.
 */
class SnapshotStorageTest {
  private static DurableReplica open(MemoryStorage disk, RegisterPolicy policy)
      throws StorageException {
    return DurableReplica.open(
        ReplicaId.of("r"), policy, KeyGroups.byParentPath(), new LamportClock(), disk);
  }

  private static List<Op> put(String key, String value) {
    return List.of(new Op.Put(Key.of(key), Value.of(value)));
  }

  /** Twenty writes over five keys and a delete, compacted, then three more writes. */
  private static DurableReplica compactedWithSuffix(MemoryStorage disk, RegisterPolicy policy)
      throws StorageException {
    DurableReplica r = open(disk, policy);
    for (int i = 0; i < 20; i++) {
      r.transact(put("k" + (i % 5), "v" + i));
    }
    r.transact(List.of(new Op.Delete(Key.of("k1"))));
    r.compact();
    for (int i = 0; i < 3; i++) {
      r.transact(put("s" + i, "after " + i));
    }
    return r;
  }

  @ParameterizedTest
  @EnumSource(RegisterPolicy.class)
  void compactedStorage_reopen_restoresSnapshotThenReplaysTheSuffix(RegisterPolicy policy)
      throws Exception {
    MemoryStorage disk = new MemoryStorage();
    DurableReplica before = compactedWithSuffix(disk, policy);
    MaterialisedMap map = before.materialise();
    VersionVector vv = before.versionVector();

    DurableReplica after = open(disk, policy);

    assertThat(after.materialise()).isEqualTo(map);
    assertThat(after.versionVector()).isEqualTo(vv);
    assertThat(after.delivered()).hasSize(3);
    assertThat(after.quarantined()).isEmpty();
    after.checkRep();
  }

  @Test
  void compact_storedRecords_shrinkToTheSnapshotAndTheSuffix() throws Exception {
    MemoryStorage disk = new MemoryStorage();
    compactedWithSuffix(disk, RegisterPolicy.LWW);
    // The high-water record the compaction leaves, then one record per write after it.
    assertThat(disk.recordCount()).isEqualTo(1 + 3);
    assertThat(disk.load().snapshot()).isInstanceOf(StoredSnapshot.Intact.class);
  }

  @Test
  void reopenAfterCompact_newWrite_isStampedAfterEverythingStored() throws Exception {
    MemoryStorage disk = new MemoryStorage();
    DurableReplica before = compactedWithSuffix(disk, RegisterPolicy.LWW);
    DurableReplica after = open(disk, RegisterPolicy.LWW);

    Change next = after.transact(put("k0", "after restart"));

    assertThat(next.timestamp()).isGreaterThan(before.clockHighWater());
    assertThat(after.materialise().get(Key.of("k0"))).containsExactly(Value.of("after restart"));
  }

  @Test
  void snapshotTornAtEveryLength_reopen_isRefusedNamingTheOffsetAndField() throws Exception {
    Snapshot template = template();
    int length = SnapshotCodec.encode(template).length;
    for (int keep = 0; keep < length; keep++) {
      MemoryStorage disk = compactedTo(template);
      disk.tearSnapshot(keep);
      assertRefused(disk, "torn at " + keep);
    }
  }

  @Test
  void snapshotWithAnyBitFlipped_reopen_isRefusedNamingTheOffsetAndField() throws Exception {
    Snapshot template = template();
    int length = SnapshotCodec.encode(template).length;
    for (int bit = 0; bit < length * 8; bit++) {
      MemoryStorage disk = compactedTo(template);
      disk.flipSnapshotBit(bit);
      assertRefused(disk, "bit " + bit);
    }
  }

  /** The snapshot {@link #compactedWithSuffix} stores. */
  private static Snapshot template() throws StorageException {
    MemoryStorage disk = new MemoryStorage();
    compactedWithSuffix(disk, RegisterPolicy.LWW);
    StoredSnapshot slot = disk.load().snapshot();
    assertThat(slot).isInstanceOf(StoredSnapshot.Intact.class);
    return ((StoredSnapshot.Intact) slot).snapshot();
  }

  /** A fresh disk compacted to {@code s}. */
  private static MemoryStorage compactedTo(Snapshot s) throws StorageException {
    MemoryStorage disk = new MemoryStorage();
    disk.storeSnapshot(s, s.clock());
    return disk;
  }

  private static void assertRefused(MemoryStorage disk, String damage) throws StorageException {
    assertThat(disk.load().snapshot()).as(damage).isInstanceOf(StoredSnapshot.Damaged.class);
    assertThatThrownBy(() -> open(disk, RegisterPolicy.LWW))
        .as(damage)
        .isInstanceOfSatisfying(
            StorageException.class,
            e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.DAMAGED_SNAPSHOT))
        .hasMessageMatching(
            "DAMAGED_SNAPSHOT: stored snapshot refused at byte \\d+ \\(snapshot[^)]*\\): .+");
  }
}
