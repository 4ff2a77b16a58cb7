package dev.entente.impl.trust;

import static dev.entente.impl.trust.TrustFixture.replica;
import static dev.entente.impl.trust.TrustedReplicaTest.add;
import static dev.entente.impl.trust.TrustedReplicaTest.sync;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.impl.codec.SignedEnvelope;
import dev.entente.model.Key;
import dev.entente.model.Op;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class MembershipTest {
  private static final ReplicaId W = ReplicaId.of("w");

  @Test
  void owner_isAlwaysAMember_andCannotBeTouched() {
    TrustedReplica owner = replica("owner");
    assertThat(owner.memberNow(TrustFixture.OWNER).orElseThrow().role()).isEqualTo(Role.OWNER);
    assertThatThrownBy(() -> owner.changeMembership(new MembershipOp.Remove(TrustFixture.OWNER)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nobody may add, re-role or remove the owner");
  }

  @Test
  void writer_mayNotChangeMembership() {
    TrustedReplica owner = replica("owner");
    TrustedReplica w = replica("w");
    owner.changeMembership(add("w", Role.WRITER));
    sync(owner, w);
    assertThatThrownBy(() -> w.changeMembership(add("x", Role.WRITER)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a writer may not change membership");
  }

  @Test
  void admin_mayAddWritersButNotAdmins_norTouchAdmins() {
    TrustedReplica owner = replica("owner");
    TrustedReplica admin = replica("adm");
    owner.changeMembership(add("adm", Role.ADMIN));
    owner.changeMembership(add("adm2", Role.ADMIN));
    sync(owner, admin);
    admin.changeMembership(add("w", Role.WRITER));
    assertThat(admin.memberNow(W).orElseThrow().role()).isEqualTo(Role.WRITER);
    assertThatThrownBy(() -> admin.changeMembership(add("x", Role.ADMIN)))
        .hasMessageContaining("an admin may add writers only");
    assertThatThrownBy(() -> admin.changeMembership(add("adm2", Role.WRITER)))
        .hasMessageContaining("adm2 is ADMIN");
    admin.changeMembership(new MembershipOp.Remove(W));
    assertThat(admin.memberNow(W)).isEmpty();
  }

  @Test
  void concurrentAddAndRemove_removeWins_inEitherOrder() {
    TrustedReplica owner = replica("owner");
    TrustedReplica admin = replica("adm");
    owner.changeMembership(add("adm", Role.ADMIN));
    owner.changeMembership(add("w", Role.WRITER));
    sync(owner, admin);
    SignedEnvelope remove = owner.changeMembership(new MembershipOp.Remove(W));
    SignedEnvelope readd = admin.changeMembership(add("w", Role.WRITER));
    TrustedReplica a = replica("a");
    TrustedReplica b = replica("b");
    sync(admin, a);
    sync(admin, b);
    a.receive(remove);
    b.receive(remove);
    a.receive(readd);
    assertThat(a.memberNow(W)).isEmpty();
    assertThat(b.memberNow(W)).isEmpty();
    assertThat(readd.dot()).isNotEqualTo(remove.dot());
  }

  @Test
  void concurrentAdds_leastPrivilegeWins() {
    TrustedReplica owner = replica("owner");
    TrustedReplica admin = replica("adm");
    owner.changeMembership(add("adm", Role.ADMIN));
    sync(owner, admin);
    SignedEnvelope asAdmin = owner.changeMembership(add("x", Role.ADMIN));
    SignedEnvelope asWriter = admin.changeMembership(add("x", Role.WRITER));
    owner.receive(asWriter);
    admin.receive(asAdmin);
    assertThat(owner.memberNow(ReplicaId.of("x")).orElseThrow().role()).isEqualTo(Role.WRITER);
    assertThat(admin.memberNow(ReplicaId.of("x"))).isEqualTo(owner.memberNow(ReplicaId.of("x")));
  }

  @Test
  void removedMember_changeThatSeesItsRemoval_isNotAMember() {
    TrustedReplica owner = replica("owner");
    TrustedReplica w = replica("w");
    owner.changeMembership(add("w", Role.WRITER));
    sync(owner, w);
    SignedEnvelope concurrent = w.put(Key.of("k"), Value.of("before"));
    owner.changeMembership(new MembershipOp.Remove(W));
    sync(owner, w);
    assertThatThrownBy(() -> w.put(Key.of("k"), Value.of("after")))
        .isInstanceOf(IllegalStateException.class);
    assertThat(owner.receive(concurrent)).isInstanceOf(ReceiveResult.Accepted.class);
  }

  @Test
  void receive_unauthorisedMembershipOp_isNotAuthorised() {
    TrustedReplica owner = replica("owner");
    TrustedReplica w = replica("w");
    owner.changeMembership(add("w", Role.WRITER));
    sync(owner, w);
    // A writer that bypasses its own replica's check: signs an add by hand.
    SignedEnvelope head = owner.envelopesNotBelow(List.of()).get(0);
    dev.entente.model.Change change =
        new dev.entente.model.Change(
            W,
            1,
            new dev.entente.model.HlcTimestamp(9, 0),
            w.versionVector(),
            List.of(MembershipOp.toOp(add("evil", Role.ADMIN))));
    SignedEnvelope forged =
        SignedEnvelope.signed(
            owner.documentId(), change, List.of(head.hash()), TrustFixture.keys("w")::sign);
    ReceiveResult r = owner.receive(forged);
    assertThat(((ReceiveResult.Rejected) r).rejection())
        .isEqualTo(
            new Rejection.NotAuthorised(
                forged.dot(), forged.hash(), 0, "a writer may not change membership"));
  }

  @Test
  void parse_badMembershipValue_isRejected() {
    Op bad = new Op.Put(Key.of(MembershipOp.PREFIX + "x"), Value.of("owner abc"));
    assertThatThrownBy(() -> MembershipOp.parse(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("admin or writer");
  }
}
