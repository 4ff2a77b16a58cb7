package dev.entente.properties.seal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.codec.EnvelopeCodec;
import dev.entente.impl.codec.Hash32;
import dev.entente.impl.codec.SignedEnvelope;
import dev.entente.impl.seal.EpochKeyring;
import dev.entente.impl.seal.EpochRotation;
import dev.entente.impl.seal.FrameCodec;
import dev.entente.impl.seal.FrameHeader;
import dev.entente.impl.seal.FrameRejection;
import dev.entente.impl.seal.OpenResult;
import dev.entente.impl.seal.Sealed;
import dev.entente.impl.seal.SealedFrame;
import dev.entente.impl.trust.BatchSignature;
import dev.entente.impl.trust.MembershipOp;
import dev.entente.impl.trust.ReceiveResult;
import dev.entente.impl.trust.SignedBatch;
import dev.entente.impl.trust.TrustedReplica;
import dev.entente.model.Key;
import dev.entente.model.Op;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * Laws of sealing and batch signing: a sealed frame round-trips through its codec and opens to the
 * envelope sealed; no single changed byte of a frame ever opens; a frame moved to another document,
 * epoch, slot or frame id never opens; a batch round-trips, and any changed byte of its signature
 * or of one member keeps that member (or the whole batch) from being applied.
 */
class SealProperties {
  private static Sealed seal(SealWorld w, String author, String key, String value) {
    SignedEnvelope e = w.replicas.get(author).put(Key.of(key), Value.of(value));
    return w.keyrings.get(author).seal(e, w.members(author));
  }

