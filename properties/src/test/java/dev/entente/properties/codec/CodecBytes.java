package dev.entente.properties.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.codec.DecodeException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.zip.CRC32C;
import net.jqwik.api.statistics.Statistics;

/** Byte surgery shared by the codec property suites. */
final class CodecBytes {
  private CodecBytes() {}

  /** A codec's decode function, which may reject its input. */
  @FunctionalInterface
  interface Decoder<T> {
    T decode(byte[] bytes) throws DecodeException;
  }

  /**
   * Fails unless decoding throws {@link DecodeException}; any other exception escapes and fails the
   * property too. Cheaper than an AssertJ chain, which matters inside the per-bit loops.
   */
  static <T> void assertRejected(Decoder<T> decoder, byte[] bytes, String what, int index) {
    try {
      decoder.decode(bytes);
    } catch (DecodeException expected) {
      return;
    }
    throw new AssertionError(
        String.format(Locale.ROOT, "decoded " + what, index, bytes.length) + " without error");
  }

  /** Either decoding fails with a DecodeException or the bytes are the canonical encoding. */
  static <T> void decodeIsCanonicalOrRejected(
      Decoder<T> decoder, Function<T, byte[]> encoder, byte[] bytes) {
    T decoded;
    try {
      decoded = decoder.decode(bytes);
    } catch (DecodeException e) {
      assertThat(e.offset()).isBetween(0, bytes.length);
      Statistics.collect("rejected");
      return;
    }
    Statistics.collect("decoded");
    assertThat(encoder.apply(decoded)).isEqualTo(bytes);
  }

  /** A copy of {@code encoding} whose last 4 bytes are the CRC-32C of the bytes before them. */
  static byte[] resealed(byte[] encoding) {
    byte[] copy = encoding.clone();
    CRC32C crc = new CRC32C();
    crc.update(copy, 0, copy.length - 4);
    long value = crc.getValue();
    for (int i = 0; i < 4; i++) {
      copy[copy.length - 4 + i] = (byte) (value >>> (8 * (3 - i)));
    }
    return copy;
  }

  /** {@code body} followed by its CRC-32C: a well-sealed but otherwise arbitrary encoding. */
  static byte[] sealed(byte[] body) {
    return resealed(Arrays.copyOf(body, body.length + 4));
  }

  /**
   * Flips bit {@code bit} (counting from the first byte's least significant bit) in place. Its own
   * inverse: the per-bit loops flip, decode and flip back instead of copying the input each time.
   */
  static void flip(byte[] encoding, int bit) {
    encoding[bit / 8] ^= (byte) (1 << (bit % 8));
  }

  /**
   * A copy with {@code replacement} written over the bytes from {@code at} (clipped at the end).
   */
  static byte[] overwritten(byte[] encoding, int at, byte[] replacement) {
    byte[] copy = encoding.clone();
    int n = Math.min(replacement.length, copy.length - at);
    System.arraycopy(replacement, 0, copy, at, n);
    return copy;
  }

  static byte[] concat(byte[] first, byte[] second) {
    byte[] out = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, out, first.length, second.length);
    return out;
  }
}
