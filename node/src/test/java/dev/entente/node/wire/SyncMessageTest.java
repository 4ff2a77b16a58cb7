package dev.entente.node.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.model.Change;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.Op;
import dev.entente.model.ReplicaId;
import dev.entente.model.VersionVector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyncMessageTest {
  private static Change change(String author, long seq) {
    return new Change(
        ReplicaId.of(author),
        seq,
        new HlcTimestamp(1_700_000_000_000L + seq, 0),
        VersionVector.of(Map.of(ReplicaId.of(author), seq - 1)),
        List.of(Op.put("k", "v" + seq)));
  }

  @Test
  void summary_roundTrips() throws FrameException {
    VersionVector vv = VersionVector.of(Map.of(ReplicaId.of("n1"), 3L, ReplicaId.of("n2"), 9L));
    SyncMessage m = SyncMessage.decode(SyncMessage.encode(new SyncMessage.Summary(vv)));
    assertThat(m).isEqualTo(new SyncMessage.Summary(vv));
  }

  @Test
  void changes_roundTrip() throws FrameException {
    SyncMessage.Changes c = new SyncMessage.Changes(List.of(change("n1", 1), change("n1", 2)));
    assertThat(SyncMessage.decode(SyncMessage.encode(c))).isEqualTo(c);
  }

  @Test
  void rbsr_roundTripsSessionRoleAndFrame() throws FrameException {
    SyncMessage.Rbsr r = new SyncMessage.Rbsr(42, true, new byte[] {1, 2, 3});
    SyncMessage.Rbsr back = (SyncMessage.Rbsr) SyncMessage.decode(SyncMessage.encode(r));
    assertThat(back.session()).isEqualTo(42);
    assertThat(back.fromInitiator()).isTrue();
    assertThat(back.frame()).containsExactly(1, 2, 3);
  }

  @Test
  void decode_unknownKind_namesKind() {
    assertThatThrownBy(() -> SyncMessage.decode(new byte[] {9}))
        .hasMessage("at byte 0 (sync.kind): 9 is not 1, 2 or 3");
  }

  @Test
  void decode_corruptChange_namesTheChangeAndItsField() {
    byte[] bytes = SyncMessage.encode(new SyncMessage.Changes(List.of(change("n1", 1))));
    bytes[bytes.length - 1] ^= 1;
    assertThatThrownBy(() -> SyncMessage.decode(bytes)).hasMessageContaining("(sync.changes[0].");
  }

  @Test
  void decode_trailingBytesAfterSummary_areRejected() {
    byte[] ok = SyncMessage.encode(new SyncMessage.Summary(VersionVector.EMPTY));
    byte[] longer = java.util.Arrays.copyOf(ok, ok.length + 1);
    assertThatThrownBy(() -> SyncMessage.decode(longer)).hasMessageContaining("after the vector");
  }
}
