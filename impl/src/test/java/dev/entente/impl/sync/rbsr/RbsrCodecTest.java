package dev.entente.impl.sync.rbsr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.impl.codec.DecodeException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The RBSR frame layout byte by byte, and each canonical rule's rejection with its location. */
class RbsrCodecTest {
  private static final byte[] FP = new byte[16];

  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s.replace(" ", ""));
  }

  private static DecodeException rejection(String hex) {
    try {
      RbsrCodec.decode(hex(hex), 32);
    } catch (DecodeException e) {
      return e;
    }
    throw new AssertionError("decoded: " + hex);
  }

  @Test
  void encode_skipThenFingerprintToInfinity_isTheDocumentedLayout() {
    Frame frame =
        new Frame(
            new byte[0],
            List.of(
                Range.skip(Bound.of(5, new byte[] {7})), Range.fingerprint(Bound.INFINITY, FP)));

    // version 1, flags 0 | ts 1+5, header (1<<2)|0, prefix 07 | ts 0 (inf), header 0|1, 16 bytes
    assertThat(HexFormat.of().formatHex(RbsrCodec.encode(frame)))
        .isEqualTo("0100" + "060407" + "0001" + "00".repeat(16));
  }

  @Test
  void decode_unknownVersion_isRejectedAtByteZero() {
    DecodeException e = rejection("0200 0001" + "00".repeat(16));
    assertThat(e.offset()).isZero();
    assertThat(e.field()).isEqualTo("frame.version");
  }

  @Test
  void decode_unknownFlag_isRejectedAtTheFlags() {
    DecodeException e = rejection("0102 0001" + "00".repeat(16));
    assertThat(e.offset()).isEqualTo(1);
    assertThat(e.field()).isEqualTo("frame.flags");
  }

  @Test
  void decode_overlongVarint_isRejectedAsNotShortest() {
    DecodeException e = rejection("0100 8000 01" + "00".repeat(16));
    assertThat(e.offset()).isEqualTo(2);
    assertThat(e.field()).isEqualTo("frame.ranges[0].timestamp");
    assertThat(e.reason()).contains("shortest");
  }

  @Test
  void decode_twoSkipsInARow_areNotCanonical() {
    DecodeException e = rejection("0100 0200 0200 0001" + "00".repeat(16));
    assertThat(e.field()).isEqualTo("frame.ranges[1].mode");
  }

  @Test
  void decode_trailingSkip_isNotCanonical() {
    DecodeException e = rejection("0100 0201" + "00".repeat(16) + "0200");
    assertThat(e.field()).isEqualTo("frame.ranges");
  }

  @Test
  void decode_prefixEndingInZero_isRejectedAtThePrefix() {
    DecodeException e = rejection("0100 060500" + "00".repeat(16));
    assertThat(e.offset()).isEqualTo(4);
    assertThat(e.field()).isEqualTo("frame.ranges[0].prefix");
  }

  @Test
  void decode_boundNotAbovePrevious_isRejected() {
    // ts 5 then delta 0 with an empty prefix: the same point twice.
    DecodeException e = rejection("0100 0601" + "00".repeat(16) + "0101" + "00".repeat(16));
    assertThat(e.offset()).isEqualTo(20);
    assertThat(e.field()).isEqualTo("frame.ranges[1].upper");
  }

  @Test
  void decode_infinityWithPrefix_isRejectedAtTheHeader() {
    DecodeException e = rejection("0100 0005 07" + "00".repeat(16));
    assertThat(e.field()).isEqualTo("frame.ranges[0].header");
  }

  @Test
  void decode_tagsOutOfOrder_areRejectedAtTheSecondTag() {
    DecodeException e = rejection("0100 0002 02" + "02".repeat(8) + "01".repeat(8));
    assertThat(e.offset()).isEqualTo(13);
    assertThat(e.field()).isEqualTo("frame.ranges[0].tags[1]");
  }

  @Test
  void decode_tagCountOverTheLimit_isRejectedBeforeReading() {
    DecodeException e = rejection("0100 0002 21" + "01".repeat(8));
    assertThat(e.field()).isEqualTo("frame.ranges[0].tags.count");
  }

  @Test
  void decode_emptyFrame_isRejected() {
    assertThatThrownBy(() -> RbsrCodec.decode(hex("0100"), 32))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("frame.ranges");
  }
}
