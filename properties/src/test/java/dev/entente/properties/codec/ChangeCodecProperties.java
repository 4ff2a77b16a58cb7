package dev.entente.properties.codec;

import static dev.entente.properties.codec.CodecBytes.concat;
import static dev.entente.properties.codec.CodecBytes.flip;
import static dev.entente.properties.codec.CodecBytes.overwritten;
import static dev.entente.properties.codec.CodecBytes.resealed;
import static dev.entente.properties.codec.CodecBytes.sealed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.impl.codec.ChangeCodec;
import dev.entente.impl.codec.DecodeException;
import dev.entente.model.Change;
import dev.entente.model.Key;
import dev.entente.model.Op;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import dev.entente.model.VersionVector;
import dev.entente.properties.gen.ModelArbitraries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/**
 * Laws of {@link ChangeCodec}: decoding inverts encoding, equal changes (and only they) encode
 * alike, and every damaged or foreign input is rejected with a {@link DecodeException} and never
 * with any other exception.
 */
class ChangeCodecProperties {
  private static final byte[] HEADER = {'E', 'N', 'T', 'C', 1};

  @Provide
  Arbitrary<Change> changes() {
    return ModelArbitraries.changes(ModelArbitraries.mixedReplicaIds());
  }

  @Property
  void decode_encodedChange_roundTrips(@ForAll("changes") Change change) throws DecodeException {
    byte[] bytes = ChangeCodec.encode(change);

    assertThat(ChangeCodec.decode(bytes)).isEqualTo(change);
    assertThat(ChangeCodec.encode(ChangeCodec.decode(bytes))).isEqualTo(bytes);
  }

  @Property
  void encode_equalChangeBuiltDifferently_givesEqualBytesAndHash(@ForAll("changes") Change change) {
    // Rebuild from fresh strings, a reversed seen map with the author's entry spelled out (or
    // dropped), and a mutable op list: every spelling of the same change is one encoding.
    Map<ReplicaId, Long> seen = new LinkedHashMap<>();
    List<ReplicaId> replicas = new ArrayList<>(change.seen().entries().keySet());
    for (int i = replicas.size() - 1; i >= 0; i--) {
      seen.put(
          ReplicaId.of(new String(replicas.get(i).value())), change.seen().get(replicas.get(i)));
    }
    seen.put(change.author(), change.seq() % 2 == 0 ? change.seq() - 1 : 0L);
    List<Op> ops = new ArrayList<>();
    for (Op op : change.ops()) {
      ops.add(copyOf(op));
    }
    Change rebuilt =
        new Change(
            ReplicaId.of(new String(change.author().value())),
            change.seq(),
            change.timestamp(),
            VersionVector.of(seen),
            ops);

    assertThat(rebuilt).isEqualTo(change);
    assertThat(ChangeCodec.encode(rebuilt)).isEqualTo(ChangeCodec.encode(change));
    assertThat(ChangeCodec.contentHashHex(rebuilt)).isEqualTo(ChangeCodec.contentHashHex(change));
  }

  @Property
  void encode_twoChanges_equalBytesExactlyWhenEqual(
      @ForAll("changes") Change first, @ForAll("changes") Change second) {
    boolean sameBytes = Arrays.equals(ChangeCodec.encode(first), ChangeCodec.encode(second));
    boolean sameHash =
        Arrays.equals(ChangeCodec.contentHash(first), ChangeCodec.contentHash(second));

    assertThat(sameBytes).isEqualTo(first.equals(second));
    assertThat(sameHash).isEqualTo(sameBytes);
  }

  @Property
  void decode_everyTruncation_rejected(@ForAll("changes") Change change) {
    byte[] bytes = ChangeCodec.encode(change);

    for (int length = 0; length < bytes.length; length++) {
      CodecBytes.assertRejected(
          ChangeCodec::decode, Arrays.copyOf(bytes, length), "a prefix of %d of %d bytes", length);
    }
  }

  @Property
  void decode_everySingleBitFlip_rejected(@ForAll("changes") Change change) {
    byte[] bytes = ChangeCodec.encode(change);

    for (int bit = 0; bit < bytes.length * 8; bit++) {
      flip(bytes, bit);
      CodecBytes.assertRejected(
          ChangeCodec::decode, bytes, "the encoding with bit %d of its %d bytes flipped", bit);
      flip(bytes, bit);
    }
  }

  @Property
  void decode_appendedBytes_rejected(
      @ForAll("changes") Change change, @ForAll @Size(min = 1, max = 8) byte[] extra) {
    byte[] longer = concat(ChangeCodec.encode(change), extra);

    assertThatThrownBy(() -> ChangeCodec.decode(longer)).isInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> ChangeCodec.decode(resealed(concat(longer, new byte[4]))))
        .isInstanceOf(DecodeException.class);
  }

  @Property
  void decode_randomBytes_onlyDecodeException(@ForAll @Size(max = 300) byte[] garbage) {
    CodecBytes.decodeIsCanonicalOrRejected(ChangeCodec::decode, ChangeCodec::encode, garbage);
  }

  @Property
  void decode_sealedGarbageAfterValidHeader_onlyDecodeException(
      @ForAll @Size(max = 300) byte[] garbage) {
    // The checksum and header are right, so the parser itself meets the garbage.
    CodecBytes.decodeIsCanonicalOrRejected(
        ChangeCodec::decode, ChangeCodec::encode, sealed(concat(HEADER, garbage)));
  }

  @Property
  void decode_resealedAfterOverwrite_isCanonicalOrRejected(
      @ForAll("changes") Change change,
      @ForAll @IntRange(max = 1000) int position,
      @ForAll @Size(min = 1, max = 9) byte[] replacement) {
    // Damage the body anywhere, then fix the checksum: whatever still decodes must re-encode to
    // exactly the same bytes, or two byte strings would name one change.
    byte[] bytes = ChangeCodec.encode(change);
    int at = position % (bytes.length - 4);
    byte[] damaged = resealed(overwritten(bytes, at, replacement));

    CodecBytes.decodeIsCanonicalOrRejected(ChangeCodec::decode, ChangeCodec::encode, damaged);
    // Some damage must survive decoding, or this property would test nothing but rejection.
    Statistics.coverage(checker -> checker.check("decoded").percentage(p -> p >= 2.0));
  }

  private static Op copyOf(Op op) {
    Key key = Key.of(new String(op.key().value()));
    if (op instanceof Op.Put put) {
      return new Op.Put(key, Value.of(new String(put.value().value())));
    }
    return new Op.Delete(key);
  }
}
