package dev.entente.impl.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/**
 * {@link ByteReader}: each fixed-width read refuses to run past the body into the checksum trailer,
 * naming the field, its offset and how many bytes were left.
 */
class ByteReaderTest {
  /** A reader over {@code body}, framed with its real CRC-32C trailer as the codecs frame it. */
  private static ByteReader over(byte... body) throws DecodeException {
    CRC32C crc = new CRC32C();
    crc.update(body, 0, body.length);
    long sum = crc.getValue();
    byte[] framed = Arrays.copyOf(body, body.length + 4);
    for (int i = 0; i < 4; i++) {
      framed[body.length + i] = (byte) (sum >>> (24 - 8 * i));
    }
    return ByteReader.checked(framed, 0, framed.length, "t", 4);
  }

  @Test
  void fixedWidthReads_wholeBody_readBigEndian() throws DecodeException {
    ByteReader r = over((byte) 0xAB, (byte) 1, (byte) 2, (byte) 0, (byte) 0, (byte) 1, (byte) 0);
    assertThat(r.u8("a")).isEqualTo(0xAB);
    assertThat(r.u16("b")).isEqualTo(0x0102);
    assertThat(r.u32("c")).isEqualTo(0x00000100L);
    assertThat(r.remaining()).isZero();
  }

  @Test
  void u8_emptyBody_isTruncated() throws DecodeException {
    ByteReader r = over();
    assertThatThrownBy(() -> r.u8("tag"))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("truncated: needs 1 bytes, 0 remain");
  }

  @Test
  void u16_oneByteLeft_isTruncatedNamingTheField() throws DecodeException {
    ByteReader r = over((byte) 1);
    assertThatThrownBy(() -> r.u16("len"))
        .isInstanceOfSatisfying(
            DecodeException.class,
            e -> {
              assertThat(e.field()).isEqualTo("t.len");
              assertThat(e.offset()).isZero();
              assertThat(e.reason()).isEqualTo("truncated: needs 2 bytes, 1 remain");
            });
  }

  @Test
  void u32_threeBytesLeft_isTruncated() throws DecodeException {
    ByteReader r = over((byte) 1, (byte) 2, (byte) 3);
    assertThatThrownBy(() -> r.u32("count"))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("truncated: needs 4 bytes, 3 remain");
  }

  @Test
  void i64_sevenBytesLeft_isTruncated() throws DecodeException {
    ByteReader r = over(new byte[7]);
    assertThatThrownBy(() -> r.i64("seq"))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("truncated: needs 8 bytes, 7 remain");
  }

  @Test
  void magic_shorterThanExpected_isTruncated() throws DecodeException {
    ByteReader r = over((byte) 'E', (byte) 'N');
    assertThatThrownBy(() -> r.magic(new byte[] {'E', 'N', 'T', 'C'}, "magic"))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("truncated: needs 4 bytes, 2 remain");
  }

  @Test
  void checked_shorterThanTheSmallestEncoding_isTruncatedWithBothLengths() {
    byte[] in = new byte[3];
    assertThatThrownBy(() -> ByteReader.checked(in, 0, 3, "t", 4))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("truncated: 3 bytes, the smallest encoding has 4");
  }
}
