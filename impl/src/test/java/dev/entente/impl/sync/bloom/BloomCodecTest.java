package dev.entente.impl.sync.bloom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.sync.rbsr.SyncId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Bloom sync codec's layout and its typed rejections. */
class BloomCodecTest {
  private static final Change ROOT = Change.of(List.of(), 5, 1);
  private static final Change CHILD = Change.of(List.of(ROOT.id()), 6, 2);

  private static BloomMessage message(byte[] salt) {
    Have have = new Have(List.of(), BloomFilter.of(List.of(ROOT.id(), CHILD.id()), salt));
    return new BloomMessage(
        List.of(CHILD.id()), List.of(ROOT.id()), Optional.of(have), List.of(ROOT, CHILD));
  }

  private static DecodeException rejection(byte[] bytes) {
    try {
      BloomCodec.decode(bytes);
    } catch (DecodeException e) {
      return e;
    }
    throw new AssertionError("accepted " + Arrays.toString(bytes));
  }

  @Test
  void decode_encoded_roundTrips() throws DecodeException {
    for (byte[] salt : List.of(new byte[0], new byte[16])) {
      BloomMessage m = message(salt);
      assertThat(BloomCodec.decode(BloomCodec.encode(m))).isEqualTo(m);
    }
  }

  @Test
  void encode_emptyMessage_isFiveBytes() {
    byte[] bytes =
        BloomCodec.encode(new BloomMessage(List.of(), List.of(), Optional.empty(), List.of()));
    assertThat(bytes).containsExactly(1, 0, 0, 0, 0);
  }

  @Test
  void decode_otherVersion_rejectedAtByteZero() {
    byte[] bytes = BloomCodec.encode(message(new byte[0]));
    bytes[0] = 2;
    assertThat(rejection(bytes).field()).isEqualTo("message.version");
    assertThat(rejection(bytes).offset()).isZero();
  }

  @Test
  void decode_headsOutOfOrder_rejectedNamingTheSecond() {
    SyncId low = ROOT.id().compareTo(CHILD.id()) < 0 ? ROOT.id() : CHILD.id();
    SyncId high = low.equals(ROOT.id()) ? CHILD.id() : ROOT.id();
    byte[] bytes = new byte[1 + 1 + 64];
    bytes[0] = 1;
    bytes[1] = 2;
    System.arraycopy(high.bytes(), 0, bytes, 2, 32);
    System.arraycopy(low.bytes(), 0, bytes, 34, 32);
    DecodeException e = rejection(bytes);
    assertThat(e.field()).isEqualTo("message.heads[1]");
    assertThat(e.offset()).isEqualTo(34);
  }

  @Test
  void decode_otherProbeCount_rejected() {
    byte[] bytes = BloomCodec.encode(message(new byte[0]));
    // version, heads (1 + 32), need (1 + 32), have kind, lastSync count, entries, bitsPerEntry
    int probesAt = 1 + 33 + 33 + 1 + 1 + 1 + 1;
    bytes[probesAt] = 8;
    assertThat(rejection(bytes).field()).isEqualTo("message.have.probes");
    assertThat(rejection(bytes).offset()).isEqualTo(probesAt);
  }

  @Test
  void decode_forgedChangeCount_rejectedWithoutAllocating() {
    byte[] bytes = {1, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F};
    assertThat(rejection(bytes).field()).isEqualTo("message.changes.count");
  }

  @Test
  void decode_sameChangeTwice_rejected() {
    byte[] body = ROOT.body();
    byte[] bytes = new byte[5 + 2 * (1 + body.length)];
    bytes[0] = 1;
    bytes[4] = 2;
    bytes[5] = (byte) body.length;
    System.arraycopy(body, 0, bytes, 6, body.length);
    bytes[6 + body.length] = (byte) body.length;
    System.arraycopy(body, 0, bytes, 7 + body.length, body.length);
    DecodeException e = rejection(bytes);
    assertThat(e.field()).isEqualTo("message.changes[1]");
    assertThat(e.reason()).contains("twice");
  }

  @Test
  void decode_trailingByte_rejected() {
    byte[] ok = BloomCodec.encode(message(new byte[16]));
    byte[] bytes = Arrays.copyOf(ok, ok.length + 1);
    assertThat(rejection(bytes).offset()).isEqualTo(ok.length);
  }

  @Test
  void decode_truncatedBody_rejectedInsideTheChange() {
    byte[] ok = BloomCodec.encode(message(new byte[0]));
    DecodeException e = rejection(Arrays.copyOf(ok, ok.length - 3));
    assertThat(e.field()).startsWith("message.changes[1]");
  }
}
