package dev.entente.impl.trust;

import static dev.entente.impl.trust.TrustFixture.keys;
import static dev.entente.impl.trust.TrustFixture.replica;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.impl.codec.Hash32;
import dev.entente.impl.codec.SignedEnvelope;
import dev.entente.model.Change;
import dev.entente.model.Op;
import dev.entente.model.ReplicaId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchSigningTest {
  static List<List<Op>> puts(int n, String prefix) {
    List<List<Op>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(List.of(Op.put("k" + (i % 5), prefix + i)));
    }
    return out;
  }

  /** {@code e} with another change but the same links and signature bytes: a tampered member. */
  static SignedEnvelope tampered(SignedEnvelope e, String value) {
    Change c = e.change();
    Change other =
        new Change(
            c.author(),
            c.seq(),
            c.timestamp(),
            c.seen(),
            List.of(Op.put(c.ops().get(0).key().value(), value)));
    return SignedEnvelope.of(e.document(), other, e.links(), e.signature());
  }

  static long accepted(List<ReceiveResult> results) {
    return results.stream().filter(r -> r instanceof ReceiveResult.Accepted).count();
  }

  @Test
  void receive_batchOf64_everyEnvelopeAccepted_andStatesEqual() {
    TrustedReplica owner = replica("owner");
    TrustedReplica peer = replica("p");
    SignedBatch batch = owner.transactBatch(puts(64, "v"));

    List<ReceiveResult> results = peer.receive(batch);

    assertThat(accepted(results)).isEqualTo(64);
    assertThat(peer.materialise()).isEqualTo(owner.materialise());
    assertThat(batch.signature().leaves()).hasSize(64);
    Hash32 h = batch.envelopes().get(7).hash();
    assertThat(peer.batchOf(h)).contains(batch.signature());
    assertThat(owner.batchOf(h)).contains(batch.signature());
    assertThat(batch.envelopes())
        .allSatisfy(e -> assertThat(e.signature()).isEqualTo(batch.signature().signature()));
  }

  @Test
  void receive_batchWithATamperedMember_rejectsItAlone_andAppliesTheRestWhereValid() {
    TrustedReplica owner = replica("owner");
    TrustedReplica peer = replica("p");
    SignedBatch batch = owner.transactBatch(puts(64, "v"));
    List<SignedEnvelope> envelopes = new ArrayList<>(batch.envelopes());
    SignedEnvelope bad = tampered(envelopes.get(10), "forged");
    envelopes.set(10, bad);

    List<ReceiveResult> results = peer.receive(new SignedBatch(batch.signature(), envelopes));

    assertThat(results.get(10))
        .isEqualTo(
            new ReceiveResult.Rejected(
                new Rejection.BadSignature(bad.dot(), bad.hash(), keys("owner").publicKey())));
    assertThat(results.subList(0, 10)).allMatch(r -> r instanceof ReceiveResult.Accepted);
    // The later ones link to the genuine tenth change: they wait for it rather than being lost.
    assertThat(results.subList(11, 64)).allMatch(r -> r instanceof ReceiveResult.Pending);
    ReceiveResult genuine = peer.receive(batch.envelopes().get(10));
    assertThat(((ReceiveResult.Accepted) genuine).accepted()).hasSize(54);
    assertThat(peer.materialise()).isEqualTo(owner.materialise());
  }

  @Test
  void receive_batchWithTamperedLastMember_appliesAllOthers() {
    TrustedReplica owner = replica("owner");
    TrustedReplica peer = replica("p");
    SignedBatch batch = owner.transactBatch(puts(8, "v"));
    List<SignedEnvelope> envelopes = new ArrayList<>(batch.envelopes());
    envelopes.set(7, tampered(envelopes.get(7), "forged"));

    List<ReceiveResult> results = peer.receive(new SignedBatch(batch.signature(), envelopes));

    assertThat(accepted(results)).isEqualTo(7);
    assertThat(results.get(7)).isInstanceOf(ReceiveResult.Rejected.class);
  }

  @Test
  void receive_batchSignedByAnotherKey_rejectsEveryMember() {
    TrustedReplica owner = replica("owner");
    TrustedReplica peer = replica("p");
    SignedBatch batch = owner.transactBatch(puts(4, "v"));
    BatchSignature forged =
        BatchSignature.sign(owner.documentId(), batch.signature().leaves(), keys("mallory")::sign);
    List<SignedEnvelope> envelopes = new ArrayList<>();
    for (SignedEnvelope e : batch.envelopes()) {
      envelopes.add(SignedEnvelope.of(e.document(), e.change(), e.links(), forged.signature()));
    }

    List<ReceiveResult> results = peer.receive(new SignedBatch(forged, envelopes));

    assertThat(results.get(0)).isInstanceOf(ReceiveResult.Rejected.class);
    assertThat(accepted(results)).isZero();
    assertThat(peer.acceptedCount()).isZero();
  }

  @Test
  void receive_forwardedMemberAlone_needsItsBatchSignature() {
    TrustedReplica owner = replica("owner");
    TrustedReplica peer = replica("p");
    TrustedReplica third = replica("q");
    SignedBatch batch = owner.transactBatch(puts(3, "v"));
    peer.receive(batch);
    SignedEnvelope first = peer.envelopesNotBelow(List.of()).get(0);

    assertThat(third.receive(first)).isInstanceOf(ReceiveResult.Rejected.class);
    third.announce(peer.batchOf(first.hash()).orElseThrow());
    assertThat(third.receive(first)).isInstanceOf(ReceiveResult.Accepted.class);
  }

  @Test
  void receive_bogusBatchAnnouncedFirst_doesNotShadowTheGenuineOne() {
    TrustedReplica owner = replica("owner");
    TrustedReplica peer = replica("p");
    SignedBatch batch = owner.transactBatch(puts(3, "v"));
    List<Hash32> reordered = new ArrayList<>(batch.signature().leaves());
    java.util.Collections.reverse(reordered);
    peer.announce(BatchSignature.of(owner.documentId(), reordered, batch.signature().signature()));

    assertThat(accepted(peer.receive(batch))).isEqualTo(3);
  }

  @Test
  void transactBatch_withAMembershipOp_isRefused() {
    TrustedReplica owner = replica("owner");
    Op add =
        MembershipOp.toOp(
            new MembershipOp.Add(ReplicaId.of("w"), Role.WRITER, keys("w").publicKey()));
    assertThatThrownBy(() -> owner.transactBatch(List.of(List.of(add))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("membership ops are signed alone");
    assertThatThrownBy(() -> owner.transactBatch(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void transactBatch_thenSingleChanges_linkUpAndSyncAsUsual() {
    TrustedReplica owner = replica("owner");
    TrustedReplica peer = replica("p");
    owner.transactBatch(puts(5, "a"));
    owner.put(dev.entente.model.Key.of("k"), dev.entente.model.Value.of("single"));
    owner.transactBatch(puts(5, "b"));

    for (SignedEnvelope e : owner.envelopesNotBelow(peer.heads())) {
      owner.batchOf(e.hash()).ifPresent(peer::announce);
      assertThat(peer.receive(e)).isInstanceOf(ReceiveResult.Accepted.class);
    }
    assertThat(peer.materialise()).isEqualTo(owner.materialise());
    assertThat(peer.heads()).isEqualTo(owner.heads());
  }
}
