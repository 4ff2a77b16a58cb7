package dev.entente.impl.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.impl.clock.LamportClock;
import dev.entente.model.Change;
import dev.entente.model.Key;
import dev.entente.model.KeyGroups;
import dev.entente.model.Op;
import dev.entente.model.Oracle;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryStorageTest {
  private final MemoryStorage disk = new MemoryStorage();

  private DurableReplica open() throws StorageException {
    return DurableReplica.open(
        ReplicaId.of("r"), RegisterPolicy.LWW, KeyGroups.byParentPath(), new LamportClock(), disk);
  }

  private static List<Op> put(String key, String value) {
    return List.of(new Op.Put(Key.of(key), Value.of(value)));
  }

  /** Opens, commits three puts (records 1..3 after the open record 0), returns them. */
  private List<Change> threeAcknowledged() throws StorageException {
    DurableReplica r = open();
    List<Change> acked = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      acked.add(r.transact(put("k" + i, "v" + i)));
    }
    return acked;
  }

  @Test
  void crashBeforeAnyByteOfACommit_reload_keepsEveryAcknowledgedChangeAndNothingElse()
      throws Exception {
    List<Change> acked = threeAcknowledged();
    DurableReplica r = open();
    disk.crashDuringNextCommit(0);
    assertThatThrownBy(() -> r.transact(put("lost", "x")))
        .isInstanceOfSatisfying(
            StorageException.class,
            e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.UNAVAILABLE));

    DurableReplica again = open();
    assertThat(again.quarantined()).isEmpty();
    assertThat(again.delivered()).containsExactlyElementsOf(acked);
  }

  @Test
  void tornLastRecord_reload_isQuarantinedAsTornAndTheRestRecovered() throws Exception {
    List<Change> acked = threeAcknowledged();
    DurableReplica r = open();
    disk.crashDuringNextCommit(13);
    assertThatThrownBy(() -> r.transact(put("torn", "x"))).isInstanceOf(StorageException.class);

    DurableReplica again = open();
    assertThat(again.quarantined()).hasSize(1);
    assertThat(again.quarantined().get(0).reason()).contains("torn last record");
    assertThat(again.delivered()).containsExactlyElementsOf(acked);
  }

  @Test
  void flippedBit_reload_quarantinesThatRecordByChecksumAndRecoversTheOthers() throws Exception {
    List<Change> acked = threeAcknowledged();
    disk.flipBit(2, 8 * 30 + 5);

    DurableReplica again = open();
    assertThat(again.quarantined())
        .containsExactly(new Quarantined("log record 2", again.quarantined().get(0).reason()));
    assertThat(again.quarantined().get(0).reason()).contains("checksum");
    List<Change> rest = List.of(acked.get(0), acked.get(2));
    assertThat(again.delivered()).containsExactlyElementsOf(rest);
    assertThat(again.materialise())
        .isEqualTo(Oracle.materialise(RegisterPolicy.LWW, rest, KeyGroups.byParentPath()));
  }

  @Test
  void fullDisk_commit_isRefusedAsFullAndStoresNothing() throws Exception {
    List<Change> acked = threeAcknowledged();
    DurableReplica r = open();
    disk.setCapacity(disk.usedBytes() + 10);
    assertThatThrownBy(() -> r.transact(put("big", "x".repeat(100))))
        .isInstanceOfSatisfying(
            StorageException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(StorageException.Kind.FULL);
              assertThat(e.getMessage()).contains("disk full").contains("nothing of the commit");
            });
    assertThatThrownBy(() -> r.transact(put("after", "y")))
        .isInstanceOfSatisfying(
            StorageException.class,
            e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.FAILED_EARLIER));

    disk.setCapacity(Long.MAX_VALUE);
    assertThat(open().delivered()).containsExactlyElementsOf(acked);
  }

  @Test
  void restart_clockResumesAfterTheStoredHighWater() throws Exception {
    List<Change> acked = threeAcknowledged();

    Change next = open().transact(put("next", "n"));

    assertThat(next.timestamp()).isGreaterThan(acked.get(2).timestamp());
  }

  @Test
  void bufferedThenReleased_reload_pendingIsEmptyAndBothDelivered() throws Exception {
    ReplicaId a = ReplicaId.of("A");
    dev.entente.impl.Replica writer =
        dev.entente.impl.Replica.create(
            a, RegisterPolicy.MV, KeyGroups.byParentPath(), new LamportClock());
    Change first = writer.put(Key.of("k"), Value.of("1"));
    Change second = writer.put(Key.of("k"), Value.of("2"));
    DurableReplica r =
        DurableReplica.open(
            ReplicaId.of("r"),
            RegisterPolicy.MV,
            KeyGroups.byParentPath(),
            new LamportClock(),
            disk);
    r.apply(second);
    DurableReplica reopened =
        DurableReplica.open(
            ReplicaId.of("r"),
            RegisterPolicy.MV,
            KeyGroups.byParentPath(),
            new LamportClock(),
            disk);
    assertThat(reopened.pending()).containsExactly(second);
    reopened.apply(first);

    DurableReplica last =
        DurableReplica.open(
            ReplicaId.of("r"),
            RegisterPolicy.MV,
            KeyGroups.byParentPath(),
            new LamportClock(),
            disk);
    assertThat(last.pending()).isEmpty();
    assertThat(last.delivered()).containsExactly(first, second);
  }
}
