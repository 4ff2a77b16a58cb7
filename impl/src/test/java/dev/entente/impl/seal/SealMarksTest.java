package dev.entente.impl.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.entente.impl.coverage.SealMark;
import dev.entente.impl.trust.MembershipOp;
import dev.entente.impl.trust.SignedBatch;
import dev.entente.impl.trust.TrustedReplica;
import dev.entente.model.Op;
import dev.entente.model.ReplicaId;
import dev.entente.model.coverage.Coverage;
import dev.entente.model.coverage.MarkCatalogue;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/** Each {@link SealMark} is hit on its path, and only there. */
class SealMarksTest {
  private static SortedMap<String, Long> marks(Runnable action) {
    try (Coverage.Recorder r = Coverage.record()) {
      action.run();
      return r.counts();
    }
  }

  @Test
  void catalogue_ofSealMarks_isWellFormed() {
    assertThat(MarkCatalogue.of(List.of(SealMark.values())).names())
        .hasSize(SealMark.values().length)
        .contains("seal-frame-tampered");
  }

  @Test
  void seal_afterARemoval_marksTheRotation_butNotTheFirstEpoch() {
    SealWorld w = new SealWorld(1, "w1", "w2");
    assertThat(marks(() -> w.write("w1", "k", "1"))).isEmpty();
    w.replica("owner").changeMembership(new MembershipOp.Remove(ReplicaId.of("w2")));
    w.syncAll();
    assertThat(marks(() -> w.write("w1", "k", "2")))
        .containsExactly(entry("seal-rotated-after-removal", 1L));
  }

  @Test
  void open_tamperedReplayedAndUnreadable_markTheirPaths() {
    byte[] fixed = new byte[12];
    SealSeams seams = SealSeams.standard(SeededEntropy.of(2, "n")).withNonces(fixed::clone);
    SealWorld w = new SealWorld(2, seams, "w1", "w2");
    SealedFrame a = w.write("w1", "k", "a").frame();
    SealedFrame b = w.write("w1", "k", "b").frame();
    byte[] bad = a.bytes();
    bad[bad.length - 1] ^= 1;
    EpochKeyring owner = w.keyring("owner");

    assertThat(marks(() -> owner.open(bad))).containsExactly(entry("seal-frame-tampered", 1L));
    assertThat(marks(() -> owner.open(a))).isEmpty();
    assertThat(marks(() -> owner.open(b))).containsExactly(entry("seal-nonce-replay-refused", 1L));
    w.replica("owner").changeMembership(new MembershipOp.Remove(ReplicaId.of("w2")));
    w.syncAll();
    SealedFrame c = w.write("w1", "k", "c").frame();
    assertThat(marks(() -> w.keyring("w2").open(c)))
        .containsExactly(entry("seal-epoch-not-a-reader", 1L));
  }

  @Test
  void receive_secondMemberOfABatch_marksTheReusedVerification() {
    SealWorld w = new SealWorld(3, "w1");
    SignedBatch batch = w.replica("w1").transactBatch(List.of(List.of(Op.put("k", "1"))));
    SignedBatch two =
        w.replica("w1")
            .transactBatch(List.of(List.of(Op.put("k", "2")), List.of(Op.put("k", "3"))));
    TrustedReplica owner = w.replica("owner");

    assertThat(marks(() -> owner.receive(batch))).doesNotContainKey("batch-signature-reused");
    assertThat(marks(() -> owner.receive(two))).containsEntry("batch-signature-reused", 1L);
  }
}
