package dev.entente.properties.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.codec.EnvelopeCodec;
import dev.entente.impl.codec.Hash32;
import dev.entente.impl.codec.SignedEnvelope;
import dev.entente.impl.trust.ReceiveResult;
import dev.entente.impl.trust.TrustedReplica;
import dev.entente.model.Change;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.properties.gen.ModelArbitraries;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.CRC32C;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Laws of the signed envelope and the trusted replica: the codec round-trips canonically, no single
 * damaged byte gets through, a tampered envelope with a recomputed checksum is never applied, and
 * honest replicas converge over any arrival order with forgeries mixed in, none of which is ever
 * applied; equivocation ends in one state and one set of proofs on every replica.
 */
class TrustProperties {
  private static final Hash32 DOC = TrustWorld.genesis().documentId();

  @Provide
  Arbitrary<SignedEnvelope> envelopes() {
    Arbitrary<Change> changes = ModelArbitraries.changes(ModelArbitraries.mixedReplicaIds());
    Arbitrary<List<Hash32>> links =
        Arbitraries.bytes()
            .array(byte[].class)
            .ofSize(32)
            .map(Hash32::of)
            .set()
            .ofMaxSize(5)
            .map(s -> List.copyOf(new TreeSet<>(s)));
    return changes.flatMap(
        c -> links.map(l -> SignedEnvelope.signed(DOC, c, l, TrustWorld.keys("any")::sign)));
  }

  @Property(tries = 200)
  void decode_encodedEnvelope_roundTripsCanonically(@ForAll("envelopes") SignedEnvelope e)
      throws DecodeException {
    byte[] bytes = EnvelopeCodec.encode(e);
    SignedEnvelope back = EnvelopeCodec.decode(bytes);
    assertThat(back).isEqualTo(e);
    assertThat(back.hash()).isEqualTo(e.hash());
    assertThat(EnvelopeCodec.encode(back)).isEqualTo(bytes);
  }

  @Property(tries = 300)
  void decode_anySingleByteChanged_isRejected(
      @ForAll("envelopes") SignedEnvelope e,
      @ForAll @IntRange(min = 0, max = 1 << 20) int where,
      @ForAll @IntRange(min = 1, max = 255) int xor) {
    byte[] bytes = EnvelopeCodec.encode(e);
    int at = where % bytes.length;
    bytes[at] ^= (byte) xor;
    assertThatThrownBy(() -> EnvelopeCodec.decode(bytes))
        .as("byte %d ^ %d", at, xor)
        .isInstanceOf(DecodeException.class);
  }

  @Property(tries = 60)
  void receive_tamperedByteWithChecksumRecomputed_isNeverApplied(
      @ForAll @IntRange(min = 0, max = 1 << 20) int where,
      @ForAll @IntRange(min = 1, max = 255) int xor) {
    List<TrustedReplica> authors = TrustWorld.members(RegisterPolicy.MV);
    TrustedReplica writer = authors.get(2);
    SignedEnvelope honest = writer.put(TrustWorld.KEYS.get(0), dev.entente.model.Value.of("x"));
    byte[] bytes = EnvelopeCodec.encode(honest);
    int at = where % (bytes.length - 4);
    bytes[at] ^= (byte) xor;
    reseal(bytes);
    TrustedReplica receiver = authors.get(3);
    ReceiveResult r = receiver.receive(bytes);
    assertThat(r).isNotInstanceOf(ReceiveResult.Accepted.class);
    assertThat(receiver.envelope(honest.hash())).isEmpty();
    assertThat(receiver.receive(honest)).isInstanceOf(ReceiveResult.Accepted.class);
  }

  @Property(tries = 40)
  void receive_anyOrderWithForgeries_honestReplicasConvergeAndNoForgeryIsApplied(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 25) int steps) {
    List<TrustedReplica> authors = TrustWorld.members(RegisterPolicy.MV);
    List<SignedEnvelope> honest = TrustWorld.script(authors, seed, steps);
    List<SignedEnvelope> forged = TrustWorld.forgeries(honest);
    List<SignedEnvelope> all = new ArrayList<>(honest);
    all.addAll(forged);
    TrustedReplica reference = TrustWorld.replica("ref", RegisterPolicy.MV);
    honest.forEach(reference::receive);
    for (int run = 0; run < 2; run++) {
      Collections.shuffle(all, new Random(seed + run));
      TrustedReplica r = TrustWorld.replica("r" + run, RegisterPolicy.MV);
      all.forEach(r::receive);
      assertThat(r.materialise()).isEqualTo(reference.materialise());
      assertThat(r.acceptedCount()).isEqualTo(honest.size());
      assertThat(r.pendingCount()).isZero();
      for (SignedEnvelope f : forged) {
        r.envelope(f.hash()).ifPresent(e -> assertThat(e.signature()).isNotEqualTo(f.signature()));
      }
    }
  }

  @Property(tries = 30)
  void receive_equivocationInAnyOrder_oneStateAndOneProofEverywhere(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 15) int steps) {
    List<TrustedReplica> authors = TrustWorld.members(RegisterPolicy.MV);
    TrustedReplica twin = TrustWorld.replica("w1", RegisterPolicy.MV);
    TrustWorld.sync(authors.get(2), twin);
    List<SignedEnvelope> honest = new ArrayList<>(TrustWorld.script(authors, seed, steps));
    SignedEnvelope fork = twin.put(TrustWorld.KEYS.get(1), dev.entente.model.Value.of("twin"));
    honest.add(fork);
    Set<String> states = new TreeSet<>();
    Set<String> proofs = new TreeSet<>();
    for (int run = 0; run < 3; run++) {
      Collections.shuffle(honest, new Random(seed * 31 + run));
      TrustedReplica r = TrustWorld.replica("r" + run, RegisterPolicy.MV);
      honest.forEach(r::receive);
      states.add(r.materialise().toString());
      proofs.add(r.equivocations().toString());
      boolean equivocated =
          authors.get(2).versionVector().get(ReplicaId.of("w1")) >= fork.change().seq();
      assertThat(r.equivocations()).hasSize(equivocated ? 1 : 0);
    }
    assertThat(states).hasSize(1);
    assertThat(proofs).hasSize(1);
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
