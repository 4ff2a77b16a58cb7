package dev.entente.impl.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.impl.codec.EnvelopeCodec;
import dev.entente.impl.codec.Hash32;
import dev.entente.impl.codec.SignedEnvelope;
import dev.entente.impl.trust.MembershipOp;
import dev.entente.impl.trust.ReceiveResult;
import dev.entente.model.Key;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EpochKeyringTest {
  private static SignedEnvelope opened(OpenResult r) {
    assertThat(r).isInstanceOf(OpenResult.Opened.class);
    return ((OpenResult.Opened) r).envelope();
  }

  private static FrameRejection rejection(OpenResult r) {
    assertThat(r).isInstanceOf(OpenResult.Rejected.class);
    return ((OpenResult.Rejected) r).rejection();
  }

  @Test
  void seal_firstWrite_rotatesAndEveryMemberOpensTheEnvelope() {
    SealWorld w = new SealWorld(1, "w1", "w2");
    Sealed s = w.write("w1", "k", "v");

    assertThat(s.rotation()).isPresent();
    assertThat(s.rotation().get().roster().size()).isEqualTo(3);
    for (String reader : List.of("owner", "w2")) {
      SignedEnvelope e = opened(w.keyring(reader).open(s.frame().bytes()));
      assertThat(w.replica(reader).receive(e)).isInstanceOf(ReceiveResult.Accepted.class);
    }
    assertThat(w.replica("owner").materialise()).isEqualTo(w.replica("w1").materialise());
    assertThat(w.keyring("w1").open(s.frame()))
        .isEqualTo(new OpenResult.Duplicate(s.frame().header().frameId()));
  }

  @Test
  void seal_secondWriteSameMembers_reusesTheEpoch() {
    SealWorld w = new SealWorld(2, "w1");
    Sealed first = w.write("w1", "k", "1");
    Sealed second = w.write("w1", "k", "2");
    Sealed third = w.write("owner", "k", "3");

    assertThat(second.rotation()).isEmpty();
    assertThat(third.rotation()).isEmpty();
    assertThat(second.frame().header().epoch()).isEqualTo(first.frame().header().epoch());
    assertThat(third.frame().header().epoch()).isEqualTo(first.frame().header().epoch());
  }

  @Test
  void open_frameBytes_holdNoPlaintextAndAPaddedSize() {
    SealWorld w = new SealWorld(3, "w1");
    SignedEnvelope e = w.replica("w1").put(Key.of("secret-key"), Value.of("secret-value"));
    SealedFrame f = w.keyring("w1").seal(e, w.membersSeenBy("w1")).frame();

    String text = new String(f.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(text).doesNotContain("secret");
    int plain = 4 + EnvelopeCodec.encode(e).length;
    assertThat(f.header().ciphertextLength()).isEqualTo(Padding.PADME.padded(plain) + 16);
  }

  @Test
  void open_removedMember_readsBeforeItsRemovalButNothingSealedAfterTheWriterSawIt() {
    SealWorld w = new SealWorld(4, "w1", "w2");
    Sealed before = w.write("w1", "k", "before");
    w.replica("owner").changeMembership(new MembershipOp.Remove(ReplicaId.of("w2")));
    w.syncAll();
    Sealed after = w.write("w1", "k", "after");

    assertThat(opened(w.keyring("w2").open(before.frame()))).isNotNull();
    assertThat(after.rotation()).isPresent();
    assertThat(after.rotation().get().roster().slotOf(ReplicaId.of("w2"))).isEmpty();
    assertThat(rejection(w.keyring("w2").open(after.frame())))
        .isEqualTo(new FrameRejection.UnreadableEpoch(after.frame().header().epoch(), true));
    assertThat(opened(w.keyring("owner").open(after.frame()))).isNotNull();
  }

  @Test
  void seal_writerThatHasNotSeenTheRemoval_stillSealsToTheRemovedMember() {
    SealWorld w = new SealWorld(5, "w1", "w2");
    w.write("w1", "k", "0");
    w.replica("owner").changeMembership(new MembershipOp.Remove(ReplicaId.of("w2")));
    // Not synced: w1 has not had the removal delivered, so its next frame is still readable by w2.
    Sealed concurrent = w.write("w1", "k", "concurrent");

    assertThat(concurrent.rotation()).isEmpty();
    assertThat(opened(w.keyring("w2").open(concurrent.frame()))).isNotNull();
  }

  @Test
  void seal_memberAdded_rotatesSoTheNewMemberReadsOnlyFromThen() {
    SealWorld w = new SealWorld(6, "w1");
    Sealed old = w.write("w1", "k", "old");
    w.addMember("late");
    Sealed fresh = w.write("owner", "k", "new");

    assertThat(fresh.rotation()).isPresent();
    assertThat(rejection(w.keyring("late").open(old.frame())))
        .isInstanceOf(FrameRejection.UnreadableEpoch.class);
    assertThat(opened(w.keyring("late").open(fresh.frame()))).isNotNull();
  }

  @Test
  void open_frameMovedToAnotherSlotEpochDocumentOrId_isRejected() {
    SealWorld w = new SealWorld(7, "w1", "w2");
    w.write("w2", "k", "x");
    SealedFrame f = w.write("w1", "k", "v").frame();
    FrameHeader h = f.header();
    byte[] ct = f.ciphertext();
    EpochKeyring owner = w.keyring("owner");
    Hash32 otherEpoch = w.write("owner", "k", "y").frame().header().epoch();

    int otherSlot = (h.slot() + 1) % 3;
    assertThat(rejection(owner.open(SealedFrame.of(h.withSlot(otherSlot), ct))))
        .isEqualTo(new FrameRejection.Tampered(h.frameId()));
    Hash32 anotherId = Hash32.sha256(new byte[] {1});
    assertThat(rejection(owner.open(SealedFrame.of(h.withFrameId(anotherId), ct))))
        .isEqualTo(new FrameRejection.Tampered(anotherId));
    Hash32 otherDoc = Hash32.sha256(new byte[] {2});
    assertThat(rejection(owner.open(SealedFrame.of(h.withDocument(otherDoc), ct))))
        .isEqualTo(new FrameRejection.WrongDocument(w.doc(), otherDoc));
    assertThat(otherEpoch).isEqualTo(h.epoch());
    Hash32 unknownEpoch = Hash32.sha256(new byte[] {3});
    assertThat(rejection(owner.open(SealedFrame.of(h.withEpoch(unknownEpoch), ct))))
        .isEqualTo(new FrameRejection.UnreadableEpoch(unknownEpoch, false));
    assertThat(rejection(owner.open(SealedFrame.of(h.withSlot(9), ct))))
        .isEqualTo(new FrameRejection.NoSuchSlot(9, 3));
  }

  @Test
  void open_frameMovedToAnotherReadableEpoch_isTampered() {
    SealWorld w = new SealWorld(8, "w1", "w2");
    SealedFrame f = w.write("w1", "k", "v").frame();
    w.replica("owner").changeMembership(new MembershipOp.Remove(ReplicaId.of("w2")));
    w.syncAll();
    Hash32 newEpoch = w.write("w1", "k", "v2").frame().header().epoch();

    assertThat(newEpoch).isNotEqualTo(f.header().epoch());
    assertThat(
            rejection(
                w.keyring("owner")
                    .open(SealedFrame.of(f.header().withEpoch(newEpoch), f.ciphertext()))))
        .isInstanceOf(FrameRejection.Tampered.class);
  }

  @Test
  void open_constantNonceSource_secondFrameIsReplayedNonce_andKeystreamsDiffer() {
    byte[] fixed = new byte[12];
    SealSeams seams = SealSeams.standard(SeededEntropy.of(10, "n")).withNonces(fixed::clone);
    SealWorld w = new SealWorld(10, seams, "w1");
    Roster members = w.membersSeenBy("w1");
    SignedEnvelope ea = w.replica("w1").put(Key.of("k"), Value.of("aaaaaaaa"));
    SignedEnvelope eb = w.replica("w1").put(Key.of("k"), Value.of("bbbbbbbb"));
    Sealed sa = w.keyring("w1").seal(ea, members);
    w.deliverRotation(sa.rotation().orElseThrow());
    SealedFrame a = sa.frame();
    SealedFrame b = w.keyring("w1").seal(eb, members).frame();

    assertThat(opened(w.keyring("owner").open(a))).isEqualTo(ea);
    assertThat(rejection(w.keyring("owner").open(b)))
        .isEqualTo(
            new FrameRejection.ReplayedNonce(
                a.header().epoch(), b.header().frameId(), a.header().frameId()));
    // Under one nonce the two frames still used different keys (one per frame id): the XOR of the
    // ciphertexts is not the XOR of the plaintexts, so the repetition itself leaks nothing.
    byte[] pa = EnvelopeCodec.encode(ea);
    byte[] pb = EnvelopeCodec.encode(eb);
    byte[] ca = a.ciphertext();
    byte[] cb = b.ciphertext();
    int n = Math.min(pa.length, pb.length);
    int equalXors = 0;
    for (int i = 0; i < n; i++) {
      equalXors += ((ca[4 + i] ^ cb[4 + i]) == (pa[i] ^ pb[i])) ? 1 : 0;
    }
    assertThat(equalXors).isLessThan(n / 8);
  }

  @Test
  void open_standardNonces_twoThousandFramesNeverRepeatANonce() {
    SealWorld w = new SealWorld(11, "w1");
    java.util.Set<String> seen = new java.util.HashSet<>();
    Roster members = w.membersSeenBy("w1");
    SignedEnvelope e = w.replica("w1").put(Key.of("k"), Value.of("v"));
    for (int i = 0; i < 2_000; i++) {
      FrameHeader h = w.keyring("w1").seal(e, members).frame().header();
      assertThat(seen.add(java.util.HexFormat.of().formatHex(h.nonce()))).isTrue();
    }
  }

  @Test
  void open_flippedCiphertextByte_isTampered_andTheGenuineFrameStillOpens() {
    SealWorld w = new SealWorld(12, "w1");
    SealedFrame f = w.write("w1", "k", "v").frame();
    byte[] bytes = f.bytes();
    bytes[bytes.length - 20] ^= 0x40;

    assertThat(rejection(w.keyring("owner").open(bytes)))
        .isEqualTo(new FrameRejection.Tampered(f.header().frameId()));
    assertThat(opened(w.keyring("owner").open(f))).isNotNull();
  }

  @Test
  void open_truncatedBytes_isMalformedNamingTheField() {
    SealWorld w = new SealWorld(13, "w1");
    byte[] bytes = w.write("w1", "k", "v").frame().bytes();
    FrameRejection r =
        rejection(w.keyring("owner").open(java.util.Arrays.copyOf(bytes, bytes.length - 1)));
    assertThat(r).isInstanceOf(FrameRejection.Malformed.class);
    assertThat(((FrameRejection.Malformed) r).field()).isEqualTo("ciphertext.length");
  }

  @Test
  void open_unboundAssociatedData_movedSlotOpensAndBlamesTheSealer() {
    SealSeams unbound = SealSeams.standard(SeededEntropy.of(14, "n")).withBinder(h -> new byte[0]);
    SealWorld w = new SealWorld(14, unbound, "w1", "w2");
    SealedFrame f = w.write("w1", "k", "v").frame();
    FrameRejection r =
        rejection(
            w.keyring("owner")
                .open(
                    SealedFrame.of(
                        f.header().withSlot((f.header().slot() + 1) % 3), f.ciphertext())));

    assertThat(r).isInstanceOf(FrameRejection.HeaderDisagrees.class);
    assertThat(r.blamesSealer()).isTrue();
  }

  @Test
  void receive_rotationByNonMemberOrForged_isRejected() {
    SealWorld w = new SealWorld(15, "w1");
    EpochRotation real = w.keyring("w1").rotate(w.membersSeenBy("w1"));
    EpochKeyring owner = w.keyring("owner");

    assertThat(owner.receive(real, id -> Optional.empty()))
        .isEqualTo(
            new RotationResult.Rejected(RotationResult.Reason.NOT_A_MEMBER, "w1 is not a member"));
    assertThat(owner.receive(real, id -> Optional.of(SealWorld.device("mallory").publicKey())))
        .extracting(r -> ((RotationResult.Rejected) r).reason())
        .isEqualTo(RotationResult.Reason.BAD_SIGNATURE);
    byte[] bytes = real.bytes();
    bytes[50] ^= 1;
    assertThat(owner.receive(bytes, w.memberKeys("owner")))
        .isInstanceOf(RotationResult.Rejected.class);
    assertThat(owner.receive(real, w.memberKeys("owner")))
        .isEqualTo(new RotationResult.Installed(real.id(), 1));
    assertThat(owner.receive(real, w.memberKeys("owner")))
        .isEqualTo(new RotationResult.Duplicate(real.id()));
  }

  @Test
  void receive_rotationWrappedToASubstitutedKey_failsToUnwrap_andTheWriterWillNotUseIt() {
    SealWorld w = new SealWorld(16, "w1");
    Recipient relayKey =
        new Recipient(ReplicaId.of("owner"), SealWorld.agreement("relay").publicKey());
    Roster poisoned = Roster.of(List.of(relayKey, w.keyring("w1").recipient()));
    EpochRotation r = w.keyring("w1").rotate(poisoned);

    assertThat(w.keyring("owner").receive(r, w.memberKeys("owner")))
        .extracting(x -> ((RotationResult.Rejected) x).reason())
        .isEqualTo(RotationResult.Reason.UNWRAP_FAILED);
    assertThat(w.keyring("w1").sealingEpoch(w.membersSeenBy("w1"))).isEmpty();
  }

  @Test
  void keyPackage_verifiesUnderItsDeviceKeyOnly() {
    SealWorld w = new SealWorld(17, "w1");
    KeyPackage p = w.keyring("w1").keyPackage();
    assertThat(p.verifies(SealWorld.device("w1").publicKey())).isTrue();
    assertThat(p.verifies(SealWorld.device("owner").publicKey())).isFalse();
    assertThat(p.recipient()).isEqualTo(w.keyring("w1").recipient());
  }

  @Test
  void rotate_byADeviceNotInTheRoster_isRefused() {
    SealWorld w = new SealWorld(18, "w1");
    Roster onlyOwner = Roster.of(List.of(w.keyring("owner").recipient()));
    assertThatThrownBy(() -> w.keyring("w1").rotate(onlyOwner))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("w1 must be a reader");
  }

  @Test
  void toString_ofKeyTypes_showsNoKeyBytes() {
    SealWorld w = new SealWorld(19, "w1");
    AgreementKeyPair k = SealWorld.agreement("w1");
    String hex = java.util.HexFormat.of().formatHex(k.publicKey().raw());
    assertThat(k.toString()).doesNotContain(hex).startsWith("AgreementKeyPair[x25519:");
    assertThat(w.keyring("w1").toString()).isEqualTo("EpochKeyring[w1, 0 readable epochs]");
  }
}
