package dev.entente.impl.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.impl.Replica;
import dev.entente.impl.clock.LamportClock;
import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.codec.SnapshotCodec;
import dev.entente.model.Key;
import dev.entente.model.KeyGroups;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SnapshotCodecTest {
  @ParameterizedTest
  @EnumSource(RegisterPolicy.class)
  void decode_ofEncode_isTheSameSnapshotAndReencodesToTheSameBytes(RegisterPolicy policy)
      throws DecodeException {
    Snapshot snapshot = sample(policy).snapshot();

    byte[] bytes = SnapshotCodec.encode(snapshot);
    Snapshot decoded = SnapshotCodec.decode(bytes);

    assertThat(decoded).isEqualTo(snapshot);
    assertThat(SnapshotCodec.encode(decoded)).isEqualTo(bytes);
  }

  @ParameterizedTest
  @EnumSource(RegisterPolicy.class)
  void decode_everyTruncation_isRefusedWithOffsetAndField(RegisterPolicy policy) {
    byte[] bytes = SnapshotCodec.encode(sample(policy).snapshot());

    for (int length = 0; length < bytes.length; length++) {
      byte[] cut = Arrays.copyOf(bytes, length);
      int kept = length;
      assertThatThrownBy(() -> SnapshotCodec.decode(cut))
          .as("truncated to %d bytes", length)
          .isInstanceOfSatisfying(
              DecodeException.class,
              e -> {
                assertThat(e.offset()).isBetween(0, kept);
                assertThat(e.field()).startsWith("snapshot");
              });
    }
  }

  @ParameterizedTest
  @EnumSource(RegisterPolicy.class)
  void decode_everySingleBitFlip_isRefusedWithOffsetAndField(RegisterPolicy policy) {
    byte[] bytes = SnapshotCodec.encode(sample(policy).snapshot());

    for (int bit = 0; bit < bytes.length * 8; bit++) {
      byte[] flipped = bytes.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      int at = bit;
      assertThatThrownBy(() -> SnapshotCodec.decode(flipped))
          .as("bit %d flipped", at)
          .isInstanceOfSatisfying(
              DecodeException.class,
              e -> {
                assertThat(e.offset()).isBetween(0, bytes.length);
                assertThat(e.field()).startsWith("snapshot");
              });
    }
  }

  @Test
  void decode_aFlipInTheEntriesBody_namesTheEntriesChecksum() {
    byte[] bytes = SnapshotCodec.encode(sample(RegisterPolicy.LWW).snapshot());
    byte[] flipped = bytes.clone();
    flipped[bytes.length - 30] ^= 1;

    assertThatThrownBy(() -> SnapshotCodec.decode(flipped))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("checksum")
        .hasMessageContaining("CRC-32C mismatch");
  }

  @Test
  void encode_ofEqualStatesReachedInDifferentOrders_isEqual() {
    Replica a = replica("A", RegisterPolicy.LWW);
    Replica b = replica("B", RegisterPolicy.LWW);
    var x = a.put(Key.of("x"), Value.of("1"));
    var y = b.put(Key.of("y"), Value.of("2"));
    var z = b.delete(Key.of("x"));
    Replica one = replica("C", RegisterPolicy.LWW);
    Replica two = replica("C", RegisterPolicy.LWW);
    one.apply(x);
    one.apply(y);
    one.apply(z);
    two.apply(z);
    two.apply(x);
    two.apply(y);

    assertThat(SnapshotCodec.encode(one.snapshot()))
        .isEqualTo(SnapshotCodec.encode(two.snapshot()));
  }

  /** A small replica with siblings, a delete, an overwrite, other authors and (MV, CG) pending. */
  static Replica sample(RegisterPolicy policy) {
    Replica a = replica("A", policy);
    Replica b = replica("B", policy);
    a.put(Key.of("doc/title"), Value.of("one"));
    a.put(Key.of("doc/body"), Value.of("text"));
    var fromB = b.put(Key.of("doc/title"), Value.of("two"));
    var later = b.put(Key.of("doc/tags"), Value.of("x"));
    a.delete(Key.of("doc/body"));
    a.put(Key.of("\u00fc/key"), Value.of("\u00fcn\u00efcode"));
    a.apply(later);
    a.apply(fromB);
    Replica c = replica("C", policy);
    c.apply(fromB);
    a.apply(c.put(Key.of("doc/title"), Value.of("three")));
    Replica d = replica("D", policy);
    d.put(Key.of("never/sent"), Value.of("lost"));
    a.apply(d.put(Key.of("waits"), Value.of("for d:1")));
    return a;
  }

  static Replica replica(String id, RegisterPolicy policy) {
    return Replica.create(ReplicaId.of(id), policy, KeyGroups.byParentPath(), new LamportClock());
  }
}
