package dev.entente.impl.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.Replica;
import dev.entente.impl.clock.HybridLogicalClock;
import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.codec.SnapshotCodec;
import dev.entente.model.Change;
import dev.entente.model.Key;
import dev.entente.model.KeyGroups;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Measures the snapshot of issue 10's workload (keys "k0".."k9999"; replicas A and B each make
 * 50,000 writes, write n setting key n mod 10,000 to n, B's values offset by 1,000,000; merged) and
 * pins it below the bound the issue sets: Pekko's gzipped LWW map of the same keys, 116,531 bytes.
 * A measurement, not a timed test: it asserts sizes only.
 */
class SnapshotSizeTest {
  private static final int KEYS = 10_000;
  private static final int WRITES = 50_000;
  private static final int PEKKO_BYTES = 116_531;

  @Test
  void snapshot_ofTheIssueWorkload_isSmallerThanPekkosAndRoundTrips() throws DecodeException {
    // Causal-group maps keep every change of a group until garbage collection collapses it; the
    // campaign's storage experiment measures them with GC.
    for (RegisterPolicy policy : List.of(RegisterPolicy.LWW, RegisterPolicy.MV)) {
      Replica merged = workload(policy);
      Snapshot snapshot = merged.snapshot();

      byte[] bytes = SnapshotCodec.encode(snapshot);
      System.out.printf(
          Locale.ROOT,
          "snapshot size: %s, %d keys after %d writes = %d bytes raw, %d bytes deflated%n",
          policy,
          merged.materialise().size(),
          2 * WRITES,
          SnapshotCodec.rawSize(snapshot),
          bytes.length);

      assertThat(bytes.length).isLessThan(PEKKO_BYTES);
      assertThat(SnapshotCodec.decode(bytes)).isEqualTo(snapshot);
      Replica restored =
          Replica.restore(ReplicaId.of("C"), snapshot, KeyGroups.byParentPath(), clock());
      assertThat(restored.materialise()).isEqualTo(merged.materialise());
      assertThat(restored.snapshot().entries()).isEqualTo(snapshot.entries());
    }
  }

  static Replica workload(RegisterPolicy policy) {
    Replica a = replica("A", policy);
    Replica b = replica("B", policy);
    List<Change> fromB = new ArrayList<>();
    for (int n = 0; n < WRITES; n++) {
      a.put(Key.of("k" + n % KEYS), Value.of(Integer.toString(n)));
      fromB.add(b.put(Key.of("k" + n % KEYS), Value.of(Integer.toString(n + 1_000_000))));
    }
    fromB.forEach(a::apply);
    return a;
  }

  private static Replica replica(String id, RegisterPolicy policy) {
    return Replica.create(ReplicaId.of(id), policy, KeyGroups.byParentPath(), clock());
  }

  private static HybridLogicalClock clock() {
    AtomicLong physical = new AtomicLong(1_764_547_200_000L);
    return new HybridLogicalClock(physical::incrementAndGet, 1_000_000_000L);
  }
}