  @Property(tries = 30)
  void open_sealedFrame_roundTripsToTheEnvelope(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 2) int author,
      @ForAll @StringLength(max = 300) String value)
      throws DecodeException {
    SealWorld w = new SealWorld(seed);
    String name = SealWorld.DEVICES.get(author);
    Sealed s = seal(w, name, "k", value);
    byte[] bytes = s.frame().bytes();

    assertThat(FrameCodec.decode(bytes)).isEqualTo(s.frame());
    assertThat(FrameCodec.encode(FrameCodec.decode(bytes))).isEqualTo(bytes);
    for (String reader : SealWorld.DEVICES) {
      EpochKeyring opener = w.opener(reader, seed, List.of(s.rotation().orElseThrow()));
      OpenResult r = opener.open(bytes);
      assertThat(r).isInstanceOf(OpenResult.Opened.class);
      assertThat(((OpenResult.Opened) r).envelope()).isEqualTo(envelopeOf(w, name, s));
    }
  }

  private static SignedEnvelope envelopeOf(SealWorld w, String author, Sealed s) {
    TrustedReplica r = w.replicas.get(author);
    return r.envelope(r.heads().get(0)).orElseThrow();
  }

  @Property(tries = 200)
  void open_anySingleByteChanged_neverOpens(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 1 << 20) int where,
      @ForAll @IntRange(min = 1, max = 255) int xor) {
    SealWorld w = new SealWorld(seed);
    Sealed s = seal(w, "w1", "k", "value " + seed);
    byte[] bytes = s.frame().bytes();
    int at = where % bytes.length;
    bytes[at] ^= (byte) xor;

    EpochKeyring opener = w.opener("owner", seed, List.of(s.rotation().orElseThrow()));
    OpenResult r = opener.open(bytes);
    assertThat(r).as("byte %d ^ %d", at, xor).isInstanceOf(OpenResult.Rejected.class);
    assertThat(((OpenResult.Rejected) r).rejection().blamesSealer()).isFalse();
    assertThat(opener.open(s.frame())).isInstanceOf(OpenResult.Opened.class);
  }

  @Property(tries = 60)
  void open_frameMovedToAnotherDocumentEpochSlotOrId_neverOpens(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 3) int move, @ForAll int salt) {
    SealWorld w = new SealWorld(seed);
    Sealed first = seal(w, "w1", "k", "a");
    w.replicas.get("owner").changeMembership(new MembershipOp.Remove(ReplicaId.of("w2")));
    w.syncAll();
    Sealed second = seal(w, "owner", "k", "b");
    FrameHeader h = first.frame().header();
    FrameHeader moved =
        switch (move) {
          case 0 -> h.withDocument(Hash32.sha256(new byte[] {(byte) salt}));
          case 1 -> h.withEpoch(second.frame().header().epoch());
          case 2 -> h.withSlot((h.slot() + 1 + Math.floorMod(salt, 2)) % 3);
          default -> h.withFrameId(second.frame().header().frameId());
        };
    SealedFrame frame = SealedFrame.of(moved, first.frame().ciphertext());

    List<EpochRotation> rotations =
        List.of(first.rotation().orElseThrow(), second.rotation().orElseThrow());
    EpochKeyring opener = w.opener("owner", seed, rotations);
    OpenResult r = opener.open(frame);
    assertThat(r).isInstanceOf(OpenResult.Rejected.class);
    FrameRejection why = ((OpenResult.Rejected) r).rejection();
    assertThat(why.blamesSealer()).isFalse();
    if (move > 0) {
      assertThat(why).isInstanceOf(FrameRejection.Tampered.class);
    }
  }

  private static List<List<Op>> puts(int n, long seed) {
    List<List<Op>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(List.of(Op.put("k" + Math.floorMod(seed + i, 4), "v" + i)));
    }
    return out;
  }

  @Property(tries = 40)
  void receive_batch_roundTripsEveryMember(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 64) int n) {
    SealWorld w = new SealWorld(seed);
    SignedBatch batch = w.replicas.get("w1").transactBatch(puts(n, seed));
    TrustedReplica owner = w.replicas.get("owner");

    List<ReceiveResult> results = owner.receive(batch);
    assertThat(results).hasSize(n).allMatch(r -> r instanceof ReceiveResult.Accepted);
    assertThat(owner.materialise()).isEqualTo(w.replicas.get("w1").materialise());
  }

  @Property(tries = 50)
  void receive_batchSignatureByteChanged_appliesNoMember(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 16) int n,
      @ForAll @IntRange(min = 0, max = 63) int at,
      @ForAll @IntRange(min = 1, max = 255) int xor) {
    SealWorld w = new SealWorld(seed);
    SignedBatch batch = w.replicas.get("w1").transactBatch(puts(n, seed));
    byte[] sig = batch.signature().signature();
    sig[at] ^= (byte) xor;
    BatchSignature bad =
        BatchSignature.of(batch.signature().document(), batch.signature().leaves(), sig);
    List<SignedEnvelope> envelopes = new ArrayList<>();
    for (SignedEnvelope e : batch.envelopes()) {
      envelopes.add(SignedEnvelope.of(e.document(), e.change(), e.links(), sig));
    }
    TrustedReplica owner = w.replicas.get("owner");
    int before = owner.acceptedCount();

    owner.receive(new SignedBatch(bad, envelopes));
    assertThat(owner.acceptedCount()).isEqualTo(before);
    assertThat(owner.receive(batch)).allMatch(r -> r instanceof ReceiveResult.Accepted);
  }

  @Property(tries = 150)
  void receive_batchMemberByteChangedWithChecksumRecomputed_isNeverApplied_othersAre(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 16) int n,
      @ForAll @IntRange(min = 0, max = 15) int which,
      @ForAll @IntRange(min = 0, max = 1 << 20) int where,
      @ForAll @IntRange(min = 1, max = 255) int xor) {
    SealWorld w = new SealWorld(seed);
    SignedBatch batch = w.replicas.get("w1").transactBatch(puts(n, seed));
    int victim = which % n;
    byte[] bytes = EnvelopeCodec.encode(batch.envelopes().get(victim));
    int at = where % (bytes.length - 4);
    bytes[at] ^= (byte) xor;
    reseal(bytes);
    TrustedReplica owner = w.replicas.get("owner");
    owner.announce(batch.signature());
    for (int i = 0; i < n; i++) {
      ReceiveResult r =
          i == victim ? owner.receive(bytes) : owner.receive(batch.envelopes().get(i));
      if (i < victim) {
        assertThat(r).isInstanceOf(ReceiveResult.Accepted.class);
      }
      if (i == victim) {
        assertThat(r).as("byte %d ^ %d", at, xor).isNotInstanceOf(ReceiveResult.Accepted.class);
      }
    }
    assertThat(owner.envelope(batch.envelopes().get(victim).hash())).isEmpty();
  }

  private static void reseal(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bytes.length - 4);
    long v = crc.getValue();
    for (int i = 0; i < 4; i++) {
      bytes[bytes.length - 4 + i] = (byte) (v >>> (24 - 8 * i));
    }
  }
}
