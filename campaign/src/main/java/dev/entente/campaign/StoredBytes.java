package dev.entente.campaign;

import dev.entente.impl.Replica;
import dev.entente.impl.clock.ClockKind;
import dev.entente.impl.codec.ChangeCodec;
import dev.entente.impl.codec.SnapshotCodec;
import dev.entente.impl.gc.StabilityFrontier;
import dev.entente.model.Change;
import dev.entente.model.Key;
import dev.entente.model.KeyGroups;
import dev.entente.model.Op;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import dev.entente.model.VersionVector;
import java.util.List;

/**
 * What a replica's state costs on disk, without GC (its change log, framed as the simulated disk
 * frames a record: 8 bytes of length and CRC-32C each) and with GC (its snapshot after collecting
 * at a frontier every member has delivered). Also the deterministic growth workload the storage
 * chart plots. Stateless.
 */
final class StoredBytes {
  /** Bytes the simulated disk adds to each record: its length and its CRC-32C. */
  static final int RECORD_FRAME = 8;

  /** Keys of the growth workload. */
  static final int GROWTH_KEYS = 200;

  /** History lengths of the growth workload. */
  static final List<Integer> GROWTH_LENGTHS = List.of(1_000, 2_000, 4_000, 8_000);

  private StoredBytes() {}

  /** The change log's bytes: each change's canonical encoding in its own framed record. */
  static long logBytes(List<Change> delivered) {
    long total = 0;
    for (Change c : delivered) {
      total += ChangeCodec.encode(c).length + RECORD_FRAME;
    }
    return total;
  }

  /**
   * The snapshot's bytes after a replica that delivered {@code delivered} collects garbage at the
   * frontier where all of it is stable (the end of a quiescent run: every member has it).
   */
  static long snapshotBytesAfterGc(RegisterPolicy policy, List<Change> delivered) {
    Replica r = Replica.create(ReplicaId.of("store"), policy, KeyGroups.byParentPath(), clock());
    for (Change c : delivered) {
      r.apply(c);
    }
    return snapshotAfterGc(r);
  }

  private static long snapshotAfterGc(Replica r) {
    VersionVector all = r.versionVector();
    r.collectGarbage(new StabilityFrontier(all, all));
    return SnapshotCodec.encode(r.snapshot()).length;
  }

  /** One point of the growth chart: log and GC'd snapshot bytes after {@code length} writes. */
  record Growth(RegisterPolicy policy, int length, long logBytes, long snapshotBytes) {}

  /**
   * The growth workload for {@code policy}: one writer, {@code length} writes over {@link
   * #GROWTH_KEYS} keys (key {@code i * 7919 mod keys}), every fifth write a delete.
   */
  static Growth growth(RegisterPolicy policy, int length) {
    Replica r = Replica.create(ReplicaId.of("A"), policy, KeyGroups.byParentPath(), clock());
    long log = 0;
    for (int i = 0; i < length; i++) {
      Key k = Key.of("doc/" + (i * 7919L % GROWTH_KEYS));
      Op op = i % 5 == 4 ? new Op.Delete(k) : new Op.Put(k, Value.of("v" + i));
      log += ChangeCodec.encode(r.transact(List.of(op))).length + RECORD_FRAME;
    }
    return new Growth(policy, length, log, snapshotAfterGc(r));
  }

  // A logical clock: the campaign measures bytes, not time, and must not read the real clock.
  private static dev.entente.impl.clock.TimestampClock clock() {
    long[] tick = {1_700_000_000_000L};
    return ClockKind.HLC.create(() -> tick[0]++, Long.MAX_VALUE / 4);
  }
}
