package dev.entente.impl.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.codec.EnvelopeCodec;
import dev.entente.impl.codec.SignedEnvelope;
import dev.entente.model.Key;
import dev.entente.model.Value;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EnvelopeCodecTest {
  private static SignedEnvelope linkedEnvelope() {
    TrustedReplica owner = TrustFixture.replica("owner");
    owner.put(Key.of("a"), Value.of("1"));
    return owner.put(Key.of("b"), Value.of("2"));
  }

  @Test
  void decode_encode_roundTripsCanonically() throws DecodeException {
    SignedEnvelope e = linkedEnvelope();
    byte[] bytes = EnvelopeCodec.encode(e);
    SignedEnvelope back = EnvelopeCodec.decode(bytes);
    assertThat(back).isEqualTo(e);
    assertThat(back.hash()).isEqualTo(e.hash());
    assertThat(back.links()).isEqualTo(e.links()).hasSize(1);
    assertThat(EnvelopeCodec.encode(back)).isEqualTo(bytes);
  }

  @Test
  void decode_everySingleBitFlip_isRejectedByTheChecksum() {
    SignedEnvelope e = linkedEnvelope();
    byte[] bytes = EnvelopeCodec.encode(e);
    for (int i = 0; i < bytes.length; i++) {
      byte[] flipped = bytes.clone();
      flipped[i] ^= (byte) 0x40;
      int at = i;
      assertThatThrownBy(() -> EnvelopeCodec.decode(flipped))
          .as("flip at byte %d", at)
          .isInstanceOf(DecodeException.class);
    }
  }

  @Test
  void decode_checksumRecomputedAfterTamper_failsSignatureNotCodec() throws DecodeException {
    TrustedReplica owner = TrustFixture.replica("owner");
    SignedEnvelope e = owner.put(Key.of("a"), Value.of("1"));
    byte[] sig = e.signature();
    sig[0] ^= 1;
    byte[] forged =
        EnvelopeCodec.encode(SignedEnvelope.of(e.document(), e.change(), e.links(), sig));
    assertThat(Arrays.equals(forged, EnvelopeCodec.encode(e))).isFalse();
    SignedEnvelope decoded = EnvelopeCodec.decode(forged);
    ReceiveResult r = TrustFixture.replica("p").receive(EnvelopeCodec.encode(decoded));
    assertThat(((ReceiveResult.Rejected) r).rejection()).isInstanceOf(Rejection.BadSignature.class);
  }

  @Test
  void decode_wrongVersion_namesTheField() {
    byte[] bytes = EnvelopeCodec.encode(linkedEnvelope());
    bytes[4] = 2;
    fixChecksum(bytes);
    assertThatThrownBy(() -> EnvelopeCodec.decode(bytes))
        .isInstanceOfSatisfying(
            DecodeException.class,
            ex -> {
              assertThat(ex.offset()).isEqualTo(4);
              assertThat(ex.field()).isEqualTo("envelope.version");
            });
  }

  @Test
  void decode_linkCountTooSmall_isRejectedAsTrailingBytes() {
    byte[] bytes = EnvelopeCodec.encode(linkedEnvelope());
    int linksCountAt = bytes.length - 4 - 64 - 32 - 2;
    bytes[linksCountAt + 1] = 0; // claim zero links: the 32 link bytes become trailing
    fixChecksum(bytes);
    assertThatThrownBy(() -> EnvelopeCodec.decode(bytes))
        .isInstanceOfSatisfying(
            DecodeException.class, ex -> assertThat(ex.reason()).contains("trailing bytes"));
  }

  private static void fixChecksum(byte[] bytes) {
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(bytes, 0, bytes.length - 4);
    long v = crc.getValue();
    for (int i = 0; i < 4; i++) {
      bytes[bytes.length - 4 + i] = (byte) (v >>> (24 - 8 * i));
    }
  }
}
