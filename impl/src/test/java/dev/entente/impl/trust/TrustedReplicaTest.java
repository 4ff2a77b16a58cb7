package dev.entente.impl.trust;

import static dev.entente.impl.trust.TrustFixture.keys;
import static dev.entente.impl.trust.TrustFixture.replica;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.impl.codec.EnvelopeCodec;
import dev.entente.impl.codec.Hash32;
import dev.entente.impl.codec.SignedEnvelope;
import dev.entente.model.Change;
import dev.entente.model.Key;
import dev.entente.model.Op;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedReplicaTest {
  private static final Key K = Key.of("k");

  static void sync(TrustedReplica from, TrustedReplica to) {
    for (SignedEnvelope e : from.envelopesNotBelow(to.heads())) {
      to.receive(e);
    }
  }

  static MembershipOp.Add add(String id, Role role) {
    return new MembershipOp.Add(ReplicaId.of(id), role, keys(id).publicKey());
  }

  @Test
  void receive_memberChange_isAcceptedAndApplied() {
    TrustedReplica owner = replica("owner");
    TrustedReplica w = replica("w");
    owner.changeMembership(add("w", Role.WRITER));
    sync(owner, w);
    SignedEnvelope e = w.put(K, Value.of("v"));
    assertThat(owner.receive(EnvelopeCodec.encode(e)))
        .isEqualTo(new ReceiveResult.Accepted(List.of(e.hash()), false));
    assertThat(owner.materialise()).isEqualTo(w.materialise());
    assertThat(owner.receive(e)).isEqualTo(new ReceiveResult.Duplicate(e.hash()));
  }

  @Test
  void transact_byNonMember_isRefusedLocally() {
    TrustedReplica stranger = replica("s");
    assertThatThrownBy(() -> stranger.put(K, Value.of("v")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("s is not a member");
  }

  @Test
  void receive_nonMember_isNotAMember() {
    TrustedReplica owner = replica("owner");
    SignedEnvelope forged = signedBy("s", keys("s"), owner, List.of(), 1);
    assertThat(owner.receive(forged))
        .isEqualTo(
            new ReceiveResult.Rejected(
                new Rejection.NotAMember(forged.dot(), forged.hash(), ReplicaId.of("s"))));
  }

  @Test
  void receive_signedByAnotherKey_isBadSignature_andLaterValidChangesStillApply() {
    TrustedReplica owner = replica("owner");
    TrustedReplica peer = replica("p");
    SignedEnvelope forged = signedBy("owner", keys("mallory"), owner, List.of(), 1);
    ReceiveResult r = peer.receive(forged);
    assertThat(r).isInstanceOf(ReceiveResult.Rejected.class);
    assertThat(((ReceiveResult.Rejected) r).rejection())
        .isEqualTo(
            new Rejection.BadSignature(forged.dot(), forged.hash(), keys("owner").publicKey()));
    SignedEnvelope real = owner.put(K, Value.of("real"));
    assertThat(peer.receive(real)).isInstanceOf(ReceiveResult.Accepted.class);
    assertThat(peer.materialise()).isEqualTo(owner.materialise());
  }

  @Test
  void receive_tamperedSignatureByte_isBadSignature() {
    TrustedReplica owner = replica("owner");
    SignedEnvelope e = owner.put(K, Value.of("v"));
    byte[] sig = e.signature();
    sig[7] ^= 1;
    SignedEnvelope tampered = SignedEnvelope.of(e.document(), e.change(), e.links(), sig);
    ReceiveResult r = replica("p").receive(tampered);
    assertThat(((ReceiveResult.Rejected) r).rejection()).isInstanceOf(Rejection.BadSignature.class);
  }

  @Test
  void receive_linksThatHideThePast_areLinksDisagreeWithSeen() {
    TrustedReplica owner = replica("owner");
    TrustedReplica peer = replica("p");
    SignedEnvelope first = owner.put(K, Value.of("1"));
    SignedEnvelope second = owner.put(K, Value.of("2"));
    peer.receive(first);
    // Same change, signed validly by the owner, but claiming no links.
    SignedEnvelope relinked = resign(second, List.of(), keys("owner"));
    ReceiveResult r = peer.receive(relinked);
    assertThat(((ReceiveResult.Rejected) r).rejection())
        .isInstanceOf(Rejection.LinksDisagreeWithSeen.class);
    assertThat(((ReceiveResult.Rejected) r).rejection().describe()).contains("seen is");
    assertThat(peer.receive(second)).isInstanceOf(ReceiveResult.Accepted.class);
  }

  @Test
  void receive_beforeItsLinks_waitsThenIsReleased() {
    TrustedReplica owner = replica("owner");
    TrustedReplica peer = replica("p");
    SignedEnvelope first = owner.put(K, Value.of("1"));
    SignedEnvelope second = owner.put(K, Value.of("2"));
    assertThat(peer.receive(second))
        .isEqualTo(new ReceiveResult.Pending(second.hash(), List.of(first.hash())));
    assertThat(peer.pendingCount()).isEqualTo(1);
    assertThat(peer.receive(first))
        .isEqualTo(new ReceiveResult.Accepted(List.of(first.hash(), second.hash()), false));
    assertThat(peer.materialise()).isEqualTo(owner.materialise());
  }

  @Test
  void receive_badCopyWhilePending_doesNotShadowTheGenuineEnvelope() {
    TrustedReplica owner = replica("owner");
    TrustedReplica peer = replica("p");
    SignedEnvelope first = owner.put(K, Value.of("1"));
    SignedEnvelope second = owner.put(K, Value.of("2"));
    SignedEnvelope badCopy = resign(second, second.links(), keys("mallory"));
    assertThat(badCopy.hash()).isEqualTo(second.hash());
    assertThat(peer.receive(badCopy)).isInstanceOf(ReceiveResult.Pending.class);
    assertThat(peer.receive(second)).isInstanceOf(ReceiveResult.Pending.class);
    assertThat(peer.receive(first))
        .isEqualTo(new ReceiveResult.Accepted(List.of(first.hash(), second.hash()), false));
    assertThat(peer.rejectedAfterWaiting())
        .singleElement()
        .isInstanceOf(Rejection.BadSignature.class);
    assertThat(peer.materialise()).isEqualTo(owner.materialise());
  }

  @Test
  void receive_otherDocument_isWrongDocument() {
    TrustedReplica owner = replica("owner");
    SignedEnvelope e = owner.put(K, Value.of("v"));
    Hash32 other = Hash32.sha256(new byte[] {1});
    SignedEnvelope moved = SignedEnvelope.of(other, e.change(), e.links(), e.signature());
    ReceiveResult r = replica("p").receive(moved);
    assertThat(((ReceiveResult.Rejected) r).rejection())
        .isEqualTo(
            new Rejection.WrongDocument(moved.dot(), moved.hash(), owner.documentId(), other));
  }

  @Test
  void receive_garbage_isMalformedNamingOffsetAndField() {
    ReceiveResult r = replica("p").receive(new byte[] {1, 2, 3});
    Rejection.Malformed m = (Rejection.Malformed) ((ReceiveResult.Rejected) r).rejection();
    assertThat(m.field()).isEqualTo("envelope");
    assertThat(m.reason()).contains("truncated");
  }

  @Test
  void equivocation_bothVersionsQuarantined_sameStateInEitherOrder() {
    TrustedReplica owner = replica("owner");
    TrustedReplica w1 = replica("w");
    TrustedReplica w2 = replica("w");
    owner.changeMembership(add("w", Role.WRITER));
    owner.put(Key.of("o"), Value.of("owner's"));
    sync(owner, w1);
    sync(owner, w2);
    SignedEnvelope x = w1.put(K, Value.of("x"));
    SignedEnvelope y = w2.put(K, Value.of("y"));
    assertThat(x.dot()).isEqualTo(y.dot());
    TrustedReplica a = replica("a");
    TrustedReplica b = replica("b");
    sync(owner, a);
    sync(owner, b);
    a.receive(x);
    ReceiveResult second = a.receive(y);
    b.receive(y);
    b.receive(x);
    assertThat(second).isEqualTo(new ReceiveResult.Accepted(List.of(y.hash()), true));
    assertThat(a.materialise()).isEqualTo(b.materialise()).isEqualTo(owner.materialise());
    assertThat(a.materialise().get(K)).isEmpty();
    assertThat(a.equivocations()).containsExactly(new EquivocationProof(x, y));
    assertThat(b.equivocations()).isEqualTo(a.equivocations());
  }

  @Test
  void equivocation_descendantOfOneVersion_staysApplied() {
    TrustedReplica owner = replica("owner");
    TrustedReplica w1 = replica("w");
    TrustedReplica w2 = replica("w");
    owner.changeMembership(add("w", Role.WRITER));
    sync(owner, w1);
    sync(owner, w2);
    SignedEnvelope x = w1.put(K, Value.of("x"));
    SignedEnvelope y = w2.put(K, Value.of("y"));
    owner.receive(x);
    SignedEnvelope after = owner.put(Key.of("later"), Value.of("kept"));
    owner.receive(y);
    TrustedReplica c = replica("c");
    c.receive(y);
    sync(owner, c);
    assertThat(c.materialise()).isEqualTo(owner.materialise());
    assertThat(c.materialise().get(Key.of("later"))).isNotEmpty();
    assertThat(c.materialise().get(K)).isEmpty();
    assertThat(after.links()).contains(x.hash());
  }

  /**
   * Found by the relay simulator: after an equivocation an honest writer links the version nobody
   * built on beside the author's next change, which covers the dot but links the other version;
   * that envelope is valid (the unbuilt version is not in the other link's hash-linked past).
   */
  @Test
  void equivocation_writerLinksBothBranches_isAcceptedByOthers() {
    TrustedReplica owner = replica("owner");
    TrustedReplica w1 = replica("w");
    TrustedReplica w2 = replica("w");
    owner.changeMembership(add("w", Role.WRITER));
    sync(owner, w1);
    sync(owner, w2);
    SignedEnvelope x = w1.put(K, Value.of("x"));
    SignedEnvelope y = w2.put(K, Value.of("y"));
    SignedEnvelope next = w1.put(Key.of("next"), Value.of("on x"));
    owner.receive(x);
    owner.receive(y);
    owner.receive(next);
    SignedEnvelope both = owner.put(Key.of("o"), Value.of("links y and next"));
    assertThat(both.links()).contains(y.hash(), next.hash());
    TrustedReplica c = replica("c");
    sync(owner, c);
    assertThat(c.rejectedAfterWaiting()).isEmpty();
    assertThat(c.envelope(both.hash())).isPresent();
    assertThat(c.materialise()).isEqualTo(owner.materialise());
  }

  @Test
  void envelopesNotBelow_givesOnlyWhatThePeerLacks() {
    TrustedReplica owner = replica("owner");
    TrustedReplica peer = replica("p");
    SignedEnvelope first = owner.put(K, Value.of("1"));
    peer.receive(first);
    SignedEnvelope second = owner.put(K, Value.of("2"));
    assertThat(owner.envelopesNotBelow(peer.heads())).containsExactly(second);
    assertThat(owner.envelopesNotBelow(List.of())).containsExactly(first, second);
  }

  /** An envelope for a fresh change by {@code author} seq 1 with no links, signed by {@code by}. */
  static SignedEnvelope signedBy(
      String author, DeviceKeyPair by, TrustedReplica doc, List<Hash32> links, long seq) {
    Change change =
        new Change(
            ReplicaId.of(author),
            seq,
            new dev.entente.model.HlcTimestamp(1, 0),
            dev.entente.model.VersionVector.EMPTY,
            List.of(new Op.Put(K, Value.of("forged"))));
    return SignedEnvelope.signed(doc.documentId(), change, links, by::sign);
  }

  static SignedEnvelope resign(SignedEnvelope e, List<Hash32> links, DeviceKeyPair by) {
    return SignedEnvelope.signed(e.document(), e.change(), links, by::sign);
  }
}
