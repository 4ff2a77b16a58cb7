package dev.entente.properties.codec;

import static dev.entente.properties.codec.CodecBytes.concat;
import static dev.entente.properties.codec.CodecBytes.flip;
import static dev.entente.properties.codec.CodecBytes.overwritten;
import static dev.entente.properties.codec.CodecBytes.resealed;
import static dev.entente.properties.codec.CodecBytes.sealed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.ReplicaState;
import dev.entente.impl.codec.ChangeCodec;
import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.codec.ReplicaStateCodec;
import dev.entente.model.Change;
import dev.entente.properties.gen.ModelArbitraries;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/**
 * Laws of {@link ReplicaStateCodec}: decoding inverts encoding, the encoding does not depend on the
 * order or multiplicity the changes were given in, and every damaged or foreign input is rejected
 * with a {@link DecodeException} and never with any other exception.
 */
class ReplicaStateCodecProperties {
  private static final byte[] HEADER = {'E', 'N', 'T', 'S', 1};

  @Provide
  Arbitrary<ReplicaState> states() {
    Arbitrary<List<Change>> changes =
        ModelArbitraries.changes(ModelArbitraries.mixedReplicaIds())
            .list()
            .ofMaxSize(6)
            .uniqueElements(Change::dot);
    return Combinators.combine(ModelArbitraries.policies(), changes).as(ReplicaState::new);
  }

  @Property
  void decode_encodedState_roundTrips(@ForAll("states") ReplicaState state) throws DecodeException {
    byte[] bytes = ReplicaStateCodec.encode(state);

    assertThat(ReplicaStateCodec.decode(bytes)).isEqualTo(state);
    assertThat(ReplicaStateCodec.encode(ReplicaStateCodec.decode(bytes))).isEqualTo(bytes);
  }

  @Property
  void encode_changesShuffledAndDuplicated_givesEqualBytes(
      @ForAll("states") ReplicaState state, @ForAll long seed) {
    List<Change> changes = new ArrayList<>(state.changes());
    changes.addAll(state.changes().subList(0, state.changes().size() / 2));
    Collections.shuffle(changes, new Random(seed));

    byte[] rebuilt = ReplicaStateCodec.encode(ReplicaState.of(state.policy(), changes));

    assertThat(rebuilt).isEqualTo(ReplicaStateCodec.encode(state));
  }

  @Property
  void encode_state_embedsEachChangeEncoding(@ForAll("states") ReplicaState state) {
    byte[] bytes = ReplicaStateCodec.encode(state);
    int at = 4 + 1 + 1 + 4;
    for (Change change : state.changes()) {
      byte[] encoded = ChangeCodec.encode(change);
      at += 4;
      assertThat(Arrays.copyOfRange(bytes, at, at + encoded.length)).isEqualTo(encoded);
      at += encoded.length;
    }
    assertThat(bytes.length).isEqualTo(at + 4);
  }

  @Property
  void decode_everyTruncation_rejected(@ForAll("states") ReplicaState state) {
    byte[] bytes = ReplicaStateCodec.encode(state);

    for (int length = 0; length < bytes.length; length++) {
      CodecBytes.assertRejected(
          ReplicaStateCodec::decode,
          Arrays.copyOf(bytes, length),
          "a prefix of %d of %d bytes",
          length);
    }
  }

  @Property
  void decode_everySingleBitFlip_rejected(@ForAll("states") ReplicaState state) {
    byte[] bytes = ReplicaStateCodec.encode(state);

    for (int bit = 0; bit < bytes.length * 8; bit++) {
      flip(bytes, bit);
      CodecBytes.assertRejected(
          ReplicaStateCodec::decode,
          bytes,
          "the encoding with bit %d of its %d bytes flipped",
          bit);
      flip(bytes, bit);
    }
  }

  @Property
  void decode_randomBytes_onlyDecodeException(@ForAll @Size(max = 300) byte[] garbage) {
    CodecBytes.decodeIsCanonicalOrRejected(
        ReplicaStateCodec::decode, ReplicaStateCodec::encode, garbage);
  }

  @Property
  void decode_sealedGarbageAfterValidHeader_onlyDecodeException(
      @ForAll @Size(max = 300) byte[] garbage) {
    CodecBytes.decodeIsCanonicalOrRejected(
        ReplicaStateCodec::decode, ReplicaStateCodec::encode, sealed(concat(HEADER, garbage)));
  }

  @Property
  void decode_resealedAfterOverwrite_isCanonicalOrRejected(
      @ForAll("states") ReplicaState state,
      @ForAll @IntRange(max = 10_000) int position,
      @ForAll @Size(min = 1, max = 9) byte[] replacement) {
    byte[] bytes = ReplicaStateCodec.encode(state);
    int at = position % (bytes.length - 4);

    CodecBytes.decodeIsCanonicalOrRejected(
        ReplicaStateCodec::decode,
        ReplicaStateCodec::encode,
        resealed(overwritten(bytes, at, replacement)));
  }

  @Property
  void decode_sealedStateOfDamagedChange_isCanonicalOrRejected(
      @ForAll("states") ReplicaState state,
      @ForAll @IntRange(max = 10_000) int position,
      @ForAll @Size(min = 1, max = 9) byte[] replacement) {
    // Damage one embedded change and reseal both it and the state, so that the nested decoder
    // and the state's order checks meet the damage instead of a checksum.
    List<byte[]> changes = new ArrayList<>();
    for (Change change : state.changes()) {
      changes.add(ChangeCodec.encode(change));
    }
    if (!changes.isEmpty()) {
      int victim = position % changes.size();
      byte[] encoded = changes.get(victim);
      int at = position % (encoded.length - 4);
      changes.set(victim, resealed(overwritten(encoded, at, replacement)));
    }

    CodecBytes.decodeIsCanonicalOrRejected(
        ReplicaStateCodec::decode, ReplicaStateCodec::encode, assemble(policyTag(state), changes));
    // Some damage must survive decoding, or this property would test nothing but rejection.
    Statistics.coverage(checker -> checker.check("decoded").percentage(p -> p >= 2.0));
  }

  private static int policyTag(ReplicaState state) {
    return ReplicaStateCodec.encode(new ReplicaState(state.policy(), List.of()))[5];
  }

  /** A sealed state encoding of the given (possibly invalid) change encodings, in order. */
  private static byte[] assemble(int policyTag, List<byte[]> changes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(HEADER);
    out.write(policyTag);
    writeU32(out, changes.size());
    for (byte[] change : changes) {
      writeU32(out, change.length);
      out.writeBytes(change);
    }
    return sealed(out.toByteArray());
  }

  private static void writeU32(ByteArrayOutputStream out, int value) {
    for (int shift = 24; shift >= 0; shift -= 8) {
      out.write(value >>> shift);
    }
  }
}
